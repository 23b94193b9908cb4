/**
 * `npm run bench`: every figure of DESIGN.md §10 measured in one run on loopback, printed as a table
 * (figure, value, target, verdict) and written to bench/results.json. Bounded: it stops itself
 * after five minutes. Not part of `npm test`: timings depend on the machine.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/support/app.js';
import { measureAckLatency } from './ack-latency.js';
import { measureBoltFloor } from './bolt-floor.js';
import { measureChartRender } from './chart-render.js';
import { measureColdStart } from './cold-start.js';
import { measureDigestBuild } from './digest-build.js';
import { measureInsightTrend } from './insight-trend.js';
import { CONCURRENCY, LATENCY_MS, measureInventoryLoad } from './inventory-load.js';
import { buildApp } from './lib/build.js';
import { imageNodeFlags } from './lib/image-node-flags.js';
import { round } from './lib/stats.js';
import { type Figure, figure, renderTable } from './lib/table.js';

const DEADLINE_MS = 5 * 60_000;

const guard = setTimeout(() => {
  console.error('bench: still running after 5 minutes; giving up');
  process.exit(2);
}, DEADLINE_MS);
guard.unref();

function step(name: string): void {
  process.stderr.write(`bench: ${name}…\n`);
}

const load = loadavg()[0] ?? 0;
step('build (tsc, as the Docker image runs it)');
const build = buildApp();
const form = build.entry ? 'compiled' : 'tsx';
const nodeFlags = imageNodeFlags().join(' ') || 'no node flags';
step(`ack latency (100 concurrent /vspc licenses, VSPC at 2 s a call; bot ${form})`);
const ack = await measureAckLatency(build.entry);
step('the same bursts against a bare Bolt app (one command listener that only acks)');
const floor = await measureBoltFloor();
step(`inventory load (12,000 licenses, ${LATENCY_MS} ms a request)`);
const inventory = await measureInventoryLoad();
step('digest build');
const digest = measureDigestBuild(inventory.snapshot);
step('chart render (24 months × 6 series)');
const chart = await measureChartRender();
step(`usage insight (24 months × 1,000 companies, ${LATENCY_MS} ms a request)`);
const insight = await measureInsightTrend();
step('cold start');
const cold = await measureColdStart(build.entry);

const figures: Figure[] = [
  figure(`ack p50, 100 concurrent /vspc licenses (bot ${form})`, ack.ackP50Ms, 'ms'),
  figure('ack p99', ack.ackP99Ms, 'ms', { text: '≤ 25 ms', max: 25 }),
  figure('ack max', ack.ackMaxMs, 'ms', { text: '< 3000 ms (Slack)', max: 2999 }),
  figure('GET /healthz p50, burst of 100', ack.healthP50Ms, 'ms'),
  figure('GET /healthz p99, burst of 100', ack.healthP99Ms, 'ms'),
  figure('ack p99 / healthz p99 (same run)', ack.ratio, '×', { text: '≤ 1.5×', max: 1.5 }),
  figure('bare Bolt app, same bursts: healthz p99', floor.healthP99Ms, 'ms'),
  figure('bare Bolt app, same bursts: ack p99', floor.ackP99Ms, 'ms'),
  figure('bare Bolt app: ack p99 / healthz p99 (median of 5 rounds; the floor of the ratio above)', floor.ratio, '×'),
  figure("the bot's ack p99 / the bare Bolt app's ack p99", ack.ackP99Ms / floor.ackP99Ms, '×'),
  figure('second burst (whoami) while the bot renders: ack p50', ack.busyAckP50Ms, 'ms'),
  figure('second burst: ack p99', ack.busyAckP99Ms, 'ms', { text: '≤ 25 ms', max: 25 }),
  figure('second burst: ack max', ack.busyAckMaxMs, 'ms', { text: '< 3000 ms (Slack)', max: 2999 }),
  figure('commands acked with 200 (both bursts)', ack.acked, 'of 200', { text: '200', max: Number.POSITIVE_INFINITY }),
  figure('commands answered through response_url', ack.answered, 'of 200', {
    text: '200',
    max: Number.POSITIVE_INFINITY,
  }),
  figure('time until all 100 licenses answers arrived', ack.answerSeconds, 's'),
  figure('inventory: licenses loaded', inventory.licenses, ''),
  figure('inventory: pages of the largest kind (VBR)', inventory.pages, ''),
  figure('inventory: requests in all', inventory.requests, ''),
  figure(`inventory load, concurrent paging (C = ${CONCURRENCY})`, inventory.concurrentMs, 'ms'),
  figure('inventory load, sequential (C = 1, kind by kind)', inventory.sequentialMs, 'ms'),
  figure('round-trip limit (1 + ⌈(pages − 1)/C⌉) × latency', inventory.limitMs, 'ms'),
  figure('concurrent / sequential', inventory.concurrentMs / inventory.sequentialMs, '×', { text: '≤ 0.3×', max: 0.3 }),
  figure('concurrent / round-trip limit', inventory.concurrentMs / inventory.limitMs, '×', {
    text: '≤ 1.2×',
    max: 1.2,
  }),
  figure('digest build, 12,000 licenses (first build)', digest.firstBuildMs, 'ms', { text: '≤ 100 ms', max: 100 }),
  figure('digest build (median of later builds)', digest.buildMs, 'ms', { text: '≤ 100 ms', max: 100 }),
  figure('digest render to Block Kit (median)', digest.renderMs, 'ms'),
  figure('digest messages (main + thread replies)', digest.messages, ''),
  figure('chart render, 24 months × 6 series, 1600×900 PNG (median)', chart.renderMs, 'ms', {
    text: '≤ 300 ms',
    max: 300,
  }),
  figure('chart render, first (loads resvg in its worker)', chart.firstMs, 'ms'),
  figure('chart render: main-thread time per chart', chart.mainThreadMs, 'ms'),
  figure('chart render: the same chart again (recent charts)', chart.repeatMs, 'ms'),
  figure('chart PNG size', chart.pngBytes / 1024, 'KiB'),
  figure('chart: RSS growth over 31 different charts (worker + resvg)', chart.rssGrowthMb, 'MB'),
  figure(
    `insight: first trend, 24 months × ${insight.organizations} companies, empty store`,
    insight.firstTrendMs,
    'ms',
  ),
  figure('insight: round-trip limit (1 + ⌈24/C⌉) × latency', insight.limitMs, 'ms'),
  figure('insight: first trend / round-trip limit', insight.firstTrendMs / insight.limitMs, '×', {
    text: '≤ 1.5×',
    max: 1.5,
  }),
  figure('insight: event-loop delay max during the first trend', insight.firstTrendLoopDelayMs, 'ms'),
  figure('insight: report-for-date requests, first trend', insight.monthRequests, ''),
  figure('insight: report-for-date requests, later trends (kept months)', insight.keptMonthRequests, '', {
    text: '0',
    max: 0,
  }),
  figure('insight: trend built from the store (load 24 kept months + compute)', insight.fromStoreMs, 'ms', {
    text: '≤ 100 ms',
    max: 100,
  }),
  figure(
    'insight: trend after a restart (kept months from the store, /latest from VSPC)',
    insight.restartTrendMs,
    'ms',
  ),
  figure('insight: trend again (final months in memory, /latest from VSPC)', insight.keptTrendMs, 'ms'),
  figure(`RSS of the bot before the burst (VmRSS, ${form}, ${nodeFlags})`, ack.idleRssMb, 'MB'),
  figure(`peak RSS of the bot through the bursts (VmHWM, ${form}, ${nodeFlags})`, ack.burstPeakRssMb, 'MB', {
    text: '≤ 120 MB',
    max: 120,
  }),
  figure('peak RSS of the bot process, then a digest preview over the same 12,000 licenses', ack.peakRssMb, 'MB'),
  figure('cold start to /readyz 200, compiled (node dist)', cold.compiledMs, 'ms', { text: '≤ 800 ms', max: 800 }),
  figure('cold start to /readyz 200, from sources (tsx)', cold.tsxMs, 'ms'),
];
// Counts must be exact: a shortfall is a miss.
for (const f of figures) if (f.unit === 'of 200') f.pass = f.value === 200;

const table = renderTable(figures);
console.log(table);
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  node: process.version,
  loadAverage1mAtStart: round(load, 2),
  loadAverage1mAtEnd: round(loadavg()[0] ?? 0, 2),
};
console.log(
  `\n${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, bot ${form}; 1-minute load average ` +
    `${machine.loadAverage1mAtStart} at start, ${machine.loadAverage1mAtEnd} at end (a busy machine makes every timing worse)`,
);
writeFileSync(
  join(ROOT, 'bench/results.json'),
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      machine,
      figures: figures.map((f) => ({ ...f, value: f.value === null ? null : round(f.value, 2) })),
      raw: {
        botForm: form,
        buildSeconds: build.seconds,
        ack,
        boltFloor: floor,
        inventory: { ...inventory, snapshot: undefined },
        digest,
        chart,
        insight,
        cold,
      },
    },
    null,
    2,
  )}\n`,
);
const missed = figures.filter((f) => f.pass === false).length;
console.log(`${missed === 0 ? 'every target met' : `${missed} target(s) missed`}; written: bench/results.json`);
// Child processes are stopped; timers of the measured clients may linger, so end here.
process.exit(0);
