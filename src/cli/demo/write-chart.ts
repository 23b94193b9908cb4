/**
 * `trend … --png FILE` on the command line: draws the chart from the trend's numbers and writes it
 * to FILE (relative to the working directory; an existing file is replaced, as the user named it).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Reply } from '../../commands/reply.js';
import type { RenderTrendChart } from '../../insight/chart/types.js';
import type { Terminal } from './write-reply.js';

type TrendReply = Extract<Reply, { type: 'trend' }>;

/** The exit status: 0 written (or not asked for), 1 when the chart could not be drawn or written. */
export async function writeTrendChart(
  reply: TrendReply,
  charts: RenderTrendChart,
  options: { cwd: string; terminal: Terminal },
): Promise<number> {
  if (reply.pngPath === null) return 0;
  const { terminal } = options;
  if (reply.trend.months.length === 0) {
    terminal.err('No chart written: there are no months to draw.');
    return 1;
  }
  const chart = await charts(reply.chart);
  if (!chart.ok) {
    terminal.err(`No chart written: ${chart.reason}.`);
    return 1;
  }
  const path = resolve(options.cwd, reply.pngPath);
  try {
    writeFileSync(path, chart.png);
  } catch (error) {
    terminal.err(`Could not write the chart to ${path}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  terminal.out(`Chart written to ${path} (${chart.width}×${chart.height} PNG).`);
  return 0;
}
