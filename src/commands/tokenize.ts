/**
 * Splits command text into words the way a shell would, forgiving what Slack and phones do to
 * typed text: curly quotes, `—` for `--`, non-breaking spaces and HTML-escaped `& < >`.
 */

export interface Token {
  text: string;
  /** Quoted words are always values (a company called "All"), never keywords or flags. */
  quoted: boolean;
}

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; message: string };

const OPENING_QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', "'": "'", '‘': '’' };
const CLOSING_ALTERNATIVES: Record<string, string[]> = { '”': ['"', '”', '“'], '’': ["'", '’'], '"': ['"', '”'] };

/** Slack sends `&`, `<` and `>` escaped in slash command text. */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function normalise(text: string): string {
  return (
    unescapeSlack(text)
      // Zero-width spaces are dropped, not made spaces: the bot fences `*`, `_`, `~` and backticks in
      // values with them (src/mrkdwn.ts), and a value copied from a message must still match.
      .replace(/\u200b/g, '')
      .replace(/[\u00a0\u2000-\u200a\u202f\u3000]/g, ' ')
      // Control characters carry no meaning in a command; a paste may bring them.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
      // macOS and Slack turn `--` into an en or em dash.
      .replace(/(^|\s)[\u2013\u2014](?=\S)/g, '$1--')
  );
}

function isClosing(opening: string, char: string): boolean {
  const closing = OPENING_QUOTES[opening] ?? opening;
  return char === closing || (CLOSING_ALTERNATIVES[closing] ?? []).includes(char);
}

export function tokenize(input: string): TokenizeResult {
  const text = normalise(input);
  const tokens: Token[] = [];
  let current: Token | null = null;
  let quote: string | null = null;

  for (const char of text) {
    if (quote !== null) {
      if (isClosing(quote, char)) quote = null;
      else if (current) current.text += char;
      continue;
    }
    if (/\s/.test(char)) {
      if (current) tokens.push(current);
      current = null;
      continue;
    }
    // An apostrophe inside a word (O'Brien) is not a quote; a double quote anywhere is (--company="A B").
    const opens = char in OPENING_QUOTES && (current === null || char === '"' || char === '“');
    if (opens) {
      // Only a word that starts with a quote counts as quoted: `--company="A B"` is still a flag.
      current ??= { text: '', quoted: true };
      quote = char;
      continue;
    }
    current ??= { text: '', quoted: false };
    current.text += char;
  }
  if (quote !== null) return { ok: false, message: `A quote (${quote}) is not closed.` };
  if (current) tokens.push(current);
  return { ok: true, tokens };
}
