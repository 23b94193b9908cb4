/** One month's reports → the month per organization: the provider's bill, resellers replaced by their companies. */
import { describe, expect, it } from 'vitest';
import { buildMonth, UNATTRIBUTED_NAME } from '../../src/insight/build-month.js';
import { PROVIDER, RESELLER, snapshot } from './support/snapshots.js';

describe('buildMonth', () => {
  it('replaces a reseller line by the companies of its report and keeps the bill as the total', () => {
    const provider = snapshot('2026-02', PROVIDER, [
      ['a', 'Acme', 300],
      [RESELLER.uid, RESELLER.name, 150, 'Reseller'],
    ]);
    const reseller = snapshot('2026-02', RESELLER, [
      ['s', 'Sigma', 100],
      ['t', 'Tau', 50],
    ]);
    const month = buildMonth('2026-02', [reseller, provider]);
    expect(month.status).toBe('final');
    expect(month.totalPoints).toBe(450);
    expect(month.organizations.map((o) => [o.name, o.points, o.reseller?.name ?? null])).toEqual([
      ['Acme', 300, null],
      ['Sigma', 100, RESELLER.name],
      ['Tau', 50, RESELLER.name],
    ]);
    expect(month.reports.map((r) => r.owner.name)).toEqual([PROVIDER.name, RESELLER.name]);
  });

  it('keeps a reseller as one line when its report does not add up to it, and credits the rest to nobody', () => {
    const provider = snapshot('2026-02', PROVIDER, [
      ['a', 'Acme', 300],
      [RESELLER.uid, RESELLER.name, 150, 'Reseller'],
    ]);
    const reseller = snapshot('2026-02', RESELLER, [['s', 'Sigma', 90]]);
    const month = buildMonth('2026-02', [provider, reseller]);
    expect(month.organizations.map((o) => o.name)).toEqual(['Acme', RESELLER.name]);
    expect(month.totalPoints).toBe(450);

    const short = buildMonth('2026-02', [{ ...provider, totalPoints: 470 }]);
    expect(short.organizations.at(-1)).toMatchObject({ name: UNATTRIBUTED_NAME, points: 20, type: 'Unattributed' });
    expect(short.products).toEqual([
      { productType: 'BackupAndReplication', points: 450 },
      { productType: 'Unknown', points: 20 },
    ]);
  });

  it('reads the newest report of an owner when VSPC holds two for one month', () => {
    const first = snapshot('2026-02', PROVIDER, [['a', 'Acme', 10]]);
    const second = snapshot('2026-02', PROVIDER, [['a', 'Acme', 12]]);
    expect(buildMonth('2026-02', [second, first]).totalPoints).toBe(12);
  });

  it('is open while a report waits for approval, missing without reports', () => {
    expect(
      buildMonth('2026-02', [snapshot('2026-02', PROVIDER, [['a', 'A', 1]], { status: 'ApprovalRequired' })]).status,
    ).toBe('open');
    expect(buildMonth('2026-02', [snapshot('2026-01', PROVIDER, [['a', 'A', 1]])])).toEqual({
      month: '2026-02',
      status: 'missing',
      totalPoints: 0,
      organizations: [],
      products: [],
      reports: [],
    });
  });

  it('takes per-product points of a company from the first report that itemizes it', () => {
    const provider = snapshot('2026-02', PROVIDER, [['a', 'Acme', 30]], {
      organizationProducts: [
        { uid: 'a', productType: 'BackupAndReplication', points: 20 },
        { uid: 'a', productType: 'VSPC', points: 10 },
      ],
    });
    expect(buildMonth('2026-02', [provider]).organizations[0]!.products).toEqual({
      BackupAndReplication: 20,
      VSPC: 10,
    });
  });
});
