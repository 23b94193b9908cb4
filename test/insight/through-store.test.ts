/**
 * Usage insight through the real path: the simulator's reports and current usage, the v3 client,
 * and a SQLite file or a PostgreSQL store. Finalized months are read from VSPC once and from the
 * store after that (counted at the simulator), also after a restart; the planted jump and the
 * company at zero are the only usage changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInsightService, DEFAULT_USAGE_THRESHOLDS } from '../../src/insight/create-service.js';
import { KEPT_FORMAT, keptMonthsIn } from '../../src/insight/kept-months.js';
import { addMonths } from '../../src/insight/months.js';
import type { InsightService } from '../../src/insight/service.js';
import { snapshotOf } from '../../src/insight/snapshot.js';
import type { LicensingBackend } from '../../src/licenses/backend.js';
import { createV3Backend } from '../../src/licenses/v3/index.js';
import { silentLogger } from '../../src/log.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/types.js';
import { writeV4Database } from '../store/helpers/v4-database.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';

const NOW = new Date('2026-03-17T10:00:00Z');
const FOR_DATE = /^\/api\/v3\/licensing\/reports\/\d{4}-\d{2}(-\d{2})?$/;

let sim: RunningSimulator;
let backend: LicensingBackend;
let pgServer: PostgresServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'insight-store-'));
  [sim, pgServer] = await Promise.all([startSimulator({ seed: 'insight', now: NOW, companies: 40 }), startPostgres()]);
  backend = createV3Backend({
    url: sim.url,
    auth: { type: 'apiKey', apiKey: 'k' },
    pageConcurrency: 4,
    logger: silentLogger,
  });
});

afterAll(async () => {
  await backend?.close();
  await Promise.all([sim?.close(), pgServer?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

function serviceOn(store: Store, clock: () => Date = () => NOW): InsightService {
  return createInsightService({
    backend,
    kept: keptMonthsIn(store, clock),
    clock,
    timeZone: 'UTC',
    thresholds: DEFAULT_USAGE_THRESHOLDS,
    concurrency: 4,
    logger: silentLogger,
  });
}

/** Report-for-date calls the simulator received while `run` ran. */
async function reportCalls(run: () => Promise<unknown>): Promise<number> {
  const before = sim.requests.length;
  await run();
  return sim.requests.slice(before).filter((r) => FOR_DATE.test(r.path)).length;
}

/** The provider report's total per month, as the simulator generated it. */
function billOf(month: string): number {
  const inv = sim.state.inventory;
  return inv.reports.find(
    (r) =>
      r.reportParameters.organizationUid === inv.provider.uid &&
      r.reportParameters.reportInterval.startOfInterval.startsWith(month),
  )!.reportSummary.totalPoints;
}

