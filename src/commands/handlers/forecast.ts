/** `forecast`: this month so far per organisation against the last report, and what it comes to. */
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { refuseRead, refuseWithoutReports } from './guards.js';

export async function handleForecast(_cmd: CommandOf<'forecast'>, ctx: CommandContext): Promise<Reply> {
  const refused = (await refuseRead(ctx)) ?? refuseWithoutReports(ctx, 'forecast');
  if (refused) return refused;
  return { type: 'forecast', forecast: await ctx.insight.forecast() };
}
