import { describe, expect, it } from 'vitest';
import { CHART_SCALE, createTrendChartRenderer } from '../../../src/insight/chart/index.js';
import { CHART_HEIGHT, CHART_WIDTH } from '../../../src/insight/chart/trend-svg.js';
import type { ChartResult, TrendChartInput } from '../../../src/insight/chart/types.js';
import { capturingLogger, PNG_SIGNATURE, pngHeader, trendInput } from './support.js';

const { log } = capturingLogger();
const render = createTrendChartRenderer({ log });

async function png(input: TrendChartInput): Promise<Extract<ChartResult, { ok: true }>> {
  const result = await render(input);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

describe('renderTrendChart with the real rasterizer', () => {
  it('draws a PNG of the declared size, twice the layout for high-density screens', async () => {
    const result = await png(trendInput(24, 6));
    const header = pngHeader(result.png);
    expect(header.signature).toEqual(PNG_SIGNATURE);
    expect(header.chunk).toBe('IHDR');
    expect([header.width, header.height]).toEqual([CHART_WIDTH * CHART_SCALE, CHART_HEIGHT * CHART_SCALE]);
    expect([result.width, result.height]).toEqual([header.width, header.height]);
    expect(result.png.length).toBeGreaterThan(10_000);
    expect(result.altText).toContain('Total points per month');
  });

  it('draws text with the shipped font: a different title gives different pixels', async () => {
    const a = await png({ ...trendInput(3, 2), title: 'Points per month, Jan' });
    const b = await png({ ...trendInput(3, 2), title: 'Points per month, Feb' });
    const same = await png({ ...trendInput(3, 2), title: 'Points per month, Jan' });
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(false);
    expect(Buffer.from(a.png).equals(Buffer.from(same.png))).toBe(true);
  });

  it('draws different data differently', async () => {
    const a = await png(trendInput(6, 3, 1000));
    const b = await png(trendInput(6, 3, 2000));
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(false);
  });

  it.each([
    ['one month', trendInput(1, 2)],
    ['24 months × 12 series', trendInput(24, 12)],
    ['60 months', trendInput(60, 4)],
    ['huge numbers', trendInput(24, 6, 4e12)],
    [
      'all zero',
      { ...trendInput(6, 3), series: trendInput(6, 3).series.map((s) => ({ ...s, values: s.values.map(() => 0) })) },
    ],
    ['no series', { ...trendInput(6, 1), series: [] }],
    [
      'long names and title',
      {
        ...trendInput(12, 4),
        title: 'T'.repeat(400),
        series: trendInput(12, 4).series.map((s) => ({
          ...s,
          name: `${s.name} ${'Holding International '.repeat(8)}`,
        })),
      },
    ],
    [
      'odd values',
      { ...trendInput(4, 2), series: [{ name: 'x', values: [Number.NaN, -5, Number.POSITIVE_INFINITY, 3] }] },
    ],
    ['markup in names', { ...trendInput(3, 2), series: [{ name: '<b>&"Tom\'s"</b>', values: [1, 2, 3] }] }],
  ])('%s: still a PNG of the same size', async (_name, input) => {
    const header = pngHeader((await png(input)).png);
    expect(header.signature).toEqual(PNG_SIGNATURE);
    expect([header.width, header.height]).toEqual([CHART_WIDTH * CHART_SCALE, CHART_HEIGHT * CHART_SCALE]);
  });

  it('refuses input it cannot draw, with a reason', async () => {
    expect(await render({ ...trendInput(3, 2), months: [] })).toEqual({ ok: false, reason: 'no months to draw' });
    const short = { ...trendInput(3, 1), series: [{ name: 'Contoso', values: [1, 2] }] };
    expect(await render(short)).toEqual({ ok: false, reason: 'series "Contoso" has 2 values for 3 months' });
  });
});

describe('renderTrendChart when the native renderer cannot load', () => {
  it('answers ok:false with the reason every time and logs it once', async () => {
    const capture = capturingLogger();
    let loads = 0;
    const broken = createTrendChartRenderer({
      log: capture.log,
      load: async () => {
        loads += 1;
        throw Object.assign(new Error("Cannot find module '@resvg/resvg-js-linux-x64-gnu'\nRequire stack:\n- a.js"), {
          code: 'MODULE_NOT_FOUND',
        });
      },
    });
    const first = await broken(trendInput(3, 2));
    const second = await broken(trendInput(4, 2));
    const reason = "chart renderer unavailable: Cannot find module '@resvg/resvg-js-linux-x64-gnu'";
    expect(first).toEqual({ ok: false, reason });
    expect(second).toEqual({ ok: false, reason });
    expect(loads).toBe(1);
    const warnings = capture.lines().filter((line) => line.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toBe(`${reason}; trend answers carry the table only`);
    expect(warnings[0]).toMatchObject({ reason, code: 'MODULE_NOT_FOUND' });
  });

  it('does not load the renderer until the first chart', async () => {
    let loads = 0;
    const lazy = createTrendChartRenderer({
      log: capturingLogger().log,
      load: async () => {
        loads += 1;
        throw new Error('not installed');
      },
    });
    expect(loads).toBe(0);
    await lazy(trendInput(2, 1));
    expect(loads).toBe(1);
  });

  it('reports a failed render as ok:false and keeps working', async () => {
    const capture = capturingLogger();
    const flaky = createTrendChartRenderer({
      log: capture.log,
      load: async () => ({
        metrics: { width: (text, size) => text.length * size * 0.5 },
        toPng: async (svg) => {
          if (svg.includes('boom')) throw new Error('bad svg');
          return { png: new Uint8Array(PNG_SIGNATURE), width: 1600, height: 900 };
        },
      }),
    });
    expect(await flaky({ ...trendInput(2, 1), title: 'boom' })).toEqual({
      ok: false,
      reason: 'chart render failed: bad svg',
    });
    expect((await flaky(trendInput(2, 1))).ok).toBe(true);
  });
});
