/**
 * The demo console: type what you would type after `/vspc`, read the answer as text. A change
 * request shows its plan; `confirm` runs it and `cancel` drops it, like the card's buttons.
 * With a terminal it keeps a history and a `vspc> ` prompt; piped input runs line by line.
 */

import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ApprovalService } from '../../approvals/types.js';
import type { CommandContext } from '../../commands/context.js';
import { runCommand } from '../../commands/run.js';
import type { RenderTrendChart } from '../../insight/chart/types.js';
import { plainMentions } from '../../mention.js';
import { terminalPresenter } from './terminal-presenter.js';
import { writeTrendChart } from './write-chart.js';
import { type Terminal, writeReply } from './write-reply.js';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** A person at a terminal: prompt and history; otherwise each line is echoed after the prompt. */
  interactive: boolean;
  ctx: CommandContext;
  approvals: ApprovalService;
  /** Where `report N csv` saves its file and `trend --png FILE` its chart. */
  cwd: string;
  /** Draws `trend --png FILE`'s chart; without it the console says it cannot. */
  charts?: RenderTrendChart;
}

export const PROMPT = 'vspc> ';
export const CONSOLE_HELP =
  'Console words: y or confirm [id] / n or cancel [id] answer the last change request; exit (or Ctrl-D) leaves.';
const YES = new Set(['y', 'yes', 'confirm']);
const NO = new Set(['n', 'no', 'cancel']);

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { ctx, approvals, output, interactive } = options;
  const write = (text: string) => {
    // A terminal shows the bot's mentions as plain @U… / #C… (src/mention.ts).
    output.write(`${plainMentions(text)}\n`);
  };
  const terminal: Terminal = { out: write, err: write };
  const rl = createInterface({
    input: options.input,
    ...(interactive ? { output } : {}),
    terminal: interactive,
    historySize: 500,
    prompt: PROMPT,
  });
  let lastActionId: string | null = null;

  async function answer(verb: 'confirm' | 'cancel', id: string | undefined): Promise<void> {
    const actionId = id ?? lastActionId;
    if (!actionId) {
      write(`Nothing to ${verb}: ask for a change first (e.g. license update vbr <target>).`);
      return;
    }
    const presenter = terminalPresenter(write);
    const result =
      verb === 'confirm'
        ? await approvals.confirm(actionId, ctx.userId, presenter)
        : await approvals.cancel(actionId, ctx.userId, presenter);
    if (!result.ok) write(`Nothing done: ${result.reason}`);
    if (actionId === lastActionId) lastActionId = null;
  }

  async function handle(line: string): Promise<boolean> {
    const text = line.trim();
    if (text === '') return true;
    const [word = '', id] = text.split(/\s+/);
    const lower = word.toLowerCase();
    if (lower === 'exit' || lower === 'quit') return false;
    // y/N answers the last request like the card's buttons; anything else after a request cancels nothing.
    const verb = YES.has(lower) ? 'confirm' : NO.has(lower) ? 'cancel' : null;
    if (verb) {
      await answer(verb, id);
      return true;
    }
    const { reply } = await runCommand(text, ctx);
    writeReply(reply, { timeZone: ctx.timeZone, cwd: options.cwd, terminal });
    if (reply.type === 'trend' && reply.pngPath !== null) {
      if (options.charts) await writeTrendChart(reply, options.charts, { cwd: options.cwd, terminal });
      else write('No chart written: this console cannot draw charts.');
    }
    if (reply.type === 'help') write(CONSOLE_HELP);
    if (reply.type === 'actionCard' && reply.action.status === 'pending') {
      lastActionId = reply.action.id;
      write('Run it? [y/N] (or type confirm / cancel)');
    }
    return true;
  }

  if (interactive) rl.prompt();
  try {
    for await (const line of rl) {
      if (!interactive) write(`${PROMPT}${line}`);
      let goOn: boolean;
      try {
        goOn = await handle(line);
      } catch (error) {
        // runCommand never throws; a store failure in confirm/cancel must not end the session.
        write(`Error: ${error instanceof Error ? error.message : String(error)}`);
        goOn = true;
      }
      if (!goOn) break;
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
  }
}
