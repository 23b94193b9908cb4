/** How licenses are named in titles, cards and picker options. */
import { localDay } from '../licenses/expiry.js';
import { KIND_LABELS, type License, type LicenseKind } from '../licenses/model.js';

export const KIND_SHORT: Record<LicenseKind, string> = {
  console: 'Console',
  site: 'Cloud Connect',
  vbr: 'VBR',
  vone: 'VONE',
  vb365: 'VB365',
};

export function shortUid(uid: string): string {
  return uid.length > 8 ? `${uid.slice(0, 8)}…` : uid;
}

/**
 * "Veeam Backup & Replication 5f1c2a9e… (Acme Corp)": what the approval card, the plan and the audit
 * log name as the target. It starts with the kind's full name, which the card's wording then does
 * not repeat.
 */
export function targetLabel(license: License): string {
  if (license.kind === 'console') return 'VSPC console license';
  const company = license.company ? ` (${license.company})` : '';
  return `${KIND_LABELS[license.kind]} ${shortUid(license.uid)}${company}`;
}

/** "Acme Corp · 5f1c2a9e… · Valid · expires 2026-05-01": enough to tell similar licenses apart. */
export function optionLabel(license: License, timeZone: string): string {
  const expiry = license.expirationDate
    ? `expires ${localDay(new Date(license.expirationDate), timeZone)}`
    : 'no expiry';
  return [license.company ?? '(no company)', shortUid(license.uid), license.status, expiry].join(' · ');
}
