/**
 * `trend` in Slack: the table as the reply, and the chart drawn from the same numbers uploaded to
 * the channel with a description that states them. Without a chart (no renderer, a channel the
 * bot cannot upload to) the table alone answers and says why; the renderer logs its reason once.
 */
import type { Reply } from '../../commands/reply.js';
import { trendFilename, trendTitle } from '../../commands/trend-chart.js';
import type { ChartResult } from '../../insight/chart/types.js';
import { code } from '../render/limits.js';
import { renderTrend } from '../render/trend.js';
import { sendMessage } from './send-message.js';
import type { Delivery } from './surface.js';
import { uploadFile } from './upload-file.js';

type TrendReply = Extract<Reply, { type: 'trend' }>;

const NO_RENDERER: ChartResult = { ok: false, reason: 'no chart renderer is configured' };

async function drawChart(delivery: Delivery, reply: TrendReply): Promise<ChartResult> {
  const render = delivery.services.renderChart;
  if (!render || reply.trend.months.length === 0) return NO_RENDERER;
  try {
    return await render(reply.chart);
  } catch (error) {
    // The renderer promises not to throw; if it does, the table still answers.
    delivery.services.logger.warn({ err: String(error) }, 'the chart renderer threw');
    return { ok: false, reason: 'the chart renderer failed' };
  }
}

function chartNote(reply: TrendReply, chart: ChartResult, channelId: string | null, filename: string): string {
  const png =
    reply.pngPath === null ? '' : ' (`--png` writes a file only on the command line; here the chart is uploaded.)';
  if (reply.trend.months.length === 0) return '';
  if (!chart.ok) return `No chart this time: it could not be drawn. The table has every number.${png}`;
  if (!channelId) return `No chart: I can only upload it to a channel. The table has every number.${png}`;
  return `:bar_chart: The chart of these numbers is uploaded to this channel as ${code(filename)}.${png}`;
}

export async function deliverTrend(delivery: Delivery, reply: TrendReply, share: boolean): Promise<void> {
  const chart = await drawChart(delivery, reply);
  const filename = trendFilename(reply.trend);
  const channelId = delivery.surface.channelId;
  const note = chartNote(reply, chart, channelId, filename);
  await sendMessage(delivery, renderTrend(reply, note || null), { share });
  if (!chart.ok || !channelId) return;
  const title = trendTitle(reply.trend);
  await uploadFile(delivery, {
    type: 'file',
    filename,
    title,
    bytes: chart.png,
    comment: `${title}. The image description lists the numbers.`,
    altText: chart.altText,
  });
}
