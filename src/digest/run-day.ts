/**
 * One scheduled run of a day's digest: claim the channels, build the digest once, post it to the
 * channels still held, and book a retry (build or post failed) or a takeover check (held elsewhere).
 */
import { claimChannels, releaseOwnClaims, stillHeld, type TakeoverChecks } from './claims.js';
import type { Digest } from './model.js';
import { publish } from './publish.js';
import type { Retries } from './retries.js';
import type { RunContext, Trigger } from './run-context.js';

export async function runDay(
  ctx: RunContext,
  parts: { retries: Retries; takeovers: TakeoverChecks },
  day: string,
  trigger: Trigger,
): Promise<void> {
  const { settings, clock, logger } = ctx.deps;
  const { retries, takeovers } = parts;
  if (ctx.stopped || settings.channels.length === 0) return;
  const now = clock();
  const { claimed, held } = await claimChannels(ctx, day, now);
  takeovers.book(day, held);
  if (claimed.length === 0) {
    logger.debug({ day, trigger }, 'digest: every channel has today’s digest or another instance is on it');
    return;
  }
  let digest: Digest;
  try {
    digest = await ctx.build(now);
  } catch (error) {
    await retries.reportBuildFailure(day, await stillHeld(ctx, day, claimed, now), error);
    retries.schedule(day);
    return;
  }
  try {
    const mine = await stillHeld(ctx, day, claimed, now);
    if (mine.length > 0 && (await publish(ctx, day, mine, digest, trigger))) retries.schedule(day);
  } catch (error) {
    // A bug or a store hiccup after the claim: free what this run still holds so a retry can post.
    logger.error({ day, err: error }, 'digest run failed after claiming');
    await releaseOwnClaims(ctx, day, claimed);
    retries.schedule(day);
  }
}
