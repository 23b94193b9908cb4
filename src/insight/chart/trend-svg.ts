/**
 * The trend chart as SVG, pure: stacked bars of points per month, value axis with its unit,
 * month labels, a legend in stack order and the title. Laid out in logical pixels
 * (CHART_WIDTH × CHART_HEIGHT); the rasterizer scales it for high-density screens.
 */
import type { FontMetrics } from './font-metrics.js';
import { monthLabels } from './month-labels.js';
import { drawable, formatShort, niceTicks } from './numbers.js';
import { BACKGROUND_COLOUR, GRID_COLOUR, MUTED_TEXT_COLOUR, seriesColour, TEXT_COLOUR } from './palette.js';
import { FONT_FAMILY, fitText, svgLine, svgRect, svgText } from './svg-text.js';
import type { TrendChartInput } from './types.js';

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 450;

const PAD = 16;
const TITLE_SIZE = 20;
const LABEL_SIZE = 15;
const SMALL_SIZE = 13;
const TOTAL_SIZE = 12;
const LEGEND_ROW = 24;
const LEGEND_SWATCH = 14;
const LEGEND_MAX_WIDTH = 210;
const PLOT_TOP = 64;
const PLOT_BOTTOM = CHART_HEIGHT - 50;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function legend(input: TrendChartInput, metrics: FontMetrics): { parts: string[]; width: number } {
  const textRoom = LEGEND_MAX_WIDTH - LEGEND_SWATCH - 8;
  const names = input.series.map((s) => fitText(s.name || '(unnamed)', textRoom, LABEL_SIZE, metrics));
  const widest = Math.max(0, ...names.map((n) => metrics.width(n, LABEL_SIZE)));
  const width = Math.min(LEGEND_MAX_WIDTH, LEGEND_SWATCH + 8 + widest);
  const left = CHART_WIDTH - PAD - width;
  const room = Math.max(1, Math.floor((PLOT_BOTTOM - PLOT_TOP) / LEGEND_ROW));
  // Top of the stack first, as the eye meets the layers.
  const order = input.series.map((_, i) => i).reverse();
  const shown = order.length > room ? order.slice(0, room - 1) : order;
  const parts = shown.flatMap((seriesIndex, row) => {
    const y = PLOT_TOP + row * LEGEND_ROW;
    const series = input.series[seriesIndex];
    const colour = seriesColour(series?.name ?? '', seriesIndex);
    return [
      svgRect(left, y, LEGEND_SWATCH, LEGEND_SWATCH, colour),
      svgText(left + LEGEND_SWATCH + 8, y + LEGEND_SWATCH - 1, names[seriesIndex] ?? '', {
        size: LABEL_SIZE,
        colour: TEXT_COLOUR,
      }),
    ];
  });
  if (shown.length < order.length) {
    const y = PLOT_TOP + shown.length * LEGEND_ROW + LEGEND_SWATCH - 1;
    parts.push(
      svgText(left, y, `+ ${order.length - shown.length} more`, { size: LABEL_SIZE, colour: MUTED_TEXT_COLOUR }),
    );
  }
  return { parts, width };
}

function valueAxis(box: Box, ticks: number[], top: number): string[] {
  const parts: string[] = [];
  for (const tick of ticks) {
    const y = box.bottom - (tick / top) * (box.bottom - box.top);
    parts.push(svgLine(box.left, y, box.right, y, GRID_COLOUR));
    parts.push(
      svgText(box.left - 6, y + 4.5, formatShort(tick, top), {
        size: SMALL_SIZE,
        colour: MUTED_TEXT_COLOUR,
        anchor: 'end',
      }),
    );
  }
  const middle = (box.top + box.bottom) / 2;
  parts.push(
    svgText(PAD + 11, middle, 'Points', { size: LABEL_SIZE, colour: MUTED_TEXT_COLOUR, anchor: 'middle', rotate: -90 }),
  );
  return parts;
}

