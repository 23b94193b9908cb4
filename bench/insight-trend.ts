/**
 * Usage insight over 24 months × 1,000 companies (the simulator with `--companies 1250`, at
 * 50 ms a request): the first `trend --months 24` with an empty store (25 months, all but the newest
 * fetched `CONCURRENCY` at a time) against its round-trip limit `(1 + ⌈24 / C⌉) × latency`; the same
 * trend again (final months in memory), after a restart (kept months from the store; VSPC answers
 * /latest only in both); and the part a trend builds from the store: loading the 24 kept months
 * (each kept built: per organization and product) and computing the trend.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInsightService, DEFAULT_USAGE_THRESHOLDS } from '../src/insight/create-service.js';
import { keptMonthsIn } from '../src/insight/kept-months.js';
import { monthsEndingWith } from '../src/insight/months.js';
import { buildTrend } from '../src/insight/trend.js';
import { createV3Backend } from '../src/licenses/v3/index.js';
import { MONTH_SELECT, REPORT_SELECT } from '../src/licenses/v3/selected-reports.js';
import { silentLogger } from '../src/log.js';
import { createStore } from '../src/store/create-store.js';
import { CONCURRENCY, LATENCY_MS } from './inventory-load.js';
import { startSimulatorProcess } from './lib/children.js';
import { median } from './lib/stats.js';

/** Organizations the simulator makes: every fifth is a reseller, so 1,250 give 1,000 companies. */
export const INSIGHT_ORGANIZATIONS = 1250;
const MONTHS = 24;
const ROUNDS = 5;

export interface InsightTrendResult {
  /** Companies of the newest kept month (the trend's rows). */
  organizations: number;
  /** Report-for-date requests of the first trend (months not kept yet). */
  monthRequests: number;
  firstTrendMs: number;
  limitMs: number;
  /** Longest the event loop was held during the first trend (what a Slack ack would wait). */
  firstTrendLoopDelayMs: number;
  /** The same trend again in the same process: final months from memory, /latest from VSPC. */
  keptTrendMs: number;
  keptMonthRequests: number;
  /** A fresh service on the same store (a restart): kept months from the store, /latest from VSPC. */
  restartTrendMs: number;
  /** Load of the 24 kept (built) months from SQLite and the computation of the trend (median). */
  fromStoreMs: number;
}

/**
 * Every report once, straight from the simulator (not through the bot, whose code stays cold), as
 * the bot asks for them (only the selected properties).
 */
async function warmSimulatorReports(url: string): Promise<void> {
  for (const selection of [MONTH_SELECT, REPORT_SELECT])
    await warmReports(url, encodeURIComponent(JSON.stringify(selection)));
}

async function warmReports(url: string, select: string): Promise<void> {
  for (let offset = 0, total = 1; offset < total; offset += 500) {
    const answer = await fetch(`${url}/api/v3/licensing/reports?limit=500&offset=${offset}&select=${select}`, {
      headers: { authorization: 'Bearer bench' },
    });
    const body = (await answer.json()) as { meta?: { pagingInfo?: { total?: number } } };
    total = body.meta?.pagingInfo?.total ?? 0;
  }
}

export async function measureInsightTrend(): Promise<InsightTrendResult> {
  const sim = await startSimulatorProcess([
    '--companies',
    String(INSIGHT_ORGANIZATIONS),
    '--vbr',
    '1000',
    '--history-months',
    String(MONTHS + 1),
    '--latency',
    String(LATENCY_MS),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'bench-insight-'));
  const store = await createStore(`sqlite:${join(dir, 'insight.sqlite')}`);
  const requests: string[] = [];
  const backend = createV3Backend({
    url: sim.url,
    auth: { type: 'apiKey', apiKey: 'bench' },
    pageConcurrency: CONCURRENCY,
    logger: silentLogger,
    onRequest: (info: { operation: string }) => requests.push(info.operation),
  });
  const clock = () => new Date();
  const kept = keptMonthsIn(store, clock);
  const newService = () =>
    createInsightService({
      backend,
      kept,
      clock,
      timeZone: 'UTC',
      thresholds: DEFAULT_USAGE_THRESHOLDS,
      concurrency: CONCURRENCY,
    });
  const service = newService();
  try {
    // Warm the connection and the token, so the first trend measures the months and not the login,
    // and the simulator's JSON of every report (kept per report), so it measures the bot and not
    // the simulator serializing ~2.5 MB a month on its one thread (about 1 s for 24 months).
    await backend.ping();
    await warmSimulatorReports(sim.url);
    requests.length = 0;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let started = performance.now();
    const first = await service.trend({ months: MONTHS });
    const firstTrendMs = performance.now() - started;
    loop.disable();
    // The kept months are written after the answer; the restart rounds below read them.
    await service.settled();
    const monthRequests = requests.filter((r) => r === 'GetLicensingReportsForDate').length;

    requests.length = 0;
    const keptRounds: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      started = performance.now();
      await service.trend({ months: MONTHS });
      keptRounds.push(performance.now() - started);
    }
    const restartRounds: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const restarted = newService();
      started = performance.now();
      await restarted.trend({ months: MONTHS });
      restartRounds.push(performance.now() - started);
    }
    const keptMonthRequests = requests.filter((r) => r === 'GetLicensingReportsForDate').length;

    const wanted = first.months.map((m) => m.month);
    const storeRounds: number[] = [];
    let orgCount = 0;
    for (let i = 0; i < ROUNDS; i++) {
      started = performance.now();
      const months = [...(await kept.load(monthsEndingWith(wanted.at(-2)!, MONTHS))).values()];
      buildTrend({ months, base: null, top: 5, product: null, org: null, source: { fromStore: [], fetched: [] } });
      storeRounds.push(performance.now() - started);
      orgCount = months.at(-1)?.organizations.length ?? 0;
    }
    return {
      organizations: orgCount,
      monthRequests,
      firstTrendMs,
      limitMs: (1 + Math.ceil(MONTHS / CONCURRENCY)) * LATENCY_MS,
      firstTrendLoopDelayMs: loop.max / 1e6,
      keptTrendMs: median(keptRounds),
      keptMonthRequests,
      restartTrendMs: median(restartRounds),
      fromStoreMs: median(storeRounds),
    };
  } finally {
    await backend.close();
    await store.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
