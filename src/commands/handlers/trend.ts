/** `trend …`: points per month from the usage reports, as a table and the chart drawn from it. */
import type { TrendOptions } from '../../insight/types.js';
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { trendChartInput } from '../trend-chart.js';
import { refuseRead, refuseWithoutReports } from './guards.js';

export async function handleTrend(cmd: CommandOf<'trend'>, ctx: CommandContext): Promise<Reply> {
  const refused = (await refuseRead(ctx)) ?? refuseWithoutReports(ctx, 'trend');
  if (refused) return refused;
  const options: TrendOptions = {
    months: cmd.months,
    top: cmd.top,
    ...(cmd.org === null ? {} : { org: cmd.org }),
    ...(cmd.product === null ? {} : { product: cmd.product }),
  };
  const trend = await ctx.insight.trend(options);
  return { type: 'trend', trend, chart: trendChartInput(trend), pngPath: cmd.png };
}
