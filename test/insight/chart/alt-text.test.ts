import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALT_TEXT_LIMIT, chartAltText } from '../../../src/insight/chart/index.js';
import { monthsFrom, trendInput } from './support.js';

describe('chartAltText', () => {
  it('states every month total, the change and the newest month by organization', () => {
    const text = chartAltText({
      title: 'Points per month, 2025-01 – 2025-03, top 2 organizations',
      months: ['2025-01', '2025-02', '2025-03'],
      series: [
        { name: 'Contoso', values: [1000, 1100, 1500] },
        { name: 'others', values: [250, 250, 500] },
      ],
      unit: 'points',
    });
    expect(text).toBe(
      'Stacked bar chart: Points per month, 2025-01 – 2025-03, top 2 organizations. ' +
        'Total points per month: 2025-01 1,250; 2025-02 1,350; 2025-03 2,000. ' +
        'From 2025-01 to 2025-03: +60%. ' +
        '2025-03 by organization: Contoso 1,500 (75%), others 500 (25%).',
    );
  });

  it('says "up from zero" and leaves out series without points in the newest month', () => {
    const text = chartAltText({
      title: 'T',
      months: ['2025-01', '2025-02'],
      series: [
        { name: 'New Co', values: [0, 40] },
        { name: 'Gone Co', values: [0, 0] },
      ],
      unit: 'points',
    });
    expect(text).toContain('From 2025-01 to 2025-02: up from zero.');
    expect(text).toContain('2025-02 by organization: New Co 40 (100%).');
    expect(text).not.toContain('Gone Co');
  });

  it('keeps 24 months of totals and shortens names when space runs short', () => {
    const input = trendInput(24, 6);
    const long = { ...input, series: input.series.map((s) => ({ ...s, name: `${s.name} ${'Holding '.repeat(10)}` })) };
    const text = chartAltText(long);
    expect([...text].length).toBeLessThanOrEqual(ALT_TEXT_LIMIT);
    for (const month of input.months) expect(text).toContain(month);
  });

  it('never exceeds Slack’s limit, whatever the input', () => {
    const input = fc.record({
      title: fc.string({ maxLength: 600 }),
      months: fc.integer({ min: 1, max: 40 }).map((n) => monthsFrom(2020, 1, n)),
      names: fc.array(fc.string({ maxLength: 300 }), { maxLength: 30 }),
      base: fc.double({ min: 0, max: 1e15, noNaN: true }),
    });
    fc.assert(
      fc.property(input, ({ title, months, names, base }) => {
        const series = names.map((name, i) => ({ name, values: months.map((_, m) => base / (i + 1) + m) }));
        const text = chartAltText({ title, months, series, unit: 'points' });
        return [...text].length <= ALT_TEXT_LIMIT && text.includes(months.at(-1) ?? '');
      }),
    );
  });

  it('describes an empty chart', () => {
    expect(chartAltText({ title: 'Nothing', months: [], series: [], unit: 'points' })).toBe(
      'Empty chart: Nothing. No months to show.',
    );
  });
});
