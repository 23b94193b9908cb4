/** Reads approval cards back out of what the fake Slack recorded. */
import type { FakeSlack, RecordedCall } from '../../support/slack/index.js';

export interface PostedCard {
  /** The pending action id (the Confirm button's value). */
  actionId: string;
  channel: string;
  ts: string;
}

interface ButtonLike {
  action_id?: unknown;
  value?: unknown;
}

/** The value of the first button with this action_id in a list of blocks. */
export function buttonValue(blocks: unknown, actionId: string): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const block of blocks as { elements?: unknown }[]) {
    if (!Array.isArray(block.elements)) continue;
    for (const element of block.elements as ButtonLike[]) {
      if (element.action_id === actionId && typeof element.value === 'string') return element.value;
    }
  }
  return undefined;
}

/** True while a message still offers Confirm (the action has not ended). */
export function hasConfirm(blocks: unknown): boolean {
  return buttonValue(blocks, 'confirm_action') !== undefined;
}

/** Approval cards the bot posted with chat.postMessage after `since`. */
export function postedCards(fake: FakeSlack, since = 0): PostedCard[] {
  return fake
    .calls('chat.postMessage')
    .filter((call) => call.seq > since)
    .flatMap((call) => {
      const actionId = buttonValue(call.params.blocks, 'confirm_action');
      const result = call.result as { ok?: boolean; ts?: string; channel?: string } | undefined;
      if (!actionId || !result?.ok || !result.ts) return [];
      return [{ actionId, channel: String(result.channel ?? call.params.channel), ts: result.ts }];
    });
}

/** Waits for the next approval card posted after `since`. */
export async function waitForCard(fake: FakeSlack, since: number, timeoutMs = 5000): Promise<PostedCard> {
  await fake.waitFor(
    (call: RecordedCall) =>
      call.seq > since &&
      call.method === 'chat.postMessage' &&
      buttonValue(call.params.blocks, 'confirm_action') !== undefined,
    { timeoutMs },
  );
  const card = postedCards(fake, since)[0];
  if (!card) throw new Error('the card was posted but Slack did not accept it');
  return card;
}

/** Text of a message's blocks and fallback text, for matching outcome wording. */
export function messageText(message: { text?: unknown; blocks?: unknown } | undefined): string {
  return `${String(message?.text ?? '')} ${JSON.stringify(message?.blocks ?? [])}`;
}
