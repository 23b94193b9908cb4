/**
 * The words for one digest entry, shared by the Block Kit and text renderers. Dates and escaping
 * differ per transport, so they come in as functions.
 */
import { formatChange, formatPoints, trendCommandFor } from '../insight/wording.js';
import { describeDaysLeft } from '../licenses/expiry.js';
import { KIND_LABELS, type License, type LicenseKind } from '../licenses/model.js';
import type { DigestEntry } from './sections.js';

export interface EntryFormat {
  /** How an ISO instant is shown (a Slack date token, or YYYY-MM-DD). */
  date: (instant: string) => string;
  /** Escapes text that came from VSPC. */
  escape: (text: string) => string;
}

export const KIND_SHORT: Record<LicenseKind, string> = {
  console: 'Console',
  site: 'Site',
  vbr: 'VBR',
  vone: 'VONE',
  vb365: 'VB365',
};

const MAX_NAME = 100;
const MAX_MESSAGE = 300;

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** The first block of a uuid is enough to tell licenses apart in a list; commands take the whole uid. */
export function shortUid(uid: string): string {
  return uid.length > 8 ? `${uid.slice(0, 8)}…` : uid;
}

export function hasTarget(license: License): boolean {
  return license.kind !== 'console';
}

/** `vbr 5f1c…`, or `console` (the console has no target). */
export function commandTarget(license: License): string {
  return hasTarget(license) ? `${license.kind} ${license.uid}` : license.kind;
}

function autoUpdateWord(enabled: boolean | null): string {
  if (enabled === null) return 'auto-update unknown';
  return enabled ? 'auto-update on' : 'auto-update off';
}

function when(instant: string | null, days: number | null, format: EntryFormat): string {
  return instant ? `${describeDaysLeft(days)} (${format.date(instant)})` : describeDaysLeft(days);
}

const USAGE_KIND: Record<'jump' | 'new' | 'zero', string> = { jump: 'up', new: 'new', zero: 'at zero' };

export function entryHeading(entry: DigestEntry, format: EntryFormat): string {
  if (entry.type === 'usage') {
    return `${format.escape(truncate(entry.change.org.name, MAX_NAME))} · ${USAGE_KIND[entry.change.kind]}`;
  }
  if (entry.type === 'report') {
    return `Report ${entry.report.reportId} · ${format.escape(truncate(entry.report.organizationName, MAX_NAME))}`;
  }
  const license = entry.row.license;
  const name = format.escape(truncate(license.company ?? KIND_LABELS[license.kind], MAX_NAME));
  return hasTarget(license) ? `${name} · ${KIND_SHORT[license.kind]} ${shortUid(license.uid)}` : name;
}

/** Both numbers, the change, and the command to look closer. */
function usageDetail(entry: Extract<DigestEntry, { type: 'usage' }>, format: EntryFormat): string {
  const { change } = entry;
  const now = `${formatPoints(change.now)} points now`;
  const before = change.kind === 'new' ? 'not in the last report' : `${formatPoints(change.before)} in the last report`;
  const delta = change.kind === 'new' ? 'new' : formatChange(change.change);
  return `${now} · ${before} · ${delta} · \`/vspc ${format.escape(trendCommandFor(change.org))}\``;
}

export function entryDetail(entry: DigestEntry, format: EntryFormat): string {
  if (entry.type === 'usage') return usageDetail(entry, format);
  if (entry.type === 'report') {
    const { report } = entry;
    return [
      format.escape(`${report.intervalStart} – ${report.intervalEnd}`),
      `${formatNumber(report.totalPoints)} points`,
      `owner ${format.escape(truncate(report.licenseCompanyName ?? report.organizationName, MAX_NAME))}`,
    ].join(' · ');
  }
  const { license, daysLeft, supportDaysLeft } = entry.row;
  const expiry = when(license.expirationDate, daysLeft, format);
  switch (entry.focus) {
    case 'expiry':
      return [expiry, format.escape(license.type ?? 'type unknown'), autoUpdateWord(license.autoUpdateEnabled)].join(
        ' · ',
      );
    case 'support':
      return [`support ${when(license.supportExpirationDate, supportDaysLeft, format)}`, `license ${expiry}`].join(
        ' · ',
      );
    case 'health': {
      const message = license.statusMessage ? format.escape(truncate(license.statusMessage, MAX_MESSAGE)) : null;
      return [`${format.escape(license.status)}${message ? `: ${message}` : ''}`, expiry].join(' · ');
    }
    case 'overUse': {
      const { unit, used, licensed } = entry.unit;
      const over = licensed === null ? '' : ` (${formatNumber(used - licensed)} over)`;
      return `${format.escape(unit)}: ${formatNumber(used)} used of ${formatNumber(licensed ?? 0)} licensed${over}`;
    }
  }
}

/** Heading and detail on one line. */
export function describeEntry(entry: DigestEntry, format: EntryFormat): string {
  return `${entryHeading(entry, format)} — ${entryDetail(entry, format)}`;
}
