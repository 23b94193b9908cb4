import { describe, expect, it } from 'vitest';
import { estimatedMetrics } from '../../../src/insight/chart/font-metrics.js';
import { monthLabels } from '../../../src/insight/chart/month-labels.js';
import { formatShort, niceTicks } from '../../../src/insight/chart/numbers.js';
import { OTHERS_COLOUR, seriesColour } from '../../../src/insight/chart/palette.js';
import { CHART_WIDTH, trendChartSvg } from '../../../src/insight/chart/trend-svg.js';
import { trendInput } from './support.js';

function texts(svg: string): Array<{ x: number; size: number; content: string }> {
  return [...svg.matchAll(/<text x="([\d.-]+)" y="[\d.-]+" font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    x: Number(m[1]),
    size: Number(m[2]),
    content: m[3] ?? '',
  }));
}

describe('trendChartSvg', () => {
  it('labels the value axis with its unit and every series in the legend, top of the stack first', () => {
    const svg = trendChartSvg(trendInput(6, 3), estimatedMetrics);
    const contents = texts(svg).map((t) => t.content);
    expect(contents).toContain('Points');
    const legend = contents.filter((c) => ['Contoso Backup', 'Fabrikam Hosting', 'others'].includes(c));
    expect(legend).toEqual(['others', 'Fabrikam Hosting', 'Contoso Backup']);
  });

  it('cuts long names and titles with an ellipsis so that text stays on the canvas', () => {
    const input = trendInput(12, 3);
    const svg = trendChartSvg(
      { ...input, title: 'Title '.repeat(80), series: input.series.map((s) => ({ ...s, name: s.name.repeat(20) })) },
      estimatedMetrics,
    );
    const cut = texts(svg).filter((t) => t.content.endsWith('…'));
    expect(cut.length).toBe(4);
    for (const t of cut) expect(t.x + estimatedMetrics.width(t.content, t.size)).toBeLessThanOrEqual(CHART_WIDTH);
  });

  it('summarises series that do not fit the legend', () => {
    const svg = trendChartSvg(trendInput(6, 30), estimatedMetrics);
    expect(svg).toMatch(/\+ \d+ more/);
  });

  it('says so when there is nothing to draw', () => {
    const input = trendInput(3, 2);
    const zero = { ...input, series: input.series.map((s) => ({ ...s, values: [0, 0, 0] })) };
    expect(trendChartSvg(zero, estimatedMetrics)).toContain('No points used in these months');
  });

  it('escapes markup in names', () => {
    const svg = trendChartSvg({ ...trendInput(2, 1), series: [{ name: '<b>&', values: [1, 2] }] }, estimatedMetrics);
    expect(svg).toContain('&#60;b&#62;&#38;');
    expect(svg).not.toContain('<b>');
  });
});

describe('palette', () => {
  it('greys out "others", also with its count, and nothing else', () => {
    expect(seriesColour('others', 5)).toBe(OTHERS_COLOUR);
    expect(seriesColour('others (12 organizations)', 5)).toBe(OTHERS_COLOUR);
    expect(seriesColour('Others Inc', 0)).not.toBe(OTHERS_COLOUR);
    expect(new Set([0, 1, 2, 3, 4, 5, 6].map((i) => seriesColour(`org ${i}`, i))).size).toBe(7);
  });
});

describe('axis helpers', () => {
  it('picks round ticks that reach the maximum', () => {
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(101)).toEqual([0, 25, 50, 75, 100, 125]);
    expect(niceTicks(0)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(4e12).at(-1)).toBeGreaterThanOrEqual(4e12);
  });

  it('formats ticks of one axis alike', () => {
    expect([5000, 10000].map((t) => formatShort(t, 10000))).toEqual(['5K', '10K']);
    expect([2500, 7500].map((t) => formatShort(t, 7500))).toEqual(['2,500', '7,500']);
  });

  it('labels every month when there is room, else every k-th counted back from the newest', () => {
    const months = ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03'];
    expect(monthLabels(months, 50, 30)).toEqual([
      { index: 0, month: 'Nov', year: '2024' },
      { index: 1, month: 'Dec' },
      { index: 2, month: 'Jan', year: '2025' },
      { index: 3, month: 'Feb' },
      { index: 4, month: 'Mar' },
    ]);
    expect(monthLabels(months, 20, 30).map((l) => l.index)).toEqual([0, 2, 4]);
    expect(monthLabels(['bogus'], 50, 30)).toEqual([{ index: 0, month: 'bogus' }]);
  });
});
