/** Classifies every license of an inventory into the cases tests and demos look for. */
import { daysBetween } from '../dates.js';
import { AMBIGUOUS_COMPANIES } from './names.js';
import type { Inventory, LicenseRef, Notable } from './types.js';

interface Facts {
  ref: LicenseRef;
  expirationDate: string | null;
  supportExpirationDate: string | null;
  status: string;
  autoUpdateEnabled: boolean | null;
  used: number | null;
  licensed: number | null;
}

function facts(inv: Omit<Inventory, 'notable'>): Facts[] {
  const out: Facts[] = [];
  const add = (
    ref: LicenseRef,
    l: Omit<Facts, 'ref' | 'used' | 'licensed'>,
    used: number | null,
    licensed: number | null,
  ) =>
    out.push({
      ref,
      expirationDate: l.expirationDate,
      supportExpirationDate: l.supportExpirationDate,
      status: l.status,
      autoUpdateEnabled: l.autoUpdateEnabled,
      used,
      licensed,
    });
  for (const l of inv.sites) add({ kind: 'site', uid: l.siteUid }, l, l.usedUnits, l.units);
  for (const l of inv.backupServers) add({ kind: 'vbr', uid: l.backupServerUid }, l, l.usedUnits, l.units);
  for (const l of inv.voneServers) add({ kind: 'vone', uid: l.vOneServerUid }, l, l.usedUnits, l.units);
  for (const l of inv.vb365Servers) add({ kind: 'vb365', uid: l.vb365ServerUid }, l, l.protectedUsers, l.licensedUsers);
  const c = inv.console;
  add(
    { kind: 'console', uid: 'console' },
    { ...c, autoUpdateEnabled: inv.consoleSettings.isAutoUpdateEnabled },
    null,
    null,
  );
  return out;
}

export function classify(inv: Omit<Inventory, 'notable'>): Notable {
  const notable: Notable = {
    expired: [],
    expiringIn7Days: [],
    expiringIn14Days: [],
    expiringIn30Days: [],
    supportExpiring: [],
    warning: [],
    error: [],
    overUsage: [],
    autoUpdateOff: [],
    ambiguousCompanies: AMBIGUOUS_COMPANIES,
    sameCompanyServers: [],
  };
  const dayCache = new Map<string, number>();
  const days = (date: string | null): number | null => {
    if (date === null) return null;
    let n = dayCache.get(date);
    if (n === undefined) {
      n = daysBetween(inv.now, new Date(date));
      dayCache.set(date, n);
    }
    return n;
  };
  for (const f of facts(inv)) {
    const left = days(f.expirationDate);
    if (left !== null && left < 0) notable.expired.push(f.ref);
    else if (left !== null && left <= 7) notable.expiringIn7Days.push(f.ref);
    else if (left !== null && left <= 14) notable.expiringIn14Days.push(f.ref);
    else if (left !== null && left <= 30) notable.expiringIn30Days.push(f.ref);
    const support = days(f.supportExpirationDate);
    if (support !== null && support >= 0 && support <= 30 && (left === null || left > 30)) {
      notable.supportExpiring.push(f.ref);
    }
    if (f.status === 'Warning') notable.warning.push(f.ref);
    if (f.status === 'Error') notable.error.push(f.ref);
    if (f.used !== null && f.licensed !== null && f.used > f.licensed) notable.overUsage.push(f.ref);
    if (f.autoUpdateEnabled === false) notable.autoUpdateOff.push(f.ref);
  }
  const first = inv.backupServers[0];
  if (first) {
    notable.sameCompanyServers = inv.backupServers
      .filter((l) => l.company === first.company)
      .map((l) => l.backupServerUid);
  }
  return notable;
}
