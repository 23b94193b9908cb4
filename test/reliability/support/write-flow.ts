/** One write the way a person does it: the command, the card, a click on Confirm, the card's end. */
import type { SlackDriver } from '../../support/app.js';
import { RESPONSE_URL } from '../../support/slack/index.js';
import { buttonValue, hasConfirm, messageText, type PostedCard } from './cards.js';
import { eventually } from './eventually.js';

export interface WriteOutcome {
  /** The answer when no card came (a refusal or an error), else undefined. */
  reply: string | undefined;
  card: PostedCard | undefined;
  /** The card's last text once it has no buttons and no longer says it is executing. */
  final: string | undefined;
}

/** The id of a response URL of the fake (`…/response/<id>`). */
export function responseId(url: string): string {
  return decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
}

/** `user` clicks Confirm on `card` (through whichever bot `t` drives). */
export function clickConfirm(t: Pick<SlackDriver, 'click'>, card: PostedCard, user: string) {
  return t.click({ actionId: 'confirm_action', value: card.actionId, messageTs: card.ts, user, channel: card.channel });
}

/** Still at work on the card: "Executing…", confirmed but not finished. */
export const EXECUTING = /executing/i;

export async function requestAndConfirm(
  t: SlackDriver,
  text: string,
  options: { user: string; channel: string; timeoutMs?: number; confirm?: boolean },
): Promise<WriteOutcome> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const sent = await t.command(text, options.user, options.channel);
  if (sent.status !== 200) throw new Error(`the command was answered with HTTP ${sent.status}`);
  const id = responseId(sent.responseUrl);
  const first = await t.fake.waitFor(
    (call) =>
      call.seq > sent.since &&
      ((call.method === RESPONSE_URL && call.target === id) ||
        (call.method === 'chat.postMessage' &&
          call.params.channel === options.channel &&
          buttonValue(call.params.blocks, 'confirm_action') !== undefined)),
    { timeoutMs },
  );
  if (first.method === RESPONSE_URL) return { reply: messageText(first.params), card: undefined, final: undefined };
  const result = first.result as { ts?: string };
  const card: PostedCard = {
    actionId: buttonValue(first.params.blocks, 'confirm_action') as string,
    channel: options.channel,
    ts: String(result.ts),
  };
  if (options.confirm === false) return { reply: undefined, card, final: undefined };
  const click = await clickConfirm(t, card, options.user);
  if (click.status !== 200) throw new Error(`the click was answered with HTTP ${click.status}`);
  const final = await eventually(
    () => {
      const message = t.fake.message(card.channel, card.ts);
      const shown = messageText(message);
      return message && !hasConfirm(message.blocks) && !EXECUTING.test(String(message.text)) ? shown : undefined;
    },
    { timeoutMs, what: `the card of ${text} to end` },
  );
  return { reply: undefined, card, final };
}
