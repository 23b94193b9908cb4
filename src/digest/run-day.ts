/**
 * One scheduled run of a day's digest: claim the channels, build the digest once, post it to the
 * channels still held, and book a retry (build or post failed, or the database was not usable) or a
 * takeover check (held elsewhere).
 */
import { storeUnavailable } from '../store/unavailable.js';
import { claimChannels, releaseOwnClaims, stillHeld, type TakeoverChecks } from './claims.js';
import type { Digest } from './model.js';
import { publish } from './publish.js';
import type { Retries } from './retries.js';
import type { RunContext, RunOutcome, Trigger } from './run-context.js';

interface Parts {
  retries: Retries;
  takeovers: TakeoverChecks;
}

export async function runDay(ctx: RunContext, parts: Parts, day: string, trigger: Trigger): Promise<void> {
  const { settings, logger } = ctx.deps;
  if (ctx.stopped || settings.channels.length === 0) return;
  try {
    await ctx.unrecorded.record();
    // Not inside `onRun?.(…)`: an optional call skips evaluating its argument when there is no listener.
    const outcome = await claimAndPost(ctx, parts, day, trigger);
    ctx.deps.onRun?.(outcome);
  } catch (error) {
    if (!storeUnavailable(error)) throw error;
    ctx.deps.onRun?.('failed');
    // Whatever was claimed stays claimed until its lease runs out (the takeover check then posts);
    // what was posted is remembered (`unrecorded-posts.ts`), so nothing goes out twice.
    parts.retries.afterStoreFailure(day);
    logger.error(
      { day, trigger, err: error, retryInMs: ctx.storeRetryMs },
      'digest could not run: the database is not available; it runs again once the database answers',
    );
    await ctx.audit(
      'system',
      'run digest',
      settings.channels.join(', '),
      'failed: the database is not available',
      null,
    );
  }
}

async function claimAndPost(ctx: RunContext, parts: Parts, day: string, trigger: Trigger): Promise<RunOutcome> {
  const { clock, logger } = ctx.deps;
  const { retries, takeovers } = parts;
  const now = clock();
  const { claimed, held } = await claimChannels(ctx, day, now);
  takeovers.book(day, held);
  if (claimed.length === 0) {
    logger.debug({ day, trigger }, 'digest: every channel has today’s digest or another instance is on it');
    return 'skipped';
  }
  let digest: Digest;
  try {
    digest = await ctx.build(now);
  } catch (error) {
    if (storeUnavailable(error)) throw error;
    await retries.reportBuildFailure(day, await stillHeld(ctx, day, claimed, now), error);
    retries.schedule(day);
    return 'failed';
  }
  try {
    const mine = await stillHeld(ctx, day, claimed, now);
    if (mine.length === 0) return 'skipped';
    const outcome = await publish(ctx, day, mine, digest, trigger);
    if (outcome === 'failed') retries.schedule(day);
    return outcome;
  } catch (error) {
    if (storeUnavailable(error)) throw error;
    // A bug after the claim: free what this run still holds so a retry can post.
    logger.error({ day, err: error }, 'digest run failed after claiming');
    await releaseOwnClaims(ctx, day, claimed);
    retries.schedule(day);
    return 'failed';
  }
}
