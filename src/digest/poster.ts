/**
 * Posts a rendered digest: the main message, then its thread replies one after the other (Slack
 * allows about one message per second per channel; the Web API client waits out 429s). A failed
 * reply is logged and the rest still go out: the main message already says what the thread holds.
 */
import type { KnownBlock } from '@slack/types';
import type { Logger } from '../log.js';
import { contextLine, escapeMrkdwn, mrkdwnSection } from './entry-blocks.js';
import type { RenderedDigest, RenderedMessage } from './render-blocks.js';

/** `chat.postMessage`, injected. */
export type PostMessage = (args: {
  channel: string;
  text: string;
  blocks: KnownBlock[];
  thread_ts?: string;
}) => Promise<{ ts: string }>;

export interface PostOutcome {
  ts: string;
  failedReplies: number;
}

export async function postDigest(
  post: PostMessage,
  channel: string,
  rendered: RenderedDigest,
  logger: Logger,
): Promise<PostOutcome> {
  const { ts } = await post({ channel, text: rendered.main.text, blocks: rendered.main.blocks });
  let failedReplies = 0;
  for (const [index, reply] of rendered.threadReplies.entries()) {
    try {
      await post({ channel, text: reply.text, blocks: reply.blocks, thread_ts: ts });
    } catch (error) {
      failedReplies += 1;
      logger.warn({ channel, part: index + 2, err: slackReason(error) }, 'digest thread reply could not be posted');
    }
  }
  return { ts, failedReplies };
}

/** What the channel sees when the digest could not be built. */
export function failureMessage(day: string, reason: string, retryNote: string): RenderedMessage {
  const text = escapeMrkdwn(`The VSPC license digest for ${day} could not be built: ${reason}`);
  return { text, blocks: [mrkdwnSection(`:x: ${text}`), contextLine(escapeMrkdwn(retryNote))] };
}

/** Slack's error code (`channel_not_found`) or the message; never the request with its token. */
export function slackReason(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (typeof data?.error === 'string') return data.error;
    if (error instanceof Error) return error.message;
  }
  return String(error);
}
