/**
 * The digest service: builds the digest from VSPC and posts it to every DIGEST_CHANNEL once per
 * channel and local day, however many processes or replicas run. The store's claim of
 * (channel, day) decides who posts (`claims.ts`); a restart the same day finds the claim and stays
 * quiet. A claim is a lease: when its holder died before posting, the claim goes stale and whoever
 * looks next (catch-up on start, the cron of another replica, or the takeover check this service
 * books when it finds the day held by someone else) takes it over and posts.
 * When VSPC fails, the channel hears what failed (with VSPC's code and request id) and the run is
 * retried with backoff within the day (`retries.ts`). When the database is not usable the run says so
 * in the log and runs again until it answers; a post the database missed is recorded later and never
 * repeated (`unrecorded-posts.ts`). This file schedules the runs and wires the parts.
 */
import { localDay } from '../licenses/expiry.js';
import { createTakeoverChecks } from './claims.js';
import type { DigestService } from './model.js';
import { postNow } from './post-now.js';
import { createRetries } from './retries.js';
import { createRunContext, type DigestServiceDeps, type Trigger } from './run-context.js';
import { runDay } from './run-day.js';
import { nodeCronSchedule, type ScheduledJob, scheduledTimeHasPassed } from './scheduler.js';

export { DEFAULT_RETRY_DELAYS_MS } from './retries.js';
export type { DigestServiceDeps, RunOutcome } from './run-context.js';

export interface DigestRunner extends DigestService {
  /** The cron job: today's digest to every channel that does not have it yet. */
  runScheduled(): Promise<void>;
  /** After downtime: runs today's digest if its scheduled time has passed. True when it ran. */
  catchUp(): Promise<boolean>;
  /** Schedules the cron job and catches up. Does nothing without DIGEST_CHANNEL. */
  start(): Promise<void>;
  /** Cancels the cron job and pending retries, and waits for a run in progress. */
  stop(): Promise<void>;
}

export function createDigestService(deps: DigestServiceDeps): DigestRunner {
  const { settings, clock, logger } = deps;
  const schedule = deps.schedule ?? nodeCronSchedule;
  const timeZone = settings.timeZone;
  const ctx = createRunContext(deps);
  const rerun = (day: string, trigger: Trigger): Promise<void> => runDay(ctx, parts, day, trigger);
  const parts = { retries: createRetries(ctx, rerun), takeovers: createTakeoverChecks(ctx, rerun) };
  let job: ScheduledJob | null = null;

  async function catchUp(): Promise<boolean> {
    if (ctx.stopped || settings.channels.length === 0) return false;
    const now = clock();
    if (!scheduledTimeHasPassed(settings.cron, now, timeZone)) return false;
    await ctx.serialize(() => rerun(localDay(now, timeZone), 'catch-up'));
    return true;
  }

  async function runScheduled(): Promise<void> {
    try {
      await ctx.serialize(() => rerun(localDay(clock(), timeZone), 'schedule'));
    } catch (error) {
      logger.error({ err: error }, 'digest run failed');
    }
  }

  return {
    preview: () => ctx.build(clock()),
    postNow: (requestedBy) => postNow(ctx, requestedBy),
    runScheduled,
    catchUp,
    async start() {
      if (settings.channels.length === 0) {
        logger.info('digest off: DIGEST_CHANNEL is empty');
        return;
      }
      ctx.stopped = false;
      job ??= schedule(settings.cron, () => void runScheduled(), { timezone: timeZone });
      try {
        await catchUp();
      } catch (error) {
        logger.error({ err: error }, 'digest catch-up failed');
      }
    },
    async stop() {
      ctx.stopped = true;
      const current = job;
      job = null;
      await current?.stop();
      ctx.cancelTimers();
      parts.takeovers.clear();
      parts.retries.clear();
      await ctx.idle();
      ctx.unrecorded.abandon();
    },
  };
}
