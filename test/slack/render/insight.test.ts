/** `trend`, `forecast` and `report`'s change in Block Kit: every number there, readable without the chart. */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/commands/reply.js';
import { trendChartInput, trendTitle } from '../../../src/commands/trend-chart.js';
import { formatPoints } from '../../../src/insight/wording.js';
import { renderReply } from '../../../src/slack/render/reply.js';
import { renderTrend } from '../../../src/slack/render/trend.js';
import { comparison, forecast, orgUid, trend } from '../../support/insight-fixtures.js';
import { messageProblems } from '../support/block-kit-limits.js';
import { RENDER, report } from '../support/fixtures.js';

function texts(blocks: unknown): string {
  return JSON.stringify(blocks);
}

/** The rows of every code-block table, as arrays of cells. */
function tableRows(message: { blocks: unknown[] }): string[][] {
  const rows: string[][] = [];
  for (const block of message.blocks as { text?: { text?: string } }[]) {
    const text = block.text?.text ?? '';
    const match = /```\n([\s\S]*?)\n```/.exec(text);
    if (!match) continue;
    for (const line of match[1]!.split('\n').slice(2)) rows.push(line.trim().split(/\s{2,}/));
  }
  return rows;
}

function trendReply(t = trend()): Extract<Reply, { type: 'trend' }> {
  return { type: 'trend', trend: t, chart: trendChartInput(t), pngPath: null };
}

describe('trend in Block Kit', () => {
  it('has one row per month with total, change and each series, equal to the model', () => {
    const t = trend({ months: 6, top: 3, others: true });
    const message = renderTrend(trendReply(t));
    expect(messageProblems(message)).toEqual([]);
    const rows = tableRows(message);
    expect(rows.map((r) => r[0])).toEqual(t.months.map((m) => m.month));
    for (const [m, month] of t.months.entries()) {
      const row = rows[m]!;
      expect(row[1]).toBe(formatPoints(month.totalPoints));
      expect(row.slice(-t.series.length)).toEqual(t.series.map((s) => formatPoints(s.points[m]!)));
    }
    // The change against the month before, in points and percent.
    expect(rows[1]![2]).toMatch(/^\+\d[\d,]* \(\+\d+(\.\d)?%\)$/);
    expect(rows[0]![2]).toBe('—');
  });

  it('names the months and organizations in the header, the filters and the fallback text', () => {
    const t = trend({ months: 3, top: 2, others: true });
    const message = renderTrend(trendReply(t));
    expect(texts(message.blocks)).toContain(`Usage trend · ${t.months[0]!.month} – ${t.months[2]!.month}`);
    expect(texts(message.blocks)).toContain('top 2 organizations and others');
    expect(message.text).toContain(trendTitle(t));
  });

  it('marks a month that waits for approval and says what the mark means', () => {
    const message = renderTrend(trendReply(trend({ openLast: true })));
    expect(tableRows(message).at(-1)![0]).toMatch(/^\d{4}-\d{2} \(open\)$/);
    expect(texts(message.blocks)).toContain('waiting for approval');
  });

  it('gives each series its change in the last month, "others" included', () => {
    const t = trend({ top: 2, others: true });
    const all = texts(renderTrend(trendReply(t)).blocks);
    for (const s of t.series) expect(all).toContain(`${s.label}: ${formatPoints(s.points.at(-1)!)}, `);
  });

  it('splits a wide table into narrower ones that repeat the month', () => {
    const t = trend({ months: 4, top: 12, others: true, name: (i) => `Organization number ${i}` });
    const message = renderTrend(trendReply(t));
    const tables = (message.blocks as { text?: { text?: string } }[]).filter((b) => b.text?.text?.startsWith('```'));
    expect(tables.length).toBeGreaterThan(1);
    for (const table of tables) {
      for (const line of table.text!.text!.split('\n').slice(1, -1)) expect(line.length).toBeLessThanOrEqual(76);
    }
  });

  it('says how many columns did not fit when 24 months × 21 series are too much', () => {
    const t = trend({ months: 24, top: 20, others: true, points: (s, m) => 98_765_432.1 + s + m });
    const message = renderTrend(trendReply(t));
    expect(messageProblems(message)).toEqual([]);
    expect(texts(message.blocks)).toMatch(/\d+ more columns? did not fit in one Slack message/);
  });

  it('shows the chart note it is given, and a clear answer without months', () => {
    expect(texts(renderTrend(trendReply(), 'Chart uploaded').blocks)).toContain('Chart uploaded');
    const empty = trend({ months: 0 });
    expect(texts(renderTrend(trendReply(empty)).blocks)).toContain('no monthly usage reports yet');
  });
});

describe('forecast in Block Kit', () => {
  it('shows totals, the movers with the command to look closer, the table and the method', () => {
    const f = forecast(8);
    const message = renderReply({ type: 'forecast', forecast: f }, RENDER);
    expect(messageProblems(message)).toEqual([]);
    const all = texts(message.blocks);
    expect(all).toContain(`Forecast for ${f.month}`);
    expect(all).toContain(formatPoints(f.totals.expected));
    expect(f.topUp.length).toBeGreaterThan(0);
    expect(f.topDown.length).toBeGreaterThan(0);
    for (const row of [...f.topUp, ...f.topDown]) {
      expect(all).toContain(`trend --org \\"${row.org.name}\\"`);
    }
    expect(all).toContain('Top movers up');
    expect(all).toContain('Top movers down');
    expect(all).toContain(f.method);
    expect(tableRows(message)).toHaveLength(f.rows.length);
  });

  it('says so when nobody moves down', () => {
    const f = { ...forecast(4), topDown: [] };
    expect(texts(renderReply({ type: 'forecast', forecast: f }, RENDER).blocks)).toContain(
      'No organization is expected below its last report.',
    );
  });
});

describe('report with the change against the month before', () => {
  it('gives the total change and each organization its change, new and gone ones said so', () => {
    const c = comparison(4);
    const organizations = [{ name: 'Org 0', type: 'Company', usedPoints: 100, uid: orgUid(0) }];
    const message = renderReply({ type: 'report', report: report(1, { organizations }), comparison: c }, RENDER);
    expect(messageProblems(message)).toEqual([]);
    const all = texts(message.blocks);
    expect(all).toContain(`against #1041 (2025-01)`);
    expect(all).toContain('change against 2025-01');
    expect(all).toContain('Org 0 (Company): 100 · +10 (+11.1%)');
    expect(all).toContain('Org 1: 40 · new');
    expect(all).toContain('Org 2: 70 · no change');
    expect(all).toContain('Gone Ltd: 0 · gone (was 55)');
  });

  it('still shows the summary when the comparison failed, and says why', () => {
    const message = renderReply(
      { type: 'report', report: report(1), comparisonProblem: 'The change could not be worked out: VSPC timed out' },
      RENDER,
    );
    expect(texts(message.blocks)).toContain('VSPC timed out');
    expect(texts(message.blocks)).toContain('Usage report #1');
  });
});
