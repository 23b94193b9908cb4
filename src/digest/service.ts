/**
 * The digest service: builds the digest from VSPC and posts it to every DIGEST_CHANNEL once per
 * channel and local day, however many processes or replicas run. The store's claim of
 * (channel, day) decides who posts; a restart the same day finds the claim and stays quiet.
 * A claim is a lease: when its holder died before posting, the claim goes stale and whoever looks
 * next (catch-up on start, the cron of another replica, or the takeover check this service books
 * when it finds the day held by someone else) takes it over and posts.
 * When VSPC fails, the channel hears what failed (with VSPC's code and request id) and the run is
 * retried with backoff within the day.
 */
import type { DigestSettings } from '../config.js';
import type { InsightService } from '../insight/service.js';
import type { LicensingBackend } from '../licenses/backend.js';
import { type Clock, localDay } from '../licenses/expiry.js';
import type { Inventory } from '../licenses/inventory.js';
import type { Logger } from '../log.js';
import { channelMention } from '../mention.js';
import { DEFAULT_DIGEST_LEASE_MS, type DigestRecord, type Store } from '../store/types.js';
import { describeVspcError, VspcError } from '../vspc/errors.js';
import { loadDigest } from './load-digest.js';
import type { Digest, DigestService } from './model.js';
import { failureMessage, type PostMessage, postDigest, slackReason } from './poster.js';
import { type RenderedDigest, renderDigestBlocks } from './render-blocks.js';
import { nodeCronSchedule, type ScheduledJob, type ScheduleFn, scheduledTimeHasPassed } from './scheduler.js';

export interface DigestServiceDeps {
  backend: LicensingBackend;
  inventory?: Inventory;
  /** The "Usage changes" section's source; without it the digest has none. */
  insight?: InsightService;
  store: Store;
  /** chat.postMessage, injected. */
  post: PostMessage;
  settings: DigestSettings;
  clock: Clock;
  logger: Logger;
  /** Names this process in the store's claims (hostname + pid, or a uuid). */
  instanceId: string;
  /** Delays of the retries after a failed run, within the same day. */
  retry?: { delaysMs: number[] };
  /** node-cron by default; tests pass their own to fire the job. */
  schedule?: ScheduleFn;
  /**
   * How long a claim of (channel, day) holds before another instance may take it over (default
   * DEFAULT_DIGEST_LEASE_MS, 10 minutes). Must exceed the slowest run, retries of VSPC included.
   */
  claimLeaseMs?: number;
}

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

const MINUTE_MS = 60_000;
export const DEFAULT_RETRY_DELAYS_MS = [5, 15, 30, 60, 120].map((minutes) => minutes * MINUTE_MS);

type Trigger = 'schedule' | 'catch-up' | 'retry' | 'takeover';

/** After a lease runs out, wait this much more: the holder's clock may be a little behind ours. */
const TAKEOVER_MARGIN_MS = 1000;

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

