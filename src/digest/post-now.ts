/**
 * `/vspc digest now`: build and post today's digest at once, to every channel. Channels whose day is
 * unclaimed are claimed (so the schedule stays quiet later); the others get it anyway, as asked.
 */
import { localDay } from '../licenses/expiry.js';
import { channelMention } from '../mention.js';
import { claimChannel } from './claims.js';
import { postToChannels } from './publish.js';
import { renderDigestBlocks } from './render-blocks.js';
import type { RunContext } from './run-context.js';

export async function postNow(ctx: RunContext, requestedBy: string): Promise<string> {
  const { store, settings, clock } = ctx.deps;
  if (settings.channels.length === 0) {
    return 'No digest channel is configured: set DIGEST_CHANNEL to the channel id(s) of the digest.';
  }
  return ctx.serialize(async () => {
    const now = clock();
    const day = localDay(now, settings.timeZone);
    // Throws the VspcError: the command's reply shows it with its code and request id.
    const rendered = renderDigestBlocks(await ctx.build(now));
    const targets: { channel: string; claimed: boolean }[] = [];
    for (const channel of settings.channels) {
      const claimed = await claimChannel(ctx, channel, day, now, await store.getDigest(channel, day));
      targets.push({ channel, claimed });
    }
    const { posted, failed } = await postToChannels(ctx, day, targets, rendered, requestedBy);
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
