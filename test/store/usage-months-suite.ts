/** The kept usage months of every Store: kept, replaced, read back exactly, and still there after a restart. */
import { expect, it } from 'vitest';
import type { Store } from '../../src/store/types.js';

const REPORTS = [
  {
    reportId: 7,
    month: '2025-11',
    owner: { uid: 'p1', name: 'Skyline — Cloud "Services"' },
    status: 'Approved',
    totalPoints: 1234.5,
    products: [{ productType: 'VSPC', points: 1234.5 }],
    organizations: [{ uid: 'c1', name: 'Acme', type: 'Company', points: 1234.5 }],
    organizationProducts: [],
  },
];

const BUILT = { month: '2025-11', status: 'final', totalPoints: 1234.5, organizations: [], products: [], reports: [] };

export function describeKeptUsageMonths(
  database: () => Promise<{ open(): Promise<Store> }>,
  manyInstances: boolean,
): void {
  it('keeps usage months and reads back exactly the ones asked for', async () => {
    const store = await (await database()).open();
    expect(await store.loadUsageMonths(['2025-11'])).toEqual([]);
    await store.keepUsageMonth({
      month: '2025-11',
      format: 2,
      built: BUILT,
      reports: REPORTS,
      keptAt: new Date(1_700_000_000_000),
    });
    await store.keepUsageMonth({
      month: '2025-10',
      format: 2,
      built: null,
      reports: [],
      keptAt: new Date(1_700_000_000_001),
    });
    expect(await store.loadUsageMonths(['2025-11', '2025-12'])).toEqual([
      { month: '2025-11', format: 2, built: BUILT, reports: REPORTS, keptAt: new Date(1_700_000_000_000) },
    ]);
    expect((await store.loadUsageMonths(['2025-10', '2025-11'])).map((m) => m.month)).toEqual(['2025-10', '2025-11']);
    expect(await store.loadUsageMonths([])).toEqual([]);
    // A trend reads only the built months: the reports are not read.
    expect(await store.loadUsageMonths(['2025-11'], { reports: false })).toEqual([
      { month: '2025-11', format: 2, built: BUILT, reports: null, keptAt: new Date(1_700_000_000_000) },
    ]);
    // Keeping a month again replaces it (a newer format, say).
    await store.keepUsageMonth({ month: '2025-10', format: 3, built: BUILT, reports: REPORTS, keptAt: new Date(5) });
    expect(await store.loadUsageMonths(['2025-10'])).toEqual([
      { month: '2025-10', format: 3, built: BUILT, reports: REPORTS, keptAt: new Date(5) },
    ]);
  });

  if (manyInstances) {
    it('kept usage months survive a restart', async () => {
      const db = await database();
      const first = await db.open();
      await first.keepUsageMonth({ month: '2024-06', format: 2, built: BUILT, reports: REPORTS, keptAt: new Date(9) });
      await first.close();
      const second = await db.open();
      expect(await second.loadUsageMonths(['2024-06'])).toEqual([
        { month: '2024-06', format: 2, built: BUILT, reports: REPORTS, keptAt: new Date(9) },
      ]);
    });
  }
}
