/**
 * Escaping for Slack's mrkdwn, shared by every renderer (the Slack replies and the digest).
 * Text is escaped whole: `&`, `<` and `>` become entities, so nothing in it can become a link, a
 * mention or `<!channel>`; only the mention tokens of `mention.ts` (made by the bot) turn into mentions.
 */
import { replaceMentions } from './mention.js';

/** What is left of a malformed mention token (text from outside may carry the marks): dropped. */
const STRAY_TOKEN_MARKS = /[\uE000\uE001]/g;

/** Any text: escaped whole; the bot's own mention tokens become `<@U…>` / `<#C…>`. */
export function escapeMrkdwn(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return replaceMentions(escaped, (sigil, id, genuine) => (genuine ? `<${sigil}${id}>` : `${sigil}${id}`)).replace(
    STRAY_TOKEN_MARKS,
    '',
  );
}

const ZERO_WIDTH_SPACE = '\u200B';
const FORMATTING = /[*_~`]/g;

/**
 * A value from VSPC or a user shown inside the bot's own formatting (table rows, fields, headings):
 * escaped like any text, and its `*`, `_`, `~` and backticks fenced with zero-width spaces so that they
 * cannot open or close bold, italics, strike-through or code around the bot's text (a company called
 * `*Acme` would otherwise bold the rest of the row). The command parser drops zero-width spaces, so a
 * value copied from a message still matches.
 */
export function escapeValue(text: string): string {
  return escapeMrkdwn(text).replace(FORMATTING, (mark) => `${ZERO_WIDTH_SPACE}${mark}${ZERO_WIDTH_SPACE}`);
}
