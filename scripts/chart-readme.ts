/**
 * `npm run chart:readme`: the README's trend chart, drawn from the simulator through the real
 * services (not by hand): the simulator's seeded usage history, the insight service's trend and
 * the same chart input and renderer as the Slack reply. A fixed seed and clock give the same
 * picture on every run, so the committed image only changes when the code does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemo } from '../src/cli/demo/start-demo.js';
import { trendChartInput } from '../src/commands/trend-chart.js';
import { createTrendChartRenderer } from '../src/insight/chart/index.js';
import { createLogger } from '../src/log.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = 'docs/trend-chart.png';
const SEED = 1;
const NOW = new Date('2026-06-15T09:00:00Z');

const demo = await startDemo({ simulator: { seed: SEED, now: NOW } });
try {
  const trend = await demo.services.insight.trend({ months: 12, top: 5 });
  const input = trendChartInput(trend);
  const chart = await createTrendChartRenderer({ log: createLogger('warn') })(input);
  if (!chart.ok) throw new Error(`the chart could not be drawn: ${chart.reason}`);
  mkdirSync(join(ROOT, dirname(OUTPUT)), { recursive: true });
  writeFileSync(join(ROOT, OUTPUT), chart.png);
  console.log(`${OUTPUT}: ${chart.width}×${chart.height} PNG, ${chart.png.length} bytes\n\n${chart.altText}`);
} finally {
  await demo.close();
}
// The chart worker and the simulator's keep-alive sockets may linger; the work is done.
process.exit(0);
