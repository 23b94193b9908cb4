/**
 * The usage history behind the reports and the current usage: two years per owner by default,
 * growth and seasonality, a current usage that continues the last report, and exactly two planted
 * changes (a jump and a company at zero). Deterministic for a seed.
 */
import { describe, expect, it } from 'vitest';
import { generateInventory, type Inventory } from '../../src/simulator/index.js';

const NOW = new Date('2026-04-10T07:45:00Z');

/** Rental points now per company uid, as the bot reads them (points units only). */
function pointsNow(inv: Inventory): Map<string, number> {
  const out = new Map<string, number>();
  for (const org of inv.usage) {
    let total = 0;
    for (const server of org.servers)
      for (const w of server.workloads) if (w.unitType === 'Points') total += w.rentalUnits;
    out.set(org.organizationUid, total);
  }
  return out;
}

/** Company points in the provider's report of `month` (its usage details itemize every company). */
function companyPoints(inv: Inventory, month: string): Map<string, number> {
  const report = inv.reports.find(
    (r) =>
      r.reportParameters.organizationUid === inv.provider.uid &&
      r.reportParameters.reportInterval.startOfInterval.startsWith(month),
  )!;
  return new Map(
    report.usageDetails.map((d) => [
      d.organizationUid,
      d.usageByLicenseAndProduct.reduce((t, u) => t + u.usedPoints, 0),
    ]),
  );
}

describe('usage history', () => {
  const inv = generateInventory({ seed: 12, now: NOW, companies: 40 });
  const owners = 1 + inv.organizations.filter((o) => o.type === 'Reseller').length;

  it('has 25 months of reports per owner by default, the last one waiting for approval', () => {
    expect(inv.reports).toHaveLength(25 * owners);
    const months = new Set(inv.reports.map((r) => r.reportParameters.reportInterval.startOfInterval.slice(0, 7)));
    expect(months.size).toBe(25);
    expect([...months].sort()[0]).toBe('2024-03');
    expect(
      inv.reports
        .filter((r) => r.reportStatus === 'ApprovalRequired')
        .map((r) => r.reportParameters.reportInterval.startOfInterval),
    ).toEqual(Array(owners).fill('2026-03-01'));
  });

  it('adds up: a reseller line of the provider report is the reseller report total, details sum to the total', () => {
    for (const report of inv.reports) {
      const lines = report.organizationsUsage.reduce((t, o) => t + o.usedPoints, 0);
      expect(lines).toBe(report.reportSummary.totalPoints);
      if (report.reportParameters.organizationUid !== inv.provider.uid) continue;
      const details = report.usageDetails
        .flatMap((d) => d.usageByLicenseAndProduct)
        .reduce((t, u) => t + u.usedPoints, 0);
      expect(details).toBe(report.reportSummary.totalPoints);
      for (const line of report.organizationsUsage.filter((o) => o.organizationType === 'Reseller')) {
        const own = inv.reports.find(
          (r) =>
            r.reportParameters.organizationUid === line.organizationUid &&
            r.reportParameters.reportInterval.startOfInterval ===
              report.reportParameters.reportInterval.startOfInterval,
        )!;
        expect(own.reportSummary.totalPoints).toBe(line.usedPoints);
      }
    }
  });

  it('continues the last report in the current usage, except the two planted companies', () => {
    const planted = inv.plantedUsage!;
    const last = companyPoints(inv, '2026-03');
    const now = pointsNow(inv);
    expect(new Set(now.keys())).toEqual(new Set(last.keys()));
    const jump = { before: last.get(planted.jump.uid)!, now: now.get(planted.jump.uid)! };
    expect(jump.now).toBeGreaterThanOrEqual(jump.before * 1.25);
    expect(jump.now - jump.before).toBeGreaterThanOrEqual(50);
    expect(last.get(planted.zero.uid)).toBeGreaterThan(0);
    expect(now.get(planted.zero.uid)).toBe(0);
    for (const [uid, before] of last) {
      if (uid === planted.jump.uid || uid === planted.zero.uid) continue;
      expect(before).toBeGreaterThan(0);
      expect(Math.abs(now.get(uid)! - before) / before).toBeLessThan(0.15);
    }
  });

  it('grows over two years, with fewer workstations in August than in July', () => {
    const total = (month: string) => [...companyPoints(inv, month).values()].reduce((t, p) => t + p, 0);
    expect(total('2026-03')).toBeGreaterThan(total('2024-03') * 1.1);
    const workstations = (month: string) =>
      inv.reports
        .filter(
          (r) =>
            r.reportParameters.organizationUid === inv.provider.uid &&
            r.reportParameters.reportInterval.startOfInterval.startsWith(month),
        )
        .flatMap((r) => r.reportSummary.productsUsage.flatMap((p) => p.workloadUsage))
        .filter((w) => w.workloadType === 'VAC_Workstation_Agent')
        .reduce((t, w) => t + w.initialCount, 0);
    expect(workstations('2025-08')).toBeLessThan(workstations('2025-07'));
  });

  it('is deterministic for a seed and configurable in length', () => {
    const again = generateInventory({ seed: 12, now: NOW, companies: 40 });
    expect(JSON.stringify(again.reports)).toBe(JSON.stringify(inv.reports));
    expect(JSON.stringify(again.usage)).toBe(JSON.stringify(inv.usage));
    expect(again.plantedUsage).toEqual(inv.plantedUsage);
    const other = generateInventory({ seed: 13, now: NOW, companies: 40 });
    expect(JSON.stringify(other.reports)).not.toBe(JSON.stringify(inv.reports));
    expect(generateInventory({ seed: 12, now: NOW, reportMonths: 30 }).reports).toHaveLength(30 * 3);
  });
});
