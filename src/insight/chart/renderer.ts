/**
 * `renderTrendChart`: input → PNG, or `{ ok: false, reason }` so that callers answer with the
 * table alone. The native rasterizer is imported on the first chart, not at start-up; if it
 * cannot load, the reason is logged once and every later call fails fast with the same reason.
 */
import type { Logger } from '../../log.js';
import { chartAltText } from './alt-text.js';
import type { FontMetrics } from './font-metrics.js';
import { type LoadRasterizer, loadResvgRasterizer, type RasterImage } from './rasterizer.js';
import { recentCharts } from './recent-charts.js';
import { trendChartSvg } from './trend-svg.js';
import type { ChartResult, RenderTrendChart, TrendChartInput } from './types.js';

/** Device pixels per layout pixel: 800×450 becomes 1600×900, sharp on high-density screens. */
export const CHART_SCALE = 2;

export interface TrendChartRendererDeps {
  log: Logger;
  /** Replaced in tests to simulate a missing native package. */
  load?: LoadRasterizer;
}

function invalid(input: TrendChartInput): string | null {
  if (input.months.length === 0) return 'no months to draw';
  const wrong = input.series.find((s) => s.values.length !== input.months.length);
  return wrong ? `series "${wrong.name}" has ${wrong.values.length} values for ${input.months.length} months` : null;
}

/** The first line only: a module-not-found error from the worker carries its require stack and a whole minified file. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n', 1)[0]?.trim() || 'unknown error';
}

interface Ready {
  metrics: FontMetrics;
  draw: (svg: string) => Promise<RasterImage>;
}

export function createTrendChartRenderer(deps: TrendChartRendererDeps): RenderTrendChart {
  const load = deps.load ?? loadResvgRasterizer;
  let loading: Promise<Ready | { failed: string }> | null = null;

  const rasterizer = (): Promise<Ready | { failed: string }> => {
    loading ??= load().then(
      (loaded) => ({ metrics: loaded.metrics, draw: recentCharts((svg) => loaded.toPng(svg, CHART_SCALE)) }),
      (error: unknown) => {
        const reason = `chart renderer unavailable: ${describe(error)}`;
        const code = (error as { code?: unknown } | null)?.code;
        deps.log.warn(
          { reason, ...(typeof code === 'string' ? { code } : {}) },
          `${reason}; trend answers carry the table only`,
        );
        return { failed: reason };
      },
    );
    return loading;
  };

  return async (input: TrendChartInput): Promise<ChartResult> => {
    const problem = invalid(input);
    if (problem) return { ok: false, reason: problem };
    const loaded = await rasterizer();
    if ('failed' in loaded) return { ok: false, reason: loaded.failed };
    try {
      const image = await loaded.draw(trendChartSvg(input, loaded.metrics));
      return { ok: true, ...image, altText: chartAltText(input) };
    } catch (error) {
      deps.log.warn({ reason: describe(error) }, 'chart render failed');
      return { ok: false, reason: `chart render failed: ${describe(error)}` };
    }
  };
}
