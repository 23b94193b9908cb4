/**
 * Which license a typed target means: a full UID, a UID prefix of 8+ hex characters, or a company
 * name (exact first, then a unique substring). Never guesses: more than one match is `several`,
 * and the caller lets the user pick.
 */
import { KIND_LABELS, type License, type LicenseKind } from './model.js';

export type TargetResolution =
  | { status: 'one'; license: License }
  | { status: 'none'; message: string }
  | { status: 'several'; licenses: License[] };

const MIN_PREFIX_HEX = 8;

function hexOnly(text: string): string {
  return text.replace(/-/g, '').toLowerCase();
}

function normaliseName(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function fromMatches(matches: License[]): TargetResolution | null {
  if (matches.length === 0) return null;
  if (matches.length === 1) return { status: 'one', license: matches[0]! };
  return { status: 'several', licenses: matches };
}

function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export function resolveTarget(licenses: License[], kind: LicenseKind, target: string | null): TargetResolution {
  const ofKind = licenses.filter((l) => l.kind === kind);
  const label = KIND_LABELS[kind];
  if (ofKind.length === 0) return { status: 'none', message: `There are no ${label} licenses.` };
  if (target === null || target.trim() === '') {
    return fromMatches(ofKind) ?? { status: 'none', message: `There are no ${label} licenses.` };
  }
  const text = target.trim();
  const lower = text.toLowerCase();

  const byUid = ofKind.filter((l) => l.uid.toLowerCase() === lower);
  if (byUid.length > 0) return fromMatches(byUid)!;

  if (/^[0-9a-f-]+$/i.test(text) && hexOnly(text).length >= MIN_PREFIX_HEX) {
    const byPrefix = fromMatches(ofKind.filter((l) => hexOnly(l.uid).startsWith(hexOnly(text))));
    if (byPrefix) return byPrefix;
  }

  const name = normaliseName(text);
  const exact = fromMatches(ofKind.filter((l) => l.company !== null && normaliseName(l.company) === name));
  if (exact) return exact;
  const partial = fromMatches(ofKind.filter((l) => l.company !== null && normaliseName(l.company).includes(name)));
  if (partial) return partial;

  const hint =
    /^[0-9a-f-]+$/i.test(text) && hexOnly(text).length < MIN_PREFIX_HEX
      ? ` A UID prefix must be at least ${MIN_PREFIX_HEX} hex characters.`
      : '';
  return {
    status: 'none',
    message: `No ${label} license matches "${shown(text)}" by UID or company name.${hint} See: licenses ${kind}`,
  };
}
