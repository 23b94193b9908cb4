/**
 * `trend`'s delivery when the chart cannot be had: the renderer is unavailable, there is no channel,
 * the upload is refused. The table always answers, and says why there is no picture.
 */
import { describe, expect, it } from 'vitest';
import { trendChartInput } from '../../src/commands/trend-chart.js';
import type { ChartResult, RenderTrendChart } from '../../src/insight/chart/types.js';
import { silentLogger } from '../../src/log.js';
import { deliverTrend } from '../../src/slack/deliver/deliver-trend.js';
import type { Delivery, Surface } from '../../src/slack/deliver/surface.js';
import { trend } from '../support/insight-fixtures.js';
import { RENDER } from './support/fixtures.js';

const PNG: ChartResult = { ok: true, png: new Uint8Array([1, 2, 3]), width: 1600, height: 900, altText: 'numbers' };

function delivery(options: { channelId?: string | null; chart?: RenderTrendChart; uploadError?: string }) {
  const said: { text: string; blocks: unknown[]; response_type?: string }[] = [];
  const uploads: Record<string, unknown>[] = [];
  const surface = {
    client: {
      files: {
        uploadV2: async (args: Record<string, unknown>) => {
          if (options.uploadError) throw Object.assign(new Error('refused'), { data: { error: options.uploadError } });
          uploads.push(args);
          return { ok: true };
        },
      },
    },
    respond: async (message: { text: string; blocks: unknown[] }) => {
      said.push(message);
    },
    userId: 'U1',
    channelId: options.channelId === undefined ? 'C1' : options.channelId,
    triggerId: null,
    responseUrl: 'https://hooks.slack.com/x',
    replaceOriginal: false,
  } as unknown as Surface;
  const value: Delivery = {
    surface,
    render: RENDER,
    services: { logger: silentLogger, ...(options.chart ? { renderChart: options.chart } : {}) },
  };
  return { value, said, uploads, all: () => JSON.stringify(said) };
}

const reply = () => {
  const t = trend({ months: 3, top: 2, others: true });
  return { type: 'trend' as const, trend: t, chart: trendChartInput(t), pngPath: null };
};

describe('deliverTrend', () => {
  it('uploads the drawn chart with its description and says so in the table reply', async () => {
    const d = delivery({ chart: async () => PNG });
    await deliverTrend(d.value, reply(), true);
    expect(d.said).toHaveLength(1);
    expect(d.said[0]?.response_type).toBe('in_channel');
    expect(d.all()).toContain('uploaded to this channel as `trend-2024-07-2024-09.png`');
    expect(d.uploads).toEqual([
      expect.objectContaining({ channel_id: 'C1', filename: 'trend-2024-07-2024-09.png', alt_text: 'numbers' }),
    ]);
  });

  it('answers with the table alone when the renderer cannot draw', async () => {
    const d = delivery({ chart: async () => ({ ok: false, reason: 'chart renderer unavailable: no resvg' }) });
    await deliverTrend(d.value, reply(), false);
    expect(d.uploads).toEqual([]);
    expect(d.all()).toContain('No chart this time: it could not be drawn. The table has every number.');
    expect(d.all()).toContain('```');
  });

  it('answers with the table alone without a channel to upload to', async () => {
    const d = delivery({ channelId: null, chart: async () => PNG });
    await deliverTrend(d.value, reply(), false);
    expect(d.uploads).toEqual([]);
    expect(d.all()).toContain('No chart: I can only upload it to a channel.');
  });

  it('says what Slack answered when the upload is refused, after the table', async () => {
    const d = delivery({ chart: async () => PNG, uploadError: 'not_in_channel' });
    await deliverTrend(d.value, reply(), false);
    expect(d.said).toHaveLength(2);
    expect(JSON.stringify(d.said[1])).toContain("I can't upload files to this conversation (not_in_channel)");
  });
});
