/**
 * Properties of the insight arithmetic over generated reports: per-organization points sum to the
 * report total, trend series sum to each month's total, percentages are the rounded exact ratio
 * with the sign of the change, and the thresholds hold at their edges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMonth } from '../../src/insight/build-month.js';
import { changeOf, round1 } from '../../src/insight/change.js';
import { buildForecast } from '../../src/insight/forecast.js';
import type { ReportSnapshot } from '../../src/insight/snapshot.js';
import { buildTrend } from '../../src/insight/trend.js';
import { findUsageChanges, isJump } from '../../src/insight/usage-changes.js';
import { PROVIDER, RESELLER, snapshot } from './support/snapshots.js';

const SEED = 20261204;
const RUNS = { seed: SEED, numRuns: 200 };

const points = fc.integer({ min: 0, max: 20_000 });
const companies = fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 25 });

/** A month: the provider's companies, maybe a reseller with companies of its own, maybe an unattributed rest. */
const month = (name: string) =>
  fc
    .record({
      direct: companies,
      viaReseller: fc.uniqueArray(fc.integer({ min: 61, max: 90 }), { maxLength: 8 }),
      values: fc.array(points, { minLength: 40, maxLength: 40 }),
      rest: fc.integer({ min: -50, max: 500 }),
    })
    .map(({ direct, viaReseller, values, rest }) => {
      const line = (id: number, i: number): [string, string, number] => [`c${id}`, `Company ${id}`, values[i % 40]!];
      const resold = viaReseller.map((id, i) => line(id, i + 20));
      const resellerTotal = resold.reduce((t, l) => t + l[2], 0);
      const top = snapshot(name, PROVIDER, [
        ...direct.map((id, i) => line(id, i)),
        ...(resold.length > 0
          ? [[RESELLER.uid, RESELLER.name, resellerTotal, 'Reseller'] as [string, string, number, string]]
          : []),
      ]);
      const reports: ReportSnapshot[] = [{ ...top, totalPoints: top.totalPoints + rest }];
      if (resold.length > 0) reports.push(snapshot(name, RESELLER, resold));
      return buildMonth(name, reports);
    });

describe('insight properties', () => {
  it('per-organization points and per-product points sum to the report total', () => {
    fc.assert(
      fc.property(month('2026-01'), (m) => {
        const orgSum = m.organizations.reduce((t, o) => t + o.points, 0);
        expect(orgSum).toBe(m.totalPoints);
        expect(m.products.reduce((t, p) => t + p.points, 0)).toBe(m.totalPoints);
        expect(new Set(m.organizations.map((o) => o.uid)).size).toBe(m.organizations.length);
      }),
      RUNS,
    );
  });

  it('trend series add up to each month total, and the top K are the largest', () => {
    fc.assert(
      fc.property(
        fc.tuple(month('2026-01'), month('2026-02'), month('2026-03')),
        fc.integer({ min: 1, max: 8 }),
        (months, top) => {
          const [base, ...shown] = months;
          const t = buildTrend({
            months: shown,
            base,
            top,
            product: null,
            org: null,
            source: { fromStore: [], fetched: [] },
          });
          for (const [i, m] of t.months.entries()) {
            expect(t.series.reduce((sum, s) => sum + s.points[i]!, 0)).toBe(m.totalPoints);
          }
          const named = t.series.filter((s) => s.kind === 'organization');
          expect(named.length).toBeLessThanOrEqual(top);
          for (let i = 1; i < named.length; i++) expect(named[i - 1]!.total).toBeGreaterThanOrEqual(named[i]!.total);
          expect(t.months[0]!.change?.points).toBe(t.months[0]!.totalPoints - base.totalPoints);
        },
      ),
      RUNS,
    );
  });

  it('a percentage is the exact ratio rounded to one decimal, with the sign of the change', () => {
    fc.assert(
      fc.property(points, points, (before, now) => {
        const change = changeOf(before, now);
        expect(change.points).toBe(now - before);
        if (before === 0) {
          expect(change.percent).toBeNull();
          return;
        }
        const exact = ((now - before) / before) * 100;
        expect(change.percent).toBe(round1(exact));
        expect(Math.abs(change.percent! - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Object.is(change.percent, -0)).toBe(false);
        if (change.percent !== 0) expect(Math.sign(change.percent!)).toBe(Math.sign(change.points));
      }),
      RUNS,
    );
    expect([round1(12.25), round1(-12.25), round1(0.04), round1(-0.04)]).toEqual([12.3, -12.3, 0, 0]);
  });

  it('a jump needs both thresholds, inclusive at their edges', () => {
    const t = { percent: 25, minPoints: 50 };
    expect(isJump(200, 250, t)).toBe(true);
    expect(isJump(200, 249, t)).toBe(false);
    expect(isJump(100, 149, t)).toBe(false);
    expect(isJump(100, 150, t)).toBe(true);
    expect(isJump(1000, 1100, t)).toBe(false);
    fc.assert(
      fc.property(
        points,
        points,
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 500 }),
        (before, now, percent, minPoints) => {
          const jump = isJump(before, now, { percent, minPoints });
          expect(jump).toBe(before > 0 && now - before >= minPoints && now >= before * (1 + percent / 100));
        },
      ),
      RUNS,
    );
  });

  it('usage changes list every organization that crosses, and only those', () => {
    fc.assert(
      fc.property(
        month('2026-02'),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 100, maxLength: 100 }),
        (last, moves) => {
          const current = new Map<string, number>();
          last.organizations.forEach((o, i) => {
            const move = moves[i]!;
            if (o.type === 'Unattributed') return;
            current.set(o.uid, move === 0 ? 0 : move === 1 ? o.points : move === 2 ? o.points * 2 + 50 : o.points + 1);
          });
          current.set('new-org', 7);
          const t = { percent: 25, minPoints: 50 };
          const found = findUsageChanges({ last, current, names: new Map(), thresholds: t, asOf: new Date(0) });
          const kinds = new Map(found.changes.map((c) => [c.org.uid, c.kind]));
          expect(kinds.get('new-org')).toBe('new');
          for (const o of last.organizations) {
            if (o.type === 'Unattributed') continue;
            const now = current.get(o.uid)!;
            const expected =
              o.points === 0
                ? now > 0
                  ? 'new'
                  : undefined
                : now === 0
                  ? 'zero'
                  : isJump(o.points, now, t)
                    ? 'jump'
                    : undefined;
            expect(kinds.get(o.uid)).toBe(expected);
          }
        },
      ),
      RUNS,
    );
  });

  it('the forecast never expects less than what is protected now, and totals are the sums of the rows', () => {
    fc.assert(
      fc.property(
        fc.tuple(month('2025-12'), month('2026-01'), month('2026-02')),
        fc.array(points, { minLength: 100, maxLength: 100 }),
        fc.integer({ min: 1, max: 28 }),
        (recent, nowPoints, day) => {
          const current = new Map(recent[2].organizations.map((o, i) => [o.uid, nowPoints[i]!]));
          const f = buildForecast({
            calendar: { month: '2026-03', day, daysInMonth: 31 },
            recent,
            current,
            names: new Map(),
            asOf: new Date(0),
          });
          for (const row of f.rows) {
            expect(row.expected).toBeGreaterThanOrEqual(row.soFar);
            expect(row.change).toEqual(changeOf(row.lastReport, row.expected));
          }
          expect(f.totals.expected).toBeCloseTo(
            f.rows.reduce((t, r) => t + r.expected, 0),
            6,
          );
          expect(f.topUp.every((r) => r.change.points > 0)).toBe(true);
          expect(f.topDown.every((r) => r.change.points < 0)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
