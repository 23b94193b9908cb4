/** Posting a built digest to its channels and recording, per channel, that it went out (or did not). */
import type { Digest } from './model.js';
import { postDigest, slackReason } from './poster.js';
import { type RenderedDigest, renderDigestBlocks } from './render-blocks.js';
import type { RunContext, RunOutcome, Trigger } from './run-context.js';

export interface PostOutcome {
  posted: string[];
  failed: { channel: string; reason: string }[];
}

/** Posts to each channel; one channel's Slack error does not stop the others. */
export async function postToChannels(
  ctx: RunContext,
  day: string,
  channels: { channel: string; claimed: boolean }[],
  rendered: RenderedDigest,
  actor: string,
): Promise<PostOutcome> {
  const { store, logger } = ctx.deps;
  const posted: string[] = [];
  const failed: { channel: string; reason: string }[] = [];
  for (const { channel, claimed } of channels) {
    let ts: string;
    try {
      ({ ts } = await postDigest(ctx.deps.post, channel, rendered, logger));
    } catch (error) {
      const reason = slackReason(error);
      failed.push({ channel, reason });
      logger.error({ channel, day, err: reason }, 'digest could not be posted');
      if (claimed) {
        await store.finishDigest(channel, day, 'failed', null);
        await store.releaseDigest(channel, day);
      }
      await ctx.audit(actor, 'post digest', channel, `failed: ${reason}`, null);
      continue;
    }
    posted.push(channel);
    if (claimed) {
      try {
        await store.finishDigest(channel, day, 'posted', ts);
      } catch (error) {
        // The message is out: remembered, never posted again here, and recorded once the store answers.
        logger.error({ channel, day, err: error }, 'digest posted but not recorded as posted');
        ctx.unrecorded.remember(channel, day, ts);
      }
    }
    await ctx.audit(actor, 'post digest', channel, `posted ${ts}`, null);
  }
  return { posted, failed };
}

/**
 * A scheduled run's post to the channels it claimed (or nothing, with DIGEST_SKIP_EMPTY and nothing
 * to say). `failed` when some channel failed and the day needs a retry.
 */
export async function publish(
  ctx: RunContext,
  day: string,
  claimed: string[],
  digest: Digest,
  trigger: Trigger,
): Promise<Exclude<RunOutcome, 'skipped'>> {
  const { store, settings, logger } = ctx.deps;
  if (digest.empty && settings.skipEmpty) {
    for (const channel of claimed) {
      await store.finishDigest(channel, day, 'posted', null);
      await ctx.audit('system', 'post digest', channel, 'nothing to report; not posted (DIGEST_SKIP_EMPTY)', null);
    }
    return 'empty';
  }
  const rendered = renderDigestBlocks(digest);
  const targets = claimed.map((channel) => ({ channel, claimed: true }));
  const { failed } = await postToChannels(ctx, day, targets, rendered, 'system');
  logger.info({ day, trigger, channels: claimed.length, failed: failed.length }, 'digest run finished');
  return failed.length > 0 ? 'failed' : 'posted';
}
