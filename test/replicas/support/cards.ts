/** Reads approval cards and digests back out of what the fake Slack recorded. */
import type { FakeSlack, RecordedCall } from '../../support/slack/index.js';

export interface PostedCard {
  /** The pending action id (the Confirm button's value). */
  actionId: string;
  channel: string;
  ts: string;
}

/** The value of the first button with this action_id in a list of blocks. */
export function buttonValue(blocks: unknown, actionId: string): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as { elements?: unknown }[]) {
    if (!Array.isArray(block.elements)) continue;
    for (const element of block.elements as { action_id?: unknown; value?: unknown }[]) {
      if (element.action_id === actionId && typeof element.value === 'string') return element.value;
    }
  }
  return undefined;
}

function isCardPost(call: RecordedCall): boolean {
  return call.method === 'chat.postMessage' && buttonValue(call.params.blocks, 'confirm_action') !== undefined;
}

/** Waits for the first approval card Slack accepted after `since`. */
export async function waitForCard(fake: FakeSlack, since: number, timeoutMs = 15_000): Promise<PostedCard> {
  const call = await fake.waitFor((c) => isCardPost(c) && (c.result as { ok?: boolean } | undefined)?.ok === true, {
    since,
    timeoutMs,
  });
  const result = call.result as { ts: string; channel?: string };
  return {
    actionId: buttonValue(call.params.blocks, 'confirm_action') ?? '',
    channel: String(result.channel ?? call.params.channel),
    ts: result.ts,
  };
}

/** Fallback text and blocks of a call or message, for matching wording. */
export function textOf(message: { text?: unknown; blocks?: unknown } | undefined): string {
  return `${String(message?.text ?? '')} ${JSON.stringify(message?.blocks ?? [])}`;
}

/** Top-level chat.postMessage calls Slack accepted in `channel` (thread replies excluded). */
export function mainPosts(fake: FakeSlack, channel: string): RecordedCall[] {
  return fake
    .calls('chat.postMessage')
    .filter(
      (call) =>
        call.params.channel === channel &&
        call.params.thread_ts === undefined &&
        (call.result as { ok?: boolean } | undefined)?.ok === true,
    );
}
