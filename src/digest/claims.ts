/**
 * The store's claim of (channel, day) decides which process posts. A claim is a lease: when its
 * holder died before posting, the claim goes stale and whoever looks next takes it over; a process
 * that finds the day held books a look for when the holder's lease runs out.
 */
import { localDay } from '../licenses/expiry.js';
import type { DigestRecord } from '../store/types.js';
import type { RunContext, Trigger } from './run-context.js';

/** After a lease runs out, wait this much more: the holder's clock may be a little behind ours. */
const TAKEOVER_MARGIN_MS = 1000;

/** Claims the channels of `day` this run may post to, taking over stale or failed claims. */
export async function claimChannels(
  ctx: RunContext,
  day: string,
  now: Date,
): Promise<{ claimed: string[]; held: DigestRecord[] }> {
  const { store, settings } = ctx.deps;
  const claimed: string[] = [];
  const held: DigestRecord[] = [];
  for (const channel of settings.channels) {
    // Posted by this process, its record still missing: the claim looks open, but the day is done.
    if (ctx.unrecorded.has(channel, day)) continue;
    const before = await store.getDigest(channel, day);
    if (before?.status === 'posted') continue;
    if (await claimChannel(ctx, channel, day, now, before)) {
      claimed.push(channel);
      continue;
    }
    const holder = await store.getDigest(channel, day);
    if (holder?.status === 'claimed') held.push(holder);
  }
  return { claimed, held };
}

/** One channel's claim of `day`, given its record as read just before (`before`). */
export async function claimChannel(
  ctx: RunContext,
  channel: string,
  day: string,
  now: Date,
  before: DigestRecord | null,
): Promise<boolean> {
  const { store, logger, instanceId } = ctx.deps;
  const own = before?.status === 'claimed' && before.claimedBy === instanceId;
  if (!(await store.claimDigest(channel, day, instanceId, now, own ? ageOf(before, now) : ctx.leaseMs))) return false;
  if (own) {
    logger.info({ channel, day }, 'digest: claiming again what an earlier run of this process left claimed');
  } else if (before?.status === 'claimed') {
    logger.warn(
      { channel, day, previous: before.claimedBy, claimedAt: before.claimedAt },
      'digest: took over a claim whose holder did not finish within the lease',
    );
    await ctx.audit('system', 'take over digest claim', channel, `taken over from ${before.claimedBy}`, null);
  }
  return true;
}

/**
 * A claim of this very process that no run of it holds (its runs go one at a time) and that it did not
 * post (see `UnrecordedPosts`): an earlier run met an unusable database after claiming. It is taken
 * again at once with a lease of its own age, so exactly that claim is taken and never a newer one.
 */
function ageOf(record: DigestRecord, now: Date): number {
  return Math.max(0, now.getTime() - record.claimedAt.getTime());
}

/**
 * The channels among `claimed` whose claim is still this run's. A run slower than the lease may
 * have been taken over; then the taker posts and this run must not (a narrow race remains between
 * this read and the post, which is why the lease must exceed the slowest run).
 */
export async function stillHeld(ctx: RunContext, day: string, claimed: string[], claimedAt: Date): Promise<string[]> {
  const { store, logger, instanceId } = ctx.deps;
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

/** Frees what this run still holds of `day`, so that a retry (here or elsewhere) can post. */
export async function releaseOwnClaims(ctx: RunContext, day: string, claimed: string[]): Promise<void> {
  const { store, instanceId } = ctx.deps;
  for (const channel of claimed) {
    const record = await store.getDigest(channel, day);
    if (record?.status === 'claimed' && record.claimedBy === instanceId) {
      await store.finishDigest(channel, day, 'failed', null);
      await store.releaseDigest(channel, day);
    }
  }
}

export interface TakeoverChecks {
  /**
   * Another instance holds the day: look again when its lease runs out. If it posted by then, the
   * check finds the day done; if it died, the check takes the day over.
   */
  book(day: string, held: DigestRecord[]): void;
  clear(): void;
}

export function createTakeoverChecks(
  ctx: RunContext,
  rerun: (day: string, trigger: Trigger) => Promise<void>,
): TakeoverChecks {
  const { clock, logger, settings } = ctx.deps;
  /** Days with a takeover check booked: one timer per day, however often the day is found held. */
  const booked = new Set<string>();
  return {
    book(day, held) {
      if (ctx.stopped || held.length === 0 || booked.has(day)) return;
      const leaseEnd = Math.min(...held.map((record) => record.claimedAt.getTime() + ctx.leaseMs));
      const delay = Math.max(0, leaseEnd - clock().getTime()) + TAKEOVER_MARGIN_MS;
      booked.add(day);
      ctx.later(delay, () => {
        booked.delete(day);
        if (ctx.stopped || localDay(clock(), settings.timeZone) !== day) return;
        void ctx
          .serialize(() => rerun(day, 'takeover'))
          .catch((error) => logger.error({ err: error, day }, 'digest takeover check'));
      });
    },
    clear: () => booked.clear(),
  };
}
