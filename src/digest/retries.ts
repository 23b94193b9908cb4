/**
 * Retrying a failed digest run within its day: after a VSPC failure with backoff, telling the channel
 * what failed; after an unusable database at a steady pace until it answers (nothing is claimed
 * then, so no channel can be told without every replica telling it).
 */
import { localDay } from '../licenses/expiry.js';
import { describeVspcError, VspcError } from '../vspc/errors.js';
import { failureMessage, slackReason } from './poster.js';
import type { RunContext, Trigger } from './run-context.js';

const MINUTE_MS = 60_000;
export const DEFAULT_RETRY_DELAYS_MS = [5, 15, 30, 60, 120].map((minutes) => minutes * MINUTE_MS);

export interface Retries {
  /** Books the next retry of `day`; false when the retries of the day are used up. */
  schedule(day: string): boolean;
  /** Tells each claimed channel that the digest could not be built, and frees its claim. */
  reportBuildFailure(day: string, claimed: string[], error: unknown): Promise<void>;
  /**
   * The database was not usable: runs the day again after `storeRetryMs`, again and again until the
   * database answers or the day ends. These runs do not use up the day's retries.
   */
  afterStoreFailure(day: string): void;
  /** At stop: forgets the booked store retries (their timers are cancelled). */
  clear(): void;
}

export function createRetries(ctx: RunContext, rerun: (day: string, trigger: Trigger) => Promise<void>): Retries {
  const { store, clock, logger, settings } = ctx.deps;
  const delays = ctx.deps.retry?.delaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const retriesUsed = new Map<string, number>();
  const storeRetries = new Set<string>();

  function schedule(day: string): boolean {
    const used = retriesUsed.get(day) ?? 0;
    const delay = delays[used];
    if (delay === undefined || ctx.stopped) {
      logger.error({ day, attempts: used + 1 }, 'digest: no retries left today');
      return false;
    }
    retriesUsed.set(day, used + 1);
    ctx.later(delay, () => {
      if (ctx.stopped || localDay(clock(), settings.timeZone) !== day) return;
      void ctx.serialize(() => rerun(day, 'retry')).catch((error) => logger.error({ err: error, day }, 'digest retry'));
    });
    return true;
  }

  async function reportBuildFailure(day: string, claimed: string[], error: unknown): Promise<void> {
    const { reason, requestId } = describeFailure(error);
    logger.error({ day, err: error }, 'digest could not be built');
    const next = ctx.stopped ? undefined : delays[retriesUsed.get(day) ?? 0];
    const retryNote =
      next === undefined
        ? 'No more attempts today. Run /vspc digest now to try again.'
        : `Next attempt in ${inWords(next)}.`;
    for (const channel of claimed) {
      const record = await store.getDigest(channel, day);
      // Tell the channel once, and again when giving up; retries in between stay quiet.
      const tell = (record?.attempts ?? 1) <= 1 || next === undefined;
      let ts: string | null = null;
      if (tell) {
        try {
          ({ ts } = await ctx.deps.post({ channel, ...failureMessage(day, reason, retryNote) }));
        } catch (postError) {
          logger.error({ channel, err: slackReason(postError) }, 'digest failure message could not be posted');
        }
      }
      await store.finishDigest(channel, day, 'failed', ts);
      await store.releaseDigest(channel, day);
      await ctx.audit('system', 'build digest', channel, `failed: ${reason}`, requestId);
    }
  }

  function afterStoreFailure(day: string): void {
    if (ctx.stopped || storeRetries.has(day)) return;
    storeRetries.add(day);
    ctx.later(ctx.storeRetryMs, () => {
      storeRetries.delete(day);
      if (ctx.stopped || localDay(clock(), settings.timeZone) !== day) return;
      void ctx.serialize(() => rerun(day, 'retry')).catch((error) => logger.error({ err: error, day }, 'digest retry'));
    });
  }

  return { schedule, reportBuildFailure, afterStoreFailure, clear: () => storeRetries.clear() };
}

function describeFailure(error: unknown): { reason: string; requestId: string | null } {
  if (error instanceof VspcError) return { reason: describeVspcError(error), requestId: error.requestId };
  return { reason: 'an unexpected error (details are in the bot log)', requestId: null };
}

function inWords(ms: number): string {
  if (ms < MINUTE_MS) {
    const seconds = Math.max(1, Math.round(ms / 1000));
    return seconds === 1 ? '1 second' : `${seconds} seconds`;
  }
  const minutes = Math.round(ms / MINUTE_MS);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
