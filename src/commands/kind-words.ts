/** The words users type for license kinds (`sites` is `site`), and on/off switches. */
import { LICENSE_KINDS, type LicenseKind } from '../licenses/model.js';
import type { CommandName, KindFilter, UsageError } from './command.js';
import { usageError } from './parse-options.js';
import { closest, quote } from './suggest.js';

const KIND_ALIASES: Record<string, LicenseKind> = {
  console: 'console',
  vspc: 'console',
  site: 'site',
  sites: 'site',
  vbr: 'vbr',
  vone: 'vone',
  vb365: 'vb365',
};

export function kindOf(word: string): LicenseKind | null {
  return KIND_ALIASES[word.toLowerCase()] ?? null;
}

export function readKind(word: string | undefined, command: CommandName): LicenseKind | UsageError {
  if (word === undefined) {
    return usageError(command, `Which kind of license? One of ${LICENSE_KINDS.join(', ')}.`);
  }
  const kind = kindOf(word);
  if (kind) return kind;
  const near = closest(word, [...LICENSE_KINDS, 'sites']);
  return usageError(
    command,
    `Unknown license kind ${quote(word, 20)}.${near ? ` Did you mean ${near}?` : ''} Kinds: ${LICENSE_KINDS.join(', ')}.`,
  );
}

export function readKindFilter(word: string, command: CommandName): KindFilter | UsageError {
  if (word.toLowerCase() === 'all') return 'all';
  return readKind(word, command);
}

const SWITCH_WORDS: Record<string, boolean> = {
  on: true,
  off: false,
  enable: true,
  enabled: true,
  disable: false,
  disabled: false,
  true: true,
  false: false,
  yes: true,
  no: false,
};

export function switchOf(word: string | undefined): boolean | null {
  return word === undefined ? null : (SWITCH_WORDS[word.toLowerCase()] ?? null);
}
