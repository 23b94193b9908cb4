/** How one license reads in Slack: its title line, status, units and dates. Shared by list and card. */
import { KIND_LABELS, type LicenseRow, type UnitUsage } from '../../licenses/model.js';
import { code, escapeValue, formatNumber } from './limits.js';
import { formatExpiry, type RenderContext } from './render-context.js';

const SHORT_KIND: Record<string, string> = {
  console: 'Console',
  site: 'Site',
  vbr: 'VBR',
  vone: 'VONE',
  vb365: 'VB365',
};

export function statusIcon(status: string, daysLeft: number | null): string {
  const normalised = status.toLowerCase();
  if (normalised === 'error' || normalised === 'expired' || (daysLeft !== null && daysLeft < 0)) return ':red_circle:';
  if (normalised === 'warning' || (daysLeft !== null && daysLeft <= 7)) return ':large_orange_circle:';
  if (normalised === 'valid') return ':large_green_circle:';
  return ':white_circle:';
}

export function shortKind(row: LicenseRow): string {
  return SHORT_KIND[row.license.kind] ?? row.license.kind;
}

/** The uid as users can type it back (8 characters are enough as a prefix). */
export function shortUid(uid: string): string {
  return uid.length > 13 ? `${uid.slice(0, 8)}…` : uid;
}

export function formatUnit(unit: UnitUsage): string {
  const licensed = unit.licensed === null ? '' : `/${formatNumber(unit.licensed)}`;
  const over = unit.licensed !== null && unit.used > unit.licensed ? ' :warning: over' : '';
  return `${formatNumber(unit.used)}${licensed} ${escapeValue(unit.unit)}${over}`;
}

export function formatUnits(units: UnitUsage[]): string {
  return units.length === 0 ? 'no units reported' : units.map(formatUnit).join(', ');
}

export function formatAutoUpdate(enabled: boolean | null): string {
  if (enabled === null) return 'auto-update unknown';
  return enabled ? 'auto-update on' : 'auto-update off';
}

/** "*VBR* `5f1c2a9e…` · Acme Corp" */
export function licenseTitle(row: LicenseRow): string {
  const { license } = row;
  const target =
    license.kind === 'console' ? KIND_LABELS.console : `*${shortKind(row)}* ${code(shortUid(license.uid))}`;
  const company = license.company ? ` · ${escapeValue(license.company)}` : '';
  return `${target}${company}`;
}

/** Two lines of a license in a list. */
export function licenseListEntry(row: LicenseRow, ctx: RenderContext): string {
  const { license } = row;
  const kindOf = [license.type, license.edition].filter(Boolean).map((s) => escapeValue(String(s)));
  const first = [
    `${statusIcon(license.status, row.daysLeft)} ${licenseTitle(row)}`,
    ...kindOf,
    escapeValue(license.status),
  ].join(' · ');
  const second = [
    `expires ${formatExpiry(license.expirationDate, row.daysLeft, ctx)}`,
    `support ${formatExpiry(license.supportExpirationDate, row.supportDaysLeft, ctx)}`,
    formatUnits(license.units),
    formatAutoUpdate(license.autoUpdateEnabled),
  ].join(' · ');
  return `${first}\n${second}`;
}