function bars(input: TrendChartInput, box: Box, top: number, metrics: FontMetrics): string[] {
  const count = input.months.length;
  const slot = (box.right - box.left) / count;
  const barWidth = Math.min(56, slot * 0.72);
  const scale = (box.bottom - box.top) / top;
  const totals = input.months.map((_, m) => input.series.reduce((sum, s) => sum + drawable(s.values[m]), 0));
  const widestTotal = Math.max(...totals.map((t) => metrics.width(formatShort(t), TOTAL_SIZE)));
  const labelTotals = widestTotal <= slot - 6;
  const parts: string[] = [];
  input.months.forEach((_, m) => {
    const x = box.left + m * slot + (slot - barWidth) / 2;
    let y = box.bottom;
    input.series.forEach((series, s) => {
      const height = drawable(series.values[m]) * scale;
      if (height <= 0) return;
      // A one-pixel white gap between layers keeps similar colours apart.
      const gap = height > 2 ? 1 : 0;
      parts.push(svgRect(x, y - height, barWidth, height - gap, seriesColour(series.name, s)));
      y -= height;
    });
    const total = totals[m] ?? 0;
    if (labelTotals && total > 0) {
      parts.push(
        svgText(x + barWidth / 2, y - 4, formatShort(total), {
          size: TOTAL_SIZE,
          colour: TEXT_COLOUR,
          anchor: 'middle',
        }),
      );
    }
  });
  return parts;
}

function monthAxis(input: TrendChartInput, box: Box, metrics: FontMetrics): string[] {
  const slot = (box.right - box.left) / input.months.length;
  const labelWidth = metrics.width('May', SMALL_SIZE + 1) + 10;
  const parts = [svgLine(box.left, box.bottom, box.right, box.bottom, MUTED_TEXT_COLOUR)];
  for (const label of monthLabels(input.months, slot, labelWidth)) {
    const x = box.left + (label.index + 0.5) * slot;
    parts.push(
      svgText(x, box.bottom + 18, label.month, { size: SMALL_SIZE + 1, colour: TEXT_COLOUR, anchor: 'middle' }),
    );
    if (label.year) {
      parts.push(
        svgText(x, box.bottom + 36, label.year, { size: SMALL_SIZE, colour: MUTED_TEXT_COLOUR, anchor: 'middle' }),
      );
    }
  }
  return parts;
}

export function trendChartSvg(input: TrendChartInput, metrics: FontMetrics): string {
  const totals = input.months.map((_, m) => input.series.reduce((sum, s) => sum + drawable(s.values[m]), 0));
  const ticks = niceTicks(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1] ?? 10;
  const tickWidth = Math.max(...ticks.map((t) => metrics.width(formatShort(t, top), SMALL_SIZE)));
  const key = legend(input, metrics);
  const box: Box = {
    left: PAD + 22 + tickWidth + 6,
    right: CHART_WIDTH - PAD - key.width - 20,
    top: PLOT_TOP,
    bottom: PLOT_BOTTOM,
  };
  const parts = [
    svgRect(0, 0, CHART_WIDTH, CHART_HEIGHT, BACKGROUND_COLOUR),
    svgText(PAD, PAD + TITLE_SIZE, fitText(input.title, CHART_WIDTH - 2 * PAD, TITLE_SIZE * 1.04, metrics), {
      size: TITLE_SIZE,
      colour: TEXT_COLOUR,
      weight: 600,
    }),
    ...valueAxis(box, ticks, top),
    ...bars(input, box, top, metrics),
    ...monthAxis(input, box, metrics),
    ...key.parts,
  ];
  if (totals.every((t) => t === 0)) {
    const message = 'No points used in these months';
    const x = (box.left + box.right) / 2;
    parts.push(
      svgText(x, (box.top + box.bottom) / 2, message, {
        size: LABEL_SIZE,
        colour: MUTED_TEXT_COLOUR,
        anchor: 'middle',
      }),
    );
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}" font-family="${FONT_FAMILY}">`,
    ...parts,
    '</svg>',
  ].join('\n');
}
