/**
 * Current usage against the last report: organizations at least `percent` above it **and** at
 * least `minPoints` more (both, so neither a small tenant doubling from 4 to 8 points nor a large
 * one growing by a normal 3 % is an alert), organizations that are new, and those at zero now.
 */
import { changeOf } from './change.js';
import { orgKey } from './snapshot.js';
import type { MonthReport, OrgRef, UsageChange, UsageChanges, UsageThresholds } from './types.js';

export interface UsageChangesInput {
  /** The latest month with reports, or null. */
  last: MonthReport | null;
  /** Points now per `orgKey`. */
  current: ReadonlyMap<string, number>;
  /** Names of organizations not in the last report (older reports), by `orgKey`. */
  names: ReadonlyMap<string, OrgRef>;
  thresholds: UsageThresholds;
  asOf: Date;
}

export function isJump(before: number, now: number, t: UsageThresholds): boolean {
  return before > 0 && now - before >= t.minPoints && now >= before * (1 + t.percent / 100);
}

export function findUsageChanges(input: UsageChangesInput): UsageChanges {
  const before = new Map<string, { org: OrgRef; points: number }>();
  for (const row of input.last?.organizations ?? []) {
    if (row.type === 'Unattributed') continue;
    const key = orgKey(row);
    const known = before.get(key);
    before.set(key, { org: { uid: row.uid, name: row.name }, points: (known?.points ?? 0) + row.points });
  }
  const jumps: UsageChange[] = [];
  const fresh: UsageChange[] = [];
  const zero: UsageChange[] = [];
  for (const [key, now] of input.current) {
    const then = before.get(key);
    const was = then?.points ?? 0;
    const org = then?.org ?? input.names.get(key) ?? { uid: key, name: key };
    if (was === 0 && now > 0) fresh.push({ kind: 'new', org, before: 0, now, change: changeOf(0, now) });
    else if (isJump(was, now, input.thresholds))
      jumps.push({ kind: 'jump', org, before: was, now, change: changeOf(was, now) });
  }
  for (const [key, then] of before) {
    if (then.points > 0 && (input.current.get(key) ?? 0) === 0) {
      zero.push({ kind: 'zero', org: then.org, before: then.points, now: 0, change: changeOf(then.points, 0) });
    }
  }
  const byName = (a: UsageChange, b: UsageChange) => a.org.name.localeCompare(b.org.name);
  jumps.sort((a, b) => b.change.points - a.change.points || byName(a, b));
  fresh.sort((a, b) => b.now - a.now || byName(a, b));
  zero.sort((a, b) => b.before - a.before || byName(a, b));
  return {
    lastReportMonth: (input.last?.status === 'missing' ? null : input.last?.month) ?? null,
    asOf: input.asOf.toISOString(),
    thresholds: input.thresholds,
    changes: [...jumps, ...fresh, ...zero],
  };
}
