/** The chart renderer's public face: callers import from here only. */
export { chartAltText } from './alt-text.js';
export { CHART_SCALE, createTrendChartRenderer, type TrendChartRendererDeps } from './renderer.js';
export type { ChartResult, RenderTrendChart, TrendChartInput, TrendChartSeries } from './types.js';
export { ALT_TEXT_LIMIT } from './types.js';
