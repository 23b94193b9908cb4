/**
 * Where months come from: kept months are not asked again, open and missing ones are, at most
 * `concurrency` at a time; only final months (and empty months before the history) are kept; a
 * server that selects reports by generation date is noticed and asked with the 1st of the next month.
 */
import { describe, expect, it } from 'vitest';
import { HistorySource, type KeptMonths } from '../../src/insight/history-source.js';
import type { ReportSnapshot } from '../../src/insight/snapshot.js';
import type { MonthReport } from '../../src/insight/types.js';
import type { UsageReport } from '../../src/reports/model.js';
import { createFakeBackend } from '../commands/support/fake-backend.js';

function report(month: string, reportId: number, status = 'Approved'): UsageReport {
  return {
    reportId,
    status,
    organizationName: 'Skyline',
    organizationUid: 'p1',
    licenseCompanyName: null,
    generationDate: `${month}-28`,
    intervalStart: `${month}-01`,
    intervalEnd: `${month}-28`,
    totalPoints: reportId,
    products: [],
    organizations: [{ name: 'Acme', type: 'Company', usedPoints: reportId, uid: 'a1' }],
    notCollectedCloudServers: [],
  };
}

function memoryKept(): KeptMonths & { rows: Map<string, { built: MonthReport; reports: ReportSnapshot[] }> } {
  const rows = new Map<string, { built: MonthReport; reports: ReportSnapshot[] }>();
  return {
    rows,
    async load(months) {
      return new Map(months.filter((m) => rows.has(m)).map((m) => [m, rows.get(m)!.built]));
    },
    async reports(month) {
      return rows.get(month)?.reports ?? null;
    },
    async keep(month, reports) {
      rows.set(month.month, { built: month, reports: [...reports] });
    },
  };
}

/**
 * A backend whose month answers take a moment, sent through the request slots it is given (as the
 * VSPC client does), so the requests in flight can be counted.
 */
function slowBackend(reports: UsageReport[], bySelect: (date: string) => UsageReport[]) {
  const backend = createFakeBackend({ reports });
  let inFlight = 0;
  const stats = { maxInFlight: 0, monthCalls: [] as string[], latestCalls: 0 };
  const listReports = backend.listReports.bind(backend);
  backend.listReports = async (scope, options) => {
    if (scope.kind !== 'month') {
      // /latest takes its slot and its time too.
      const give = await options?.slots?.take();
      stats.latestCalls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      give?.();
      return listReports(scope);
    }
    const give = await options?.slots?.take();
    stats.monthCalls.push(scope.month);
    inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, 5));
    inFlight--;
    give?.();
    return bySelect(scope.month);
  };
  return { backend, stats };
}

const MONTHS = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'];
const ALL = [...MONTHS.slice(0, -1).map((m, i) => report(m, i + 1)), report('2026-02', 6, 'ApprovalRequired')];

