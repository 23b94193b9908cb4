/** `trend`, `forecast` and `report`'s comparison: what the handlers ask of the insight service and answer. */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.js';
import { InsightInputError, type InsightService } from '../../src/insight/service.js';
import type { TrendOptions } from '../../src/insight/types.js';
import { VspcServerError } from '../../src/vspc/errors.js';
import { comparison, forecast, trend } from '../support/insight-fixtures.js';
import { makeContext } from './support/context.js';
import { makeReport } from './support/licenses.js';

function stubInsight(overrides: Partial<InsightService> = {}): InsightService & { asked: TrendOptions[] } {
  const asked: TrendOptions[] = [];
  return {
    supported: true,
    thresholds: { percent: 25, minPoints: 50 },
    history: async () => [],
    trend: async (options = {}) => {
      asked.push(options);
      return trend({ months: options.months ?? 6, top: 2, others: true });
    },
    forecast: async () => forecast(5),
    usageChanges: async () => {
      throw new Error('not used');
    },
    compareReport: async () => comparison(3),
    settled: async () => {},
    ...overrides,
    asked,
  };
}

describe('trend', () => {
  it('asks the service with the parsed options and answers with the table model and its chart', async () => {
    const insight = stubInsight();
    const ctx = { ...makeContext(), insight };
    const { reply } = await runCommand('trend --months 12 --org "Acme Corp" --product vbr --top 2 --png t.png', ctx);
    expect(insight.asked).toEqual([{ months: 12, top: 2, org: 'Acme Corp', product: 'vbr' }]);
    if (reply.type !== 'trend') throw new Error(`expected a trend, got ${reply.type}`);
    expect(reply.pngPath).toBe('t.png');
    expect(reply.chart.months).toEqual(reply.trend.months.map((m) => m.month));
    expect(reply.chart.series.map((s) => s.values)).toEqual(reply.trend.series.map((s) => s.points));
    expect(reply.chart.title).toMatch(/^Points per month, \d{4}-\d{2} – \d{4}-\d{2}: top 2 organizations and others$/);
  });

  it('answers an organization or product the service cannot match with its words', async () => {
    const insight = stubInsight({
      trend: async () => {
        throw new InsightInputError('No organization matches "Nobody".');
      },
    });
    const { reply } = await runCommand('trend --org Nobody', { ...makeContext(), insight });
    expect(reply).toEqual({ type: 'error', message: 'No organization matches "Nobody".' });
  });

  it('says that VSPC API v2 has no usage reports, without asking the service', async () => {
    const insight = stubInsight({ supported: false });
    const ctx = { ...makeContext(), insight };
    for (const text of ['trend', 'forecast']) {
      const { reply } = await runCommand(text, ctx);
      expect(reply.type).toBe('error');
      expect(reply.type === 'error' && reply.message).toContain('VSPC API v3 has no usage reports');
    }
    expect(insight.asked).toEqual([]);
  });

  it('refuses someone who may not read', async () => {
    const ctx = { ...makeContext({ userId: 'USTRANGER', access: { viewers: ['UVIEW'] } }), insight: stubInsight() };
    expect((await runCommand('trend', ctx)).reply.type).toBe('error');
    expect((await runCommand('forecast', ctx)).reply.type).toBe('error');
  });
});

describe('forecast', () => {
  it('answers with the service forecast', async () => {
    const { reply } = await runCommand('forecast', { ...makeContext(), insight: stubInsight() });
    expect(reply.type === 'forecast' && reply.forecast.rows).toHaveLength(5);
  });
});

describe('report <id> with the change against the month before', () => {
  it('carries the comparison of the report it found', async () => {
    const ctx = makeContext();
    ctx.backend.reports = [makeReport({ reportId: 7 })];
    const asked: unknown[] = [];
    const insight = stubInsight({
      compareReport: async (report) => {
        asked.push(report);
        return comparison(2);
      },
    });
    const { reply } = await runCommand('report 7', { ...ctx, insight });
    expect(asked).toEqual([expect.objectContaining({ reportId: 7 })]);
    expect(reply.type === 'report' && reply.comparison?.rows).toHaveLength(3);
  });

  it('still answers the report when the month before cannot be read, and says why', async () => {
    const ctx = makeContext();
    ctx.backend.reports = [makeReport({ reportId: 7 })];
    const insight = stubInsight({
      compareReport: async () => {
        throw new VspcServerError('VSPC GET /licensing/reports answered HTTP 520', {
          status: 520,
          errors: [],
          requestId: 'req-7',
        });
      },
    });
    const { reply } = await runCommand('report 7', { ...ctx, insight });
    if (reply.type !== 'report') throw new Error(`expected a report, got ${reply.type}`);
    expect(reply.report.reportId).toBe(7);
    expect(reply.comparison).toBeUndefined();
    expect(reply.comparisonProblem).toBe(
      'The change against the month before could not be worked out: VSPC answered with an error while running "report".',
    );
  });
});