export function createDigestService(deps: DigestServiceDeps): DigestRunner {
  const { store, settings, clock, logger, instanceId } = deps;
  const delays = deps.retry?.delaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const schedule = deps.schedule ?? nodeCronSchedule;
  const timeZone = settings.timeZone;
  const leaseMs = deps.claimLeaseMs ?? DEFAULT_DIGEST_LEASE_MS;
  const retriesUsed = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  /** Days with a takeover check booked: one timer per day, however often the day is found held. */
  const takeoverBooked = new Set<string>();
  let job: ScheduledJob | null = null;
  let stopped = false;
  // Runs of this process one at a time: cron, catch-up, retries and `digest now` never interleave.
  let queue: Promise<unknown> = Promise.resolve();

  function serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function build(now: Date): Promise<Digest> {
    return loadDigest(deps, { now, timeZone, horizonDays: settings.expiryDays });
  }

  async function audit(actor: string, what: string, channel: string, outcome: string, requestId: string | null) {
    try {
      await store.appendAudit({
        at: clock(),
        actor,
        event: 'digest',
        what,
        target: channel,
        actionId: null,
        outcome,
        requestId,
      });
    } catch (error) {
      logger.warn({ err: error }, 'digest audit entry could not be written');
    }
  }

  /** Posts to each channel; one channel's Slack error does not stop the others. */
  async function postToChannels(
    day: string,
    channels: { channel: string; claimed: boolean }[],
    rendered: RenderedDigest,
    actor: string,
  ): Promise<{ posted: string[]; failed: { channel: string; reason: string }[] }> {
    const posted: string[] = [];
    const failed: { channel: string; reason: string }[] = [];
    for (const { channel, claimed } of channels) {
      let ts: string;
      try {
        ({ ts } = await postDigest(deps.post, channel, rendered, logger));
      } catch (error) {
        const reason = slackReason(error);
        failed.push({ channel, reason });
        logger.error({ channel, day, err: reason }, 'digest could not be posted');
        if (claimed) {
          await store.finishDigest(channel, day, 'failed', null);
          await store.releaseDigest(channel, day);
        }
        await audit(actor, 'post digest', channel, `failed: ${reason}`, null);
        continue;
      }
      posted.push(channel);
      if (claimed) {
        try {
          await store.finishDigest(channel, day, 'posted', ts);
        } catch (error) {
          // The message is out: keep the claim (a retry would post twice) and say so in the log.
          logger.error({ channel, day, err: error }, 'digest posted but not recorded as posted');
        }
      }
      await audit(actor, 'post digest', channel, `posted ${ts}`, null);
    }
    return { posted, failed };
  }

  /** Books the next retry of `day`; false when the retries of the day are used up. */
  function scheduleRetry(day: string): boolean {
    const used = retriesUsed.get(day) ?? 0;
    const delay = delays[used];
    if (delay === undefined || stopped) {
      logger.error({ day, attempts: used + 1 }, 'digest: no retries left today');
      return false;
    }
    retriesUsed.set(day, used + 1);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (stopped || localDay(clock(), timeZone) !== day) return;
      void serialize(() => runDay(day, 'retry')).catch((error) => logger.error({ err: error, day }, 'digest retry'));
    }, delay);
    timer.unref();
    timers.add(timer);
    return true;
  }

  async function reportBuildFailure(day: string, claimed: string[], error: unknown): Promise<void> {
    const { reason, requestId } = describeFailure(error);
    logger.error({ day, err: error }, 'digest could not be built');
    const next = stopped ? undefined : delays[retriesUsed.get(day) ?? 0];
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
          ({ ts } = await deps.post({ channel, ...failureMessage(day, reason, retryNote) }));
        } catch (postError) {
          logger.error({ channel, err: slackReason(postError) }, 'digest failure message could not be posted');
        }
      }
      await store.finishDigest(channel, day, 'failed', ts);
      await store.releaseDigest(channel, day);
      await audit('system', 'build digest', channel, `failed: ${reason}`, requestId);
    }
  }

  /** Claims the channels of `day` this run may post to, taking over stale or failed claims. */
  async function claimChannels(day: string, now: Date): Promise<{ claimed: string[]; held: DigestRecord[] }> {
    const claimed: string[] = [];
    const held: DigestRecord[] = [];
    for (const channel of settings.channels) {
      const before = await store.getDigest(channel, day);
      if (before?.status === 'posted') continue;
      if (await store.claimDigest(channel, day, instanceId, now, leaseMs)) {
        claimed.push(channel);
        if (before?.status === 'claimed') {
          logger.warn(
            { channel, day, previous: before.claimedBy, claimedAt: before.claimedAt },
            'digest: took over a claim whose holder did not finish within the lease',
          );
          await audit('system', 'take over digest claim', channel, `taken over from ${before.claimedBy}`, null);
        }
        continue;
      }
      const holder = await store.getDigest(channel, day);
      if (holder?.status === 'claimed') held.push(holder);
    }
    return { claimed, held };
  }

  /**
   * Another instance holds the day: look again when its lease runs out. If it posted by then, the
   * check finds the day done; if it died, the check takes the day over.
   */
  function bookTakeoverCheck(day: string, held: DigestRecord[]): void {
    if (stopped || held.length === 0 || takeoverBooked.has(day)) return;
    const leaseEnd = Math.min(...held.map((record) => record.claimedAt.getTime() + leaseMs));
    const delay = Math.max(0, leaseEnd - clock().getTime()) + TAKEOVER_MARGIN_MS;
    takeoverBooked.add(day);
    const timer = setTimeout(() => {
      timers.delete(timer);
      takeoverBooked.delete(day);
      if (stopped || localDay(clock(), timeZone) !== day) return;
      void serialize(() => runDay(day, 'takeover')).catch((error) =>
        logger.error({ err: error, day }, 'digest takeover check'),
      );
    }, delay);
    timer.unref();
    timers.add(timer);
  }

  /**
   * The channels among `claimed` whose claim is still this run's. A run slower than the lease may
   * have been taken over; then the taker posts and this run must not (a narrow race remains between
   * this read and the post, which is why the lease must exceed the slowest run).
   */
  async function stillHeld(day: string, claimed: string[], claimedAt: Date): Promise<string[]> {
    const kept: string[] = [];
    for (const channel of claimed) {
      const record = await store.getDigest(channel, day);
      if (
        record?.status === 'claimed' &&
        record.claimedBy === instanceId &&
        record.claimedAt.getTime() === claimedAt.getTime()
      ) {
        kept.push(channel);
      } else {
        logger.warn({ channel, day, holder: record?.claimedBy }, 'digest: claim taken over during a slow run');
      }
    }
    return kept;
  }

  async function runDay(day: string, trigger: Trigger): Promise<void> {
    if (stopped || settings.channels.length === 0) return;
    const now = clock();
    const { claimed, held } = await claimChannels(day, now);
    bookTakeoverCheck(day, held);
    if (claimed.length === 0) {
      logger.debug({ day, trigger }, 'digest: every channel has today’s digest or another instance is on it');
      return;
    }
    let digest: Digest;
    try {
      digest = await build(now);
    } catch (error) {
      await reportBuildFailure(day, await stillHeld(day, claimed, now), error);
      scheduleRetry(day);
      return;
    }
    try {
      const mine = await stillHeld(day, claimed, now);
      if (mine.length > 0) await publish(day, mine, digest, trigger);
    } catch (error) {
      // A bug or a store hiccup after the claim: free what this run still holds so a retry can post.
      logger.error({ day, err: error }, 'digest run failed after claiming');
      for (const channel of claimed) {
        const record = await store.getDigest(channel, day);
        if (record?.status === 'claimed' && record.claimedBy === instanceId) {
          await store.finishDigest(channel, day, 'failed', null);
          await store.releaseDigest(channel, day);
        }
      }
      scheduleRetry(day);
    }
  }

  async function publish(day: string, claimed: string[], digest: Digest, trigger: Trigger): Promise<void> {
    if (digest.empty && settings.skipEmpty) {
      for (const channel of claimed) {
        await store.finishDigest(channel, day, 'posted', null);
        await audit('system', 'post digest', channel, 'nothing to report; not posted (DIGEST_SKIP_EMPTY)', null);
      }
      return;
    }
    const rendered = renderDigestBlocks(digest);
    const targets = claimed.map((channel) => ({ channel, claimed: true }));
    const { failed } = await postToChannels(day, targets, rendered, 'system');
    logger.info({ day, trigger, channels: claimed.length, failed: failed.length }, 'digest run finished');
    if (failed.length > 0) scheduleRetry(day);
  }

  async function postNow(requestedBy: string): Promise<string> {
    if (settings.channels.length === 0) {
      return 'No digest channel is configured: set DIGEST_CHANNEL to the channel id(s) of the digest.';
    }
    return serialize(async () => {
      const now = clock();
      const day = localDay(now, timeZone);
      // Throws the VspcError: the command's reply shows it with its code and request id.
      const rendered = renderDigestBlocks(await build(now));
      const targets: { channel: string; claimed: boolean }[] = [];
      for (const channel of settings.channels) {
        targets.push({ channel, claimed: await store.claimDigest(channel, day, instanceId, now, leaseMs) });
      }
      const { posted, failed } = await postToChannels(day, targets, rendered, requestedBy);
      const parts: string[] = [];
      if (posted.length > 0) {
        parts.push(`Posted the digest for ${day} to ${posted.map(channelMention).join(', ')}.`);
      }
      if (failed.length > 0) {
        const list = failed.map(({ channel, reason }) => `${channelMention(channel)} (${reason})`).join(', ');
        parts.push(`Could not post it to ${list}.`);
      }
      return parts.join(' ');
    });
  }

  async function catchUp(): Promise<boolean> {
    if (stopped || settings.channels.length === 0) return false;
    const now = clock();
    if (!scheduledTimeHasPassed(settings.cron, now, timeZone)) return false;
    await serialize(() => runDay(localDay(now, timeZone), 'catch-up'));
    return true;
  }

  async function runScheduled(): Promise<void> {
    try {
      await serialize(() => runDay(localDay(clock(), timeZone), 'schedule'));
    } catch (error) {
      logger.error({ err: error }, 'digest run failed');
    }
  }

  return {
    preview: () => build(clock()),
    postNow,
    runScheduled,
    catchUp,
    async start() {
      if (settings.channels.length === 0) {
        logger.info('digest off: DIGEST_CHANNEL is empty');
        return;
      }
      stopped = false;
      job ??= schedule(settings.cron, () => void runScheduled(), { timezone: timeZone });
      try {
        await catchUp();
      } catch (error) {
        logger.error({ err: error }, 'digest catch-up failed');
      }
    },
    async stop() {
      stopped = true;
      const current = job;
      job = null;
      await current?.stop();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      takeoverBooked.clear();
      await queue;
    },
  };
}