describe('HistorySource', () => {
  it('fetches missing months at most `concurrency` at a time, answers the latest month from /latest, keeps final ones', async () => {
    const { backend, stats } = slowBackend(ALL, (m) => ALL.filter((r) => r.intervalStart.startsWith(m)));
    const kept = memoryKept();
    const source = new HistorySource({ backend, kept, concurrency: 2 });
    const latest = await source.latest();
    expect(latest.month).toBe('2026-02');
    const first = await source.months(['2025-08', ...MONTHS], latest);
    await source.settled();
    expect(stats.maxInFlight).toBe(2);
    expect(stats.monthCalls.sort()).toEqual(['2025-08', ...MONTHS.slice(0, -1)]);
    expect(first.fetched).toEqual(['2025-08', ...MONTHS]);
    expect(first.byMonth.get('2026-02')!.reports.map((r) => r.reportId)).toEqual([6]);
    expect(first.byMonth.get('2026-02')!.status).toBe('open');
    // Final months and the empty month before the history are kept; the open month is not.
    expect([...kept.rows.keys()].sort()).toEqual(['2025-08', ...MONTHS.slice(0, -1)]);
    expect(kept.rows.get('2025-08')).toMatchObject({ built: { status: 'missing' }, reports: [] });
    expect(kept.rows.get('2025-09')!.built).toMatchObject({ status: 'final', totalPoints: 1 });

    stats.monthCalls.length = 0;
    const second = await source.months(['2025-08', ...MONTHS], await source.latest());
    expect(stats.monthCalls).toEqual([]);
    expect(second.fromStore).toEqual(['2025-08', ...MONTHS.slice(0, -1)]);
    expect(second.fetched).toEqual(['2026-02']);
  });

  it('does not keep an empty month right before the latest one: its reports may still come', async () => {
    const { backend } = slowBackend(ALL, () => []);
    const kept = memoryKept();
    const source = new HistorySource({ backend, kept, concurrency: 4 });
    await source.months(['2025-12', '2026-01'], { month: '2026-02', reports: [] });
    await source.settled();
    expect([...kept.rows.keys()]).toEqual(['2025-12']);
  });

  it('notices a server that selects by generation date and asks with the 1st of the month after', async () => {
    // This server answers date M-01 with the reports generated then: those of month M-1.
    const { backend, stats } = slowBackend(ALL, (m) => {
      const [y, mo] = m.split('-').map(Number) as [number, number];
      const before = mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
      return ALL.filter((r) => r.intervalStart.startsWith(before));
    });
    const infos: string[] = [];
    const logger = { info: (_: unknown, message: string) => infos.push(message) } as never;
    const source = new HistorySource({ backend, kept: null, concurrency: 1, logger });
    const got = await source.months(['2025-11', '2025-12'], { month: '2026-02', reports: [] });
    expect(got.byMonth.get('2025-11')!.reports.map((r) => r.reportId)).toEqual([3]);
    expect(got.byMonth.get('2025-12')!.reports.map((r) => r.reportId)).toEqual([4]);
    // 2025-12 was on its way before 2025-11's answer told: it is asked again, with the later date.
    expect(stats.monthCalls).toEqual(['2025-11', '2025-12', '2025-12', '2026-01']);
    expect(infos).toHaveLength(1);
    // Once known, each month is asked once, with the 1st of the month after.
    stats.monthCalls.length = 0;
    const later = await source.months(['2025-10'], { month: '2026-02', reports: [] });
    expect(later.byMonth.get('2025-10')!.reports.map((r) => r.reportId)).toEqual([2]);
    expect(stats.monthCalls).toEqual(['2025-11']);
  });

  it('reads the months from VSPC when the store fails, and says so in the log', async () => {
    const { backend, stats } = slowBackend(ALL, (m) => ALL.filter((r) => r.intervalStart.startsWith(m)));
    const warnings: string[] = [];
    const logger = { warn: (_: unknown, message: string) => warnings.push(message) } as never;
    const kept: KeptMonths = {
      load: async () => {
        throw new Error('disk gone');
      },
      reports: async () => {
        throw new Error('disk gone');
      },
      keep: async () => {
        throw new Error('disk gone');
      },
    };
    const source = new HistorySource({ backend, kept, concurrency: 4, logger });
    const got = await source.months(['2025-10'], { month: '2026-02', reports: [] });
    await source.settled();
    expect(got.byMonth.get('2025-10')!.reports.map((r) => r.reportId)).toEqual([2]);
    expect(stats.monthCalls).toEqual(['2025-10']);
    expect(warnings).toEqual([
      'usage history: could not read kept months; reading them from VSPC',
      'usage history: could not keep a finalized month',
    ]);
  });

  it('answers before the months are written; a read of kept months waits for the writes', async () => {
    const { backend, stats } = slowBackend(ALL, (m) => ALL.filter((r) => r.intervalStart.startsWith(m)));
    const kept = memoryKept();
    const keep = kept.keep.bind(kept);
    kept.keep = async (month, reports) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await keep(month, reports);
    };
    const source = new HistorySource({ backend, kept, concurrency: 4 });
    await source.months(MONTHS.slice(0, 3), { month: '2026-02', reports: [] });
    expect(kept.rows.size).toBe(0);
    stats.monthCalls.length = 0;
    const again = await source.months(MONTHS.slice(0, 3), { month: '2026-02', reports: [] });
    expect(stats.monthCalls).toEqual([]);
    expect(again.fromStore).toEqual(MONTHS.slice(0, 3));
    await source.settled();
    expect([...kept.rows.keys()].sort()).toEqual(MONTHS.slice(0, 3));
  });

  it('keeps the final months read before another month failed', async () => {
    const { backend } = slowBackend(ALL, (m) => {
      if (m === '2025-11') throw new Error('VSPC answered HTTP 520');
      return ALL.filter((r) => r.intervalStart.startsWith(m));
    });
    const kept = memoryKept();
    const source = new HistorySource({ backend, kept, concurrency: 1 });
    await expect(source.months(['2025-09', '2025-10', '2025-11'], { month: '2026-02', reports: [] })).rejects.toThrow(
      /520/,
    );
    await source.settled();
    expect([...kept.rows.keys()].sort()).toEqual(['2025-09', '2025-10']);
  });

  describe('begin: the oldest months of the expected window travel with /latest', () => {
    const byDate = (m: string) => ALL.filter((r) => r.intervalStart.startsWith(m));
    const GUESS = ['2025-08', ...MONTHS];

    it('in the slots /latest leaves free, never the two newest, and months() does not ask them again', async () => {
      const { backend, stats } = slowBackend(ALL, byDate);
      const source = new HistorySource({ backend, kept: memoryKept(), concurrency: 3 });
      const head = source.begin(GUESS);
      const latest = await head.latest;
      // Three slots, one for /latest: the two oldest months left while it travelled.
      expect(stats.monthCalls).toEqual(['2025-08', '2025-09']);
      expect(latest.month).toBe('2026-02');
      const got = await source.months(GUESS, latest, head.early);
      expect([...stats.monthCalls].sort()).toEqual(['2025-08', ...MONTHS.slice(0, -1)]);
      expect(stats.latestCalls).toBe(1);
      expect(got.byMonth.get('2025-09')!.totalPoints).toBe(1);
      expect(stats.maxInFlight).toBeLessThanOrEqual(3);
    });

    it('asks nothing early for months the store keeps', async () => {
      const { backend, stats } = slowBackend(ALL, byDate);
      const kept = memoryKept();
      const first = new HistorySource({ backend, kept, concurrency: 3 });
      await first.months(GUESS, await first.latest());
      await first.settled();
      stats.monthCalls.length = 0;
      // A restart: a new source on the same store.
      const again = new HistorySource({ backend, kept, concurrency: 3 });
      const head = again.begin(GUESS);
      const got = await again.months(GUESS, await head.latest, head.early);
      expect(stats.monthCalls).toEqual([]);
      expect(got.fromStore).toEqual(['2025-08', ...MONTHS.slice(0, -1)]);
    });

    it('a guess a month too old: the real window is asked for once each, the extra month is not kept', async () => {
      const { backend, stats } = slowBackend(ALL, byDate);
      const kept = memoryKept();
      const source = new HistorySource({ backend, kept, concurrency: 3 });
      // Expected the window to end in 2026-01; /latest says 2026-02.
      const head = source.begin(['2025-07', '2025-08', ...MONTHS.slice(0, -1)]);
      const latest = await head.latest;
      const wanted = ['2025-08', ...MONTHS];
      const got = await source.months(wanted, latest, head.early);
      await source.settled();
      expect(got.fetched).toEqual(wanted);
      expect([...stats.monthCalls].sort()).toEqual(['2025-07', '2025-08', ...MONTHS.slice(0, -1)]);
      expect([...kept.rows.keys()].sort()).toEqual(['2025-08', ...MONTHS.slice(0, -1)]);
    });
  });
});
