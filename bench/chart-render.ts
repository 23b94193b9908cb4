/**
 * Rendering the trend chart (24 months × 6 series, 1600×900 PNG) in this process: the first chart
 * (which loads resvg in its worker thread), the median of later ones, and how much of a render
 * runs on the main thread (the rest is in the worker, out of the way of acks).
 */
import { performance } from 'node:perf_hooks';
import { createTrendChartRenderer, type TrendChartInput } from '../src/insight/chart/index.js';
import { silentLogger } from '../src/log.js';
import { median } from './lib/stats.js';

const ROUNDS = 30;

export interface ChartRenderResult {
  /** First chart, including the lazy load of the native renderer and its worker. */
  firstMs: number;
  renderMs: number;
  /** The last chart asked again: served from the renderer's recent charts. */
  repeatMs: number;
  mainThreadMs: number;
  pngBytes: number;
  /** Process RSS after the rounds minus before the first chart: the worker and what resvg keeps. */
  rssGrowthMb: number;
  width: number;
  height: number;
}

function input(): TrendChartInput {
  const months = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2024, 6 + i, 1)).toISOString().slice(0, 7));
  const names = [
    'Contoso Backup Services',
    'Fabrikam Hosting GmbH',
    'Northwind Traders',
    'Adventure Works',
    'Tailspin',
  ];
  const series = [...names, 'others'].map((name, s) => ({
    name,
    values: months.map((_, m) => Math.round((3000 / (s + 1)) * (1 + m * 0.02) * (1 + 0.1 * Math.sin(m / 2 + s)))),
  }));
  return {
    title: `Points per month, ${months[0]} – ${months.at(-1)}, top 5 organizations`,
    months,
    series,
    unit: 'points',
  };
}

export async function measureChartRender(): Promise<ChartRenderResult> {
  const render = createTrendChartRenderer({ log: silentLogger });
  const chart = input();
  const rssBefore = process.memoryUsage().rss;
  let started = performance.now();
  const first = await render(chart);
  const firstMs = performance.now() - started;
  if (!first.ok) throw new Error(`chart render: ${first.reason}`);
  const times: number[] = [];
  const loop = performance.eventLoopUtilization();
  for (let i = 0; i < ROUNDS; i++) {
    started = performance.now();
    // A title of its own each round: the renderer keeps recent charts, and a repeat would cost nothing.
    await render({ ...chart, title: `${chart.title} (${i + 1})` });
    times.push(performance.now() - started);
  }
  const busy = performance.eventLoopUtilization(loop);
  started = performance.now();
  await render({ ...chart, title: `${chart.title} (${ROUNDS})` });
  const repeatMs = performance.now() - started;
  return {
    firstMs,
    renderMs: median(times),
    repeatMs,
    mainThreadMs: busy.active / ROUNDS,
    pngBytes: first.png.length,
    rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 2 ** 20,
    width: first.width,
    height: first.height,
  };
}