describe.each([
  { name: 'SQLite file', url: () => Promise.resolve(`sqlite:${join(dir, `insight-${Date.now()}.sqlite`)}`) },
  { name: 'PostgreSQL', url: () => pgServer.newDatabase() },
])('insight over the simulator and $name', ({ url }) => {
  it('reads finalized months from VSPC once, then from the store, also after a restart', async () => {
    const databaseUrl = await url();
    const first = await createStore(databaseUrl);
    let trend: Awaited<ReturnType<InsightService['trend']>> | undefined;
    const service = serviceOn(first);
    const firstCalls = await reportCalls(async () => {
      trend = await service.trend({ months: 24 });
    });
    // The months are written after the answer; a new service on the same store (below) reads them.
    await service.settled();
    // 25 months (24 shown and the one before for the first change); the newest comes from /latest.
    expect(firstCalls).toBe(24);
    expect(trend!.months).toHaveLength(24);
    expect(trend!.months.at(-1)).toMatchObject({ month: '2026-02', status: 'open' });
    for (const m of trend!.months) expect(m.totalPoints).toBe(billOf(m.month));
    expect(trend!.source.fetched).toHaveLength(24);

    let again: Awaited<ReturnType<InsightService['trend']>> | undefined;
    expect(
      await reportCalls(async () => {
        again = await serviceOn(first).trend({ months: 24 });
      }),
    ).toBe(0);
    expect(again!.source).toEqual({ fromStore: trend!.months.slice(0, -1).map((m) => m.month), fetched: ['2026-02'] });
    expect(again!.months).toEqual(trend!.months);
    expect(again!.series).toEqual(trend!.series);
    await first.close();

    const restarted = await createStore(databaseUrl);
    expect(await reportCalls(() => serviceOn(restarted).trend({ months: 24 }))).toBe(0);
    await restarted.close();
  });

  it('a first trend long after the last report (the expected window too new) still asks each month once', async () => {
    const store = await createStore(await url());
    // Three months on, VSPC's newest reports are still February's: the bot expects May's.
    const later = new Date(NOW.getTime() + 90 * 24 * 3600 * 1000);
    let trend: Awaited<ReturnType<InsightService['trend']>> | undefined;
    const calls = await reportCalls(async () => {
      trend = await serviceOn(store, () => later).trend({ months: 24 });
    });
    expect(calls).toBe(24);
    expect(trend!.months.at(-1)?.month).toBe('2026-02');
    await store.close();
  });

  it('upgrades a database whose months were kept as whole reports (migration 4): built on first read, not fetched again', async () => {
    const databaseUrl = await url();
    // The 24 final months before the open one, kept the way migration 4's code kept them.
    const months = Array.from({ length: 24 }, (_, i) => addMonths('2024-02', i));
    const old = await Promise.all(
      months.map(async (month) => ({
        month,
        reports: (await backend.listReports({ kind: 'month', month })).map(snapshotOf).filter((r) => r.month === month),
      })),
    );
    await writeV4Database(databaseUrl, old);

    const store = await createStore(databaseUrl);
    let upgraded: Awaited<ReturnType<InsightService['trend']>> | undefined;
    expect(
      await reportCalls(async () => {
        upgraded = await serviceOn(store).trend({ months: 24 });
      }),
    ).toBe(0);
    for (const m of upgraded!.months) expect(m.totalPoints).toBe(billOf(m.month));
    expect(upgraded!.source.fetched).toEqual(['2026-02']);
    // Written back in the new format: the built month beside the reports' own lines.
    const rows = await store.loadUsageMonths(months);
    expect(rows.map((r) => [r.month, r.format, (r.built as { month: string }).month])).toEqual(
      months.map((m) => [m, KEPT_FORMAT, m]),
    );
    // The same answer as a store that fetched everything (and `report <id>` still finds last month's report).
    const fresh = await createStore(await url());
    const fetched = await serviceOn(fresh).trend({ months: 24 });
    expect(upgraded!.months).toEqual(fetched.months);
    expect(upgraded!.series).toEqual(fetched.series);
    const inv = sim.state.inventory;
    const open = inv.reports.find(
      (r) => r.reportParameters.organizationUid === inv.provider.uid && r.reportStatus === 'ApprovalRequired',
    )!;
    const comparison = await reportCalls(() => serviceOn(store).compareReport(open.reportParameters.reportId));
    expect(comparison).toBe(0);
    await Promise.all([store.close(), fresh.close()]);
  });

  it('finds the planted jump and the company at zero, and nothing else crosses the thresholds', async () => {
    const store = await createStore(await url());
    const service = serviceOn(store);
    const planted = sim.state.inventory.plantedUsage!;
    const changes = await service.usageChanges();
    expect(changes.lastReportMonth).toBe('2026-02');
    expect(changes.changes.map((c) => [c.kind, c.org.uid, c.org.name])).toEqual([
      ['jump', planted.jump.uid, planted.jump.name],
      ['zero', planted.zero.uid, planted.zero.name],
    ]);

    const forecast = await service.forecast();
    expect(forecast).toMatchObject({ month: '2026-03', lastReportMonth: '2026-02', dayOfMonth: 17, daysInMonth: 31 });
    expect(forecast.topUp[0]!.org.uid).toBe(planted.jump.uid);
    expect(forecast.topDown[0]!.org.uid).toBe(planted.zero.uid);
    expect(forecast.rows.find((r) => r.org.uid === planted.zero.uid)).toMatchObject({ soFar: 0, expected: 0 });
    expect(forecast.totals.lastReport).toBe(billOf('2026-02'));
    await store.close();
  });

  it('compares a report with the same owner’s report of the month before', async () => {
    const store = await createStore(await url());
    const inv = sim.state.inventory;
    const latest = inv.reports.find(
      (r) => r.reportParameters.organizationUid === inv.provider.uid && r.reportStatus === 'ApprovalRequired',
    )!;
    const comparison = (await serviceOn(store).compareReport(latest.reportParameters.reportId))!;
    expect(comparison.report).toMatchObject({ month: '2026-02', owner: { uid: inv.provider.uid } });
    expect(comparison.previous).toMatchObject({ month: '2026-01', owner: { uid: inv.provider.uid } });
    expect(comparison.change!.points).toBe(billOf('2026-02') - billOf('2026-01'));
    expect(await serviceOn(store).compareReport(999_999)).toBeNull();
    await store.close();
  });
});

describe('insight on VSPC API v2', () => {
  it('answers that v2 has no usage reports', async () => {
    const v2 = { ...backend, apiVersion: 'v2' } as LicensingBackend;
    const service = createInsightService({
      backend: v2,
      kept: null,
      clock: () => NOW,
      timeZone: 'UTC',
      thresholds: DEFAULT_USAGE_THRESHOLDS,
      concurrency: 4,
    });
    expect(service.supported).toBe(false);
    await expect(service.trend()).rejects.toThrow('usage reports are not available on VSPC API v2');
    await expect(service.forecast()).rejects.toThrow('usage reports are not available on VSPC API v2');
    await expect(service.usageChanges()).rejects.toThrow('usage reports are not available on VSPC API v2');
    await expect(service.compareReport(1)).rejects.toThrow('usage reports are not available on VSPC API v2');
  });
});
