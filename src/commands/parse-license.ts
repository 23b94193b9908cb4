/** `license <kind> <target>` and its write forms: update, install, autoupdate, delete. */
import type { VbrDeleteSection } from '../licenses/backend.js';
import { KIND_LABELS, LICENSE_KINDS, type LicenseKind } from '../licenses/model.js';
import type { CommandName, ParsedCommand, UsageError } from './command.js';
import { kindOf, readKind, switchOf } from './kind-words.js';
import { isError, splitArgs, usageError } from './parse-options.js';
import { closest, quote } from './suggest.js';
import { uidProblem } from './target-text.js';
import type { Token } from './tokenize.js';

const VERBS: Record<string, 'update' | 'install' | 'autoupdate' | 'delete'> = {
  update: 'update',
  install: 'install',
  autoupdate: 'autoupdate',
  'auto-update': 'autoupdate',
  delete: 'delete',
  remove: 'delete',
};

const SECTIONS: Record<string, VbrDeleteSection> = { all: 'All', instance: 'Instance', socket: 'Socket' };

/** null for "no target given"; a usage error for a UID-shaped word that cannot be a UID. */
function readTarget(tokens: readonly Token[], kind: LicenseKind, command: CommandName): string | null | UsageError {
  if (tokens.length === 0) return null;
  if (kind === 'console') {
    return usageError(command, 'The console has one license: leave out the target.', undefined);
  }
  const only = tokens.length === 1 ? tokens[0]! : null;
  if (only && !only.quoted) {
    const problem = uidProblem(only.text);
    if (problem) return usageError(command, problem);
  }
  const target = tokens
    .map((t) => t.text)
    .join(' ')
    .trim();
  return target === '' ? null : target;
}

function missingTarget(kind: LicenseKind, command: CommandName): UsageError {
  return usageError(
    command,
    `Which ${KIND_LABELS[kind]} license? Give its UID, a UID prefix (8+ hex characters) or the company name.`,
    `licenses ${kind}`,
  );
}

export function parseLicense(tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const args = splitArgs(tokens, {}, 'license.show');
  if (isError(args)) return args;
  const [first, ...rest] = args.positionals;
  if (first === undefined) {
    return usageError('license.show', 'Which license? Give a kind and a target.', 'licenses');
  }
  const verb = first.quoted ? undefined : VERBS[first.text.toLowerCase()];
  if (verb) return parseVerb(verb, rest, share);
  const kind = first.quoted ? null : kindOf(first.text);
  if (kind) {
    const target = readTarget(rest, kind, 'license.show');
    if (isError(target)) return target;
    if (target === null && kind !== 'console') return missingTarget(kind, 'license.show');
    return { name: 'license.show', kind, target, share };
  }
  const near = closest(first.text, [...Object.keys(VERBS), ...LICENSE_KINDS]);
  return usageError(
    'license.show',
    `Unknown word ${quote(first.text, 20)} after "license".${near ? ` Did you mean ${near}?` : ''} Use a kind (${LICENSE_KINDS.join(', ')}) or update, install, autoupdate, delete.`,
    near ? ['license', near, ...rest.map((t) => t.text)].join(' ') : undefined,
  );
}

function parseVerb(
  verb: 'update' | 'install' | 'autoupdate' | 'delete',
  tokens: readonly Token[],
  share: boolean,
): ParsedCommand | UsageError {
  const command = `license.${verb}` as const;
  const [kindToken, ...rest] = tokens;
  const kind = readKind(kindToken?.text, command);
  if (isError(kind)) return kind;

  switch (verb) {
    case 'update':
    case 'install': {
      const target = readTarget(rest, kind, command);
      if (isError(target)) return target;
      return { name: command as 'license.update' | 'license.install', kind, target, share };
    }
    case 'autoupdate':
      return parseAutoupdate(kind, rest, share);
    case 'delete':
      return parseDelete(kind, rest, share);
  }
}

function parseAutoupdate(kind: LicenseKind, tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  const last = tokens.at(-1);
  const enabled = last && !last.quoted ? switchOf(last.text) : null;
  if (enabled === null) {
    return usageError('license.autoupdate', 'Say on or off at the end, e.g. license autoupdate vbr 5f1c2a9e on.');
  }
  const target = readTarget(tokens.slice(0, -1), kind, 'license.autoupdate');
  if (isError(target)) return target;
  if (target === null && kind !== 'console') return missingTarget(kind, 'license.autoupdate');
  return { name: 'license.autoupdate', kind, target, enabled, share };
}

function parseDelete(kind: LicenseKind, tokens: readonly Token[], share: boolean): ParsedCommand | UsageError {
  if (kind !== 'vbr' && kind !== 'vone') {
    return usageError('license.delete', `Only vbr and vone licenses can be deleted, not ${kind}.`);
  }
  const last = tokens.at(-1);
  const sectionWord = last && !last.quoted && tokens.length > 1 ? SECTIONS[last.text.toLowerCase()] : undefined;
  if (sectionWord && kind === 'vone') {
    return usageError('license.delete', `Veeam ONE licenses have no sections: leave out ${quote(last!.text, 20)}.`);
  }
  const targetTokens = sectionWord ? tokens.slice(0, -1) : tokens;
  const target = readTarget(targetTokens, kind, 'license.delete');
  if (isError(target)) return target;
  if (target === null) return missingTarget(kind, 'license.delete');
  return { name: 'license.delete', kind, target, section: sectionWord ?? null, share };
}
