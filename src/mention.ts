/**
 * Mentions the bot itself builds, kept apart from text that came from VSPC or from a user.
 *
 * A company name, a report owner or a VSPC error text may contain `<@U123>` or `<!channel>`; Slack
 * would ping on them if they reached a message as they are. So every renderer escapes text whole, and
 * the only mentions that reach Slack are the ones made here: a token in Unicode private-use characters
 * that carries this process's random nonce. Text from outside cannot forge it (it cannot know the
 * nonce), and a token that outlived its process (say, inside a stored audit line) shows as plain
 * `@U123` text instead of a ping. Transport-neutral: the Slack renderers turn tokens into
 * `<@U123>`/`<#C123>`, the CLI and stored text into `@U123`/`#C123`.
 */
import { randomBytes } from 'node:crypto';

const OPEN = '\uE000';
const CLOSE = '\uE001';
const NONCE = randomBytes(8).toString('hex');
const TOKEN = /\uE000([0-9a-f]{16})([@#])([A-Z0-9]+)\uE001/g;
const USER_ID = /^[UW][A-Z0-9]+$/;
const CHANNEL_ID = /^[CGD][A-Z0-9]+$/;

/** A mention of a Slack user by id; "the CLI" for the CLI; anything else is shown as the plain text it is. */
export function userMention(userId: string): string {
  // The CLI (and the demo console) act as `cli`, which has no Slack identity.
  if (userId === 'cli') return 'the CLI';
  return USER_ID.test(userId) ? `${OPEN}${NONCE}@${userId}${CLOSE}` : userId;
}

/** A link to a Slack channel by id; anything that is not a channel id stays plain text. */
export function channelMention(channelId: string): string {
  return CHANNEL_ID.test(channelId) ? `${OPEN}${NONCE}#${channelId}${CLOSE}` : channelId;
}

/**
 * Turns the mention tokens of `text` into what `render` makes of them; `genuine` is false for a token
 * made by another process (a stored text), which must never become a ping.
 */
export function replaceMentions(
  text: string,
  render: (sigil: '@' | '#', id: string, genuine: boolean) => string,
): string {
  if (!text.includes(OPEN)) return text;
  return text.replace(TOKEN, (_, nonce: string, sigil: '@' | '#', id: string) => render(sigil, id, nonce === NONCE));
}

/** The text with its mentions as plain `@U123` / `#C123`: for the CLI, logs and what the store keeps. */
export function plainMentions(text: string): string {
  return replaceMentions(text, (sigil, id) => `${sigil}${id}`).replace(/[\uE000\uE001]/g, '');
}
