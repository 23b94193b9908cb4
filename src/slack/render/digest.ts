/**
 * `digest preview`: the digest module's own rendering of the main message (the one the daily post
 * shows), without a thread: an ephemeral answer has none, so its notes name the commands that list
 * the rest.
 */
import type { Reply } from '../../commands/reply.js';
import { renderDigestBlocks } from '../../digest/render-blocks.js';
import type { SlackMessage } from './block-kit.js';
import type { RenderContext } from './render-context.js';

type DigestReply = Extract<Reply, { type: 'digest' }>;

export function renderDigest(reply: DigestReply, ctx: RenderContext): SlackMessage {
  return renderDigestBlocks(reply.digest, { userTimeZone: ctx.userTimeZone, maxThreadReplies: 0 }).main;
}
