/**
 * Reading the words after a command: `--flag value` / `--flag=value` options and positional words.
 * Name options (`--company`, `--org`) take several unquoted words ("--company Acme Corp").
 */
import type { CommandName, UsageError } from './command.js';
import { usageOf } from './grammar.js';
import { closest, quote } from './suggest.js';
import type { Token } from './tokenize.js';

/** `value`: one word; `name`: one quoted word or several unquoted words up to the next option or stop word. */
export type FlagSpec = Record<string, 'value' | 'name'>;

export interface Args {
  positionals: Token[];
  flags: Map<string, string>;
}

export function usageError(command: CommandName, message: string, suggestion?: string): UsageError {
  return {
    type: 'usageError',
    message,
    usage: usageOf(command),
    ...(suggestion === undefined ? {} : { suggestion }),
  };
}

export function isFlag(token: Token): boolean {
  return !token.quoted && /^--?[a-z]/i.test(token.text);
}

export function splitArgs(
  tokens: readonly Token[],
  spec: FlagSpec,
  command: CommandName,
  stopWords: ReadonlySet<string> = new Set(),
): Args | UsageError {
  const positionals: Token[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (!isFlag(token)) {
      positionals.push(token);
      continue;
    }
    const [rawName = '', inline] = splitOnce(token.text.replace(/^--?/, ''), '=');
    const name = rawName.toLowerCase();
    const kind = spec[name];
    if (kind === undefined) {
      const known = Object.keys(spec);
      const near = closest(name, known);
      const options = known.length > 0 ? `Options: ${known.map((k) => `--${k}`).join(', ')}.` : 'It takes no options.';
      return usageError(
        command,
        `${quote(token.text)} is not an option here. ${near ? `Did you mean --${near}? ` : ''}${options}`,
      );
    }
    if (flags.has(name)) return usageError(command, `--${name} is given twice.`);
    let value = inline;
    if (value === undefined) {
      const next = tokens[i + 1];
      if (next === undefined || isFlag(next)) return usageError(command, `--${name} needs a value.`);
      value = next.text;
      i++;
      if (kind === 'name' && !next.quoted) {
        while (i + 1 < tokens.length) {
          const more = tokens[i + 1]!;
          if (more.quoted || isFlag(more) || stopWords.has(more.text.toLowerCase())) break;
          value += ` ${more.text}`;
          i++;
        }
      }
    }
    if (value.trim() === '') return usageError(command, `--${name} needs a value.`);
    flags.set(name, value.trim());
  }
  return { positionals, flags };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** A whole number in [min, max], or a usage error that says what was expected. */
export function readWholeNumber(
  text: string,
  what: string,
  min: number,
  max: number,
  command: CommandName,
): number | UsageError {
  if (!/^\d{1,10}$/.test(text)) {
    return usageError(command, `${what} must be a whole number from ${min} to ${max}, not ${quote(text, 20)}.`);
  }
  const value = Number(text);
  if (value < min || value > max) {
    return usageError(command, `${what} must be a whole number from ${min} to ${max}, not ${value}.`);
  }
  return value;
}

export function isError<T>(value: T | UsageError): value is UsageError {
  return typeof value === 'object' && value !== null && 'type' in value && value.type === 'usageError';
}

/** The positionals beyond those a command takes. */
export function unexpected(command: CommandName, extra: readonly Token[], hint = ''): UsageError {
  const words = extra.map((t) => t.text).join(' ');
  return usageError(command, `Unexpected ${quote(words)}.${hint ? ` ${hint}` : ''}`);
}
