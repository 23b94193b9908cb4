/**
 * `--org NAME|UID`: the organizations of the reports it means. A UID or UID prefix (8+ hex digits)
 * matches by UID; otherwise an exact name (case-insensitive) wins over a part of a name. A reseller
 * matches the companies its report lists.
 */
import { orgKey } from './snapshot.js';
import type { MonthReport, OrgRef } from './types.js';

const UID_LIKE = /^[0-9a-f-]+$/i;

interface Candidate {
  org: OrgRef;
  reseller: OrgRef | null;
}

function candidates(months: readonly MonthReport[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  // Newest month last, so the latest name and reseller of an organization win.
  for (const month of months) {
    for (const row of month.organizations) {
      if (row.type === 'Unattributed') continue;
      byKey.set(orgKey(row), { org: { uid: row.uid, name: row.name }, reseller: row.reseller });
    }
  }
  return [...byKey.values()];
}

function uidMatches(uid: string, query: string): boolean {
  return uid.replace(/-/g, '').toLowerCase().startsWith(query.replace(/-/g, '').toLowerCase());
}

export function matchOrganizations(query: string, months: readonly MonthReport[]): OrgRef[] {
  const all = candidates(months);
  const text = query.trim();
  const lower = text.toLowerCase();
  const hexDigits = text.replace(/-/g, '').length;
  const pick = (test: (org: OrgRef) => boolean): OrgRef[] =>
    all.filter((c) => test(c.org) || (c.reseller !== null && test(c.reseller))).map((c) => c.org);

  if (UID_LIKE.test(text) && hexDigits >= 8) {
    const byUid = pick((org) => org.uid !== '' && uidMatches(org.uid, text));
    if (byUid.length > 0) return byUid;
  }
  const exact = pick((org) => org.name.toLowerCase() === lower);
  if (exact.length > 0) return exact;
  return lower === '' ? [] : pick((org) => org.name.toLowerCase().includes(lower));
}
