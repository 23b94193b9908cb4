/** The seeded inventory: deterministic, relative to `now`, with every planted case present. */
import { describe, expect, it } from 'vitest';
import { daysBetween } from '../../src/simulator/dates.js';
import { generateInventory } from '../../src/simulator/index.js';

const NOW = new Date('2026-04-10T07:45:00Z');
const days = (iso: string | null) => (iso === null ? null : daysBetween(NOW, new Date(iso)));

describe('generateInventory', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateInventory({ seed: 9, now: NOW });
    const b = generateInventory({ seed: 9, now: NOW });
    const c = generateInventory({ seed: 10, now: NOW });
    expect(JSON.stringify({ ...a, servers: [...a.servers.values()] })).toBe(
      JSON.stringify({ ...b, servers: [...b.servers.values()] }),
    );
    expect(c.backupServers[0]!.backupServerUid).not.toBe(a.backupServers[0]!.backupServerUid);
  });

  it('builds the sizes asked for, up to 10,000 VBR servers', () => {
    const inv = generateInventory({
      seed: 2,
      now: NOW,
      vbr: 10_000,
      vone: 1_000,
      vb365: 990,
      sites: 10,
      companies: 50,
    });
    expect(inv.backupServers).toHaveLength(10_000);
    expect(inv.voneServers.length + inv.vb365Servers.length + inv.sites.length + inv.backupServers.length).toBe(12_000);
    expect(new Set(inv.backupServers.map((l) => l.backupServerUid)).size).toBe(10_000);
    expect(inv.organizations).toHaveLength(50);
    expect(inv.organizations.some((o) => o.type === 'Reseller')).toBe(true);
  });

  it('plants every case the bot must handle, with dates relative to now', () => {
    const inv = generateInventory({ seed: 3, now: NOW });
    const n = inv.notable;
    const vbrDays = (uid: string) => days(inv.backupServers.find((l) => l.backupServerUid === uid)!.expirationDate);
    expect(n.expired.length).toBeGreaterThan(0);
    expect(n.expiringIn7Days.length).toBeGreaterThan(0);
    expect(n.expiringIn14Days.length).toBeGreaterThan(0);
    expect(n.expiringIn30Days.length).toBeGreaterThan(0);
    expect(vbrDays(inv.backupServers[0]!.backupServerUid)).toBe(-12);
    expect(vbrDays(inv.backupServers[1]!.backupServerUid)).toBe(5);
    expect(vbrDays(inv.backupServers[2]!.backupServerUid)).toBe(12);
    expect(vbrDays(inv.backupServers[3]!.backupServerUid)).toBe(25);
    expect(n.supportExpiring.length).toBeGreaterThan(0);
    expect(n.overUsage.map((r) => r.kind).sort()).toEqual(expect.arrayContaining(['site', 'vb365', 'vbr']));
    expect(n.autoUpdateOff.length).toBeGreaterThan(0);
    const vone = (status: string) => inv.voneServers.find((l) => l.status === status)!;
    expect(vone('Warning').statusMessage).toMatch(/exceeds/);
    expect(vone('Error').statusMessage.length).toBeGreaterThan(0);
    expect(n.warning.length).toBeGreaterThanOrEqual(2);
    expect(n.error.length).toBeGreaterThanOrEqual(2);
  });

  it('classifies expiry bands consistently with the dates', () => {
    const inv = generateInventory({ seed: 4, now: NOW, vbr: 500 });
    for (const ref of inv.notable.expiringIn14Days.filter((r) => r.kind === 'vbr')) {
      const left = days(inv.backupServers.find((l) => l.backupServerUid === ref.uid)!.expirationDate)!;
      expect(left).toBeGreaterThan(7);
      expect(left).toBeLessThanOrEqual(14);
    }
    for (const license of inv.backupServers) {
      expect(license.status === 'Expired').toBe(days(license.expirationDate)! < 0);
    }
  });

  it('makes a company-name search ambiguous on purpose', () => {
    const inv = generateInventory({ seed: 5, now: NOW });
    const [short, long] = inv.notable.ambiguousCompanies;
    expect(long.startsWith(short)).toBe(true);
    const matches = inv.backupServers.filter((l) => l.company.toLowerCase().includes(short.toLowerCase()));
    expect(new Set(matches.map((l) => l.company))).toEqual(new Set([short, long]));
    expect(inv.notable.sameCompanyServers.length).toBeGreaterThanOrEqual(2);
  });

  it('has monthly reports: the last month waits for approval, older months are approved', () => {
    const inv = generateInventory({ seed: 6, now: NOW, reportMonths: 3 });
    const owners = 1 + inv.organizations.filter((o) => o.type === 'Reseller').length;
    expect(inv.reports).toHaveLength(3 * owners);
    const pending = inv.reports.filter((r) => r.reportStatus === 'ApprovalRequired');
    expect(pending).toHaveLength(owners);
    expect(new Set(pending.map((r) => r.reportParameters.reportInterval.startOfInterval))).toEqual(
      new Set(['2026-03-01']),
    );
    expect(inv.reports.filter((r) => r.reportStatus === 'Approved')).toHaveLength(2 * owners);
    for (const report of inv.reports) {
      const sum = report.reportSummary.productsUsage.reduce((total, p) => total + p.totalPoints, 0);
      expect(report.reportSummary.totalPoints).toBe(sum);
      expect(report.organizationsUsage.reduce((total, o) => total + o.usedPoints, 0)).toBe(sum);
    }
  });

  it('has current usage per company over its own servers, a site and VSPC', () => {
    const inv = generateInventory({ seed: 7, now: NOW });
    const companies = inv.organizations.filter((o) => o.type === 'Company');
    expect(inv.usage).toHaveLength(companies.length);
    const first = inv.usage.find((u) => u.organizationUid === inv.organizations[0]!.uid)!;
    const vbrOwned = inv.backupServers
      .filter((l) => l.company === inv.organizations[0]!.name)
      .map((l) => l.backupServerUid);
    expect(first.servers.filter((s) => s.serverType === 'BackupAndReplication').map((s) => s.serverUid)).toEqual(
      vbrOwned,
    );
    expect(first.servers.some((s) => s.serverType === 'CloudConnect')).toBe(true);
    expect(first.servers.some((s) => s.serverUid === inv.vspcServerUid)).toBe(true);
  });
});
