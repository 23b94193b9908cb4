/**
 * Block Kit limits (see the team conventions) and the helpers that keep every message inside them.
 * Nothing is dropped silently: helpers that leave something out say how much.
 */
import { userMention } from '../../mention.js';
import { escapeMrkdwn } from '../../mrkdwn.js';

export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  optionText: 75,
  /** Slack documents 150, the `@slack/types` comment still says 75: keep to both. */
  optionValue: 75,
  selectOptions: 100,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  modalTitle: 24,
  privateMetadata: 3000,
  /** Notification text; Slack truncates far later (40,000), but nobody reads more. */
  fallbackText: 3000,
  /**
   * Slack has been seen to answer `msg_blocks_too_long` at about 13,200 characters of text in one
   * message, well below the per-block limits; stay under it with room for the frame.
   */
  messageTextBudget: 11_000,
} as const;

/** Cuts `text` to `max` characters, ending in an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Escaping lives in `src/mrkdwn.ts` (the digest uses it too): text is escaped whole, and only the
 * mentions the bot builds (`src/mention.ts`) become mentions.
 */
export { escapeMrkdwn, escapeValue } from '../../mrkdwn.js';

/** A user mention the renderer itself builds: `<@U…>` for a Slack user id, plain text otherwise. */
export function userMentionMarkup(userId: string): string {
  return escapeMrkdwn(userMention(userId));
}

/** The notification text of a message: Slack reads mrkdwn there too, so it is escaped like the blocks. */
export function fallback(text: string): string {
  return truncate(escapeMrkdwn(text), LIMITS.fallbackText);
}

/** Inline code that cannot be broken out of by a backtick in the value. */
export function code(text: string): string {
  return `\`${escapeMrkdwn(text.replace(/`/g, "'"))}\``;
}

/**
 * Packs lines into texts of at most `max` characters (joined by newlines); a single line that is
 * longer is cut. Used to turn a long list into as few sections as possible.
 */
export function packLines(lines: string[], max: number = LIMITS.sectionText): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncate(raw, max);
    if (current === '') current = line;
    else if (current.length + 1 + line.length <= max) current = `${current}\n${line}`;
    else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/**
 * Renders items in order while they fit: at most `maxBlocks` blocks (each item takes `blocksEach`)
 * and `maxChars` characters of text in all. Always takes the first item when there is room for
 * its blocks. Items after the first that does not fit are not rendered at all (lists can be long).
 */
export function takeFitting<T>(
  items: readonly T[],
  render: (item: T) => string,
  maxBlocks: number,
  maxChars: number,
  blocksEach = 1,
): string[] {
  const taken: string[] = [];
  let chars = 0;
  for (const item of items) {
    if ((taken.length + 1) * blocksEach > maxBlocks) break;
    const text = render(item);
    if (taken.length > 0 && chars + text.length > maxChars) break;
    taken.push(text);
    chars += text.length;
  }
  return taken;
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 1,234.5 */
export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** "1 license", "3 licenses". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Like `packLines`, but into at most `maxChunks` texts (and `maxChars` in all): the lines that do not fit are counted in a
 * last line ("…and 12 more") instead of disappearing.
 */
export function packCapped(
  lines: string[],
  maxChunks: number,
  more: (count: number) => string,
  maxChars: number = Number.POSITIVE_INFINITY,
): string[] {
  const fits = (chunks: string[]) => chunks.length <= maxChunks && chunks.join('').length <= maxChars;
  const chunks = packLines(lines);
  if (fits(chunks)) return chunks;
  const attempt = (keep: number) => packLines([...lines.slice(0, keep), more(lines.length - keep)]);
  // The most lines that still fit with the "more" line: binary search, as lists can be long.
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(attempt(middle))) low = middle;
    else high = middle - 1;
  }
  return attempt(low);
}
