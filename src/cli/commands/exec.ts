/**
 * `vspc-license-bot exec "<command text>" [--yes]`: one command, the same text as after `/vspc`,
 * against VSPC_URL. Reads print; a write prints its plan and runs only with `--yes` (through the
 * same pending action and audit as a Slack confirmation). Exit status: 0 done, 1 error,
 * 2 usage or configuration, 3 a write was planned but not run.
 */

import { describeOperation } from '../../approvals/describe.js';
import { runCommand } from '../../commands/run.js';
import { createServices, type Services } from '../../compose.js';
import { type AppConfig, ConfigError, loadConfig } from '../../config.js';
import { createLogger, type Logger } from '../../log.js';
import { plainMentions } from '../../mention.js';
import { planDesk } from '../demo/plan-desk.js';
import { terminalPresenter } from '../demo/terminal-presenter.js';
import { writeTrendChart } from '../demo/write-chart.js';
import { type Terminal, writeReply } from '../demo/write-reply.js';

export const EXEC_USAGE = `usage: vspc-license-bot exec "<command text>" [--yes]

  Runs one /vspc command against VSPC_URL, e.g.
    vspc-license-bot exec "licenses --expiring 30"
    vspc-license-bot exec "report 1042 csv"          (saves the CSV in the current directory)
    vspc-license-bot exec "trend --months 12 --png trend.png"   (writes the chart too)
    vspc-license-bot exec "license update vbr 5f1c2a9e" --yes
  Writes print their plan and run only with --yes.`;

export const EXIT = { ok: 0, error: 1, usage: 2, notRun: 3 } as const;

export interface ExecIo extends Terminal {
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface ExecDeps {
  /** Replaces what is built from the configuration (tests, the demo). */
  services?: Services;
  logger?: Logger;
}

/** Words the shell split are joined back; a word with spaces was quoted by the user, so it is quoted again. */
export function commandTextOf(words: readonly string[]): string {
  if (words.length === 1) return words[0]!;
  return words.map((w) => (/\s/.test(w) && !/^["'].*["']$/.test(w) ? `"${w.replace(/"/g, "'")}"` : w)).join(' ');
}

function readConfig(io: ExecIo): AppConfig | null {
  try {
    return loadConfig(io.env, { vspc: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(error.message);
      return null;
    }
    throw error;
  }
}

async function confirmWrite(services: Services, actionId: string, io: ExecIo): Promise<number> {
  const result = await services.approvals.confirm(actionId, 'cli', terminalPresenter(io.out));
  if (!result.ok) {
    io.err(`Not run: ${result.reason}`);
    return EXIT.error;
  }
  return result.action.status === 'succeeded' ? EXIT.ok : EXIT.error;
}

export async function runExec(argv: readonly string[], given: ExecIo, deps: ExecDeps = {}): Promise<number> {
  // A terminal shows the bot's mentions as plain @U… / #C… (src/mention.ts).
  const io: ExecIo = {
    ...given,
    out: (text) => given.out(plainMentions(text)),
    err: (text) => given.err(plainMentions(text)),
  };
  const yes = argv.includes('--yes') || argv.includes('-y');
  const words = argv.filter((a) => a !== '--yes' && a !== '-y');
  if (words.length === 0 || words[0] === '--help' || words[0] === '-h') {
    (words.length === 0 ? io.err : io.out)(EXEC_USAGE);
    return words.length === 0 ? EXIT.usage : EXIT.ok;
  }
  let services = deps.services;
  let ownServices = false;
  if (!services) {
    const config = readConfig(io);
    if (!config) return EXIT.usage;
    // Logs go to stderr so that stdout stays the answer.
    const logger = deps.logger ?? createLogger(io.env.LOG_LEVEL ? config.logLevel : 'warn', process.stderr);
    try {
      services = await createServices(config, { logger });
    } catch (error) {
      io.err(error instanceof Error ? error.message : String(error));
      return EXIT.usage;
    }
    ownServices = true;
  }
  try {
    const base = services.contextFor('cli', null);
    const ctx = yes
      ? base
      : { ...base, approvals: planDesk(services.access, services.clock, services.config.approvalTtlMinutes) };
    const { reply } = await runCommand(commandTextOf(words), ctx);

    if (reply.type === 'actionCard') {
      const { action } = reply;
      if (!yes) {
        io.out(`Plan: ${describeOperation(action.operation, action.targetLabel)}.\nNot run: add --yes to run it.`);
        return EXIT.notRun;
      }
      if (!reply.created) {
        io.err(
          `An open request for this already exists (action ${action.id}, asked by ${action.requestedBy}). ` +
            'Confirm or cancel it on its card first.',
        );
        return EXIT.error;
      }
      io.out(`${describeOperation(action.operation, action.targetLabel)}.`);
      return await confirmWrite(services, action.id, io);
    }
    if (reply.type === 'installModal') {
      writeReply(reply, { timeZone: services.config.digest.timeZone, cwd: io.cwd, terminal: io });
      return EXIT.notRun;
    }
    const status = writeReply(reply, { timeZone: services.config.digest.timeZone, cwd: io.cwd, terminal: io });
    if (reply.type !== 'trend') return status;
    return Math.max(status, await writeTrendChart(reply, services.charts, { cwd: io.cwd, terminal: io }));
  } finally {
    if (ownServices) await services.close();
  }
}

export function run(argv: string[]): Promise<number> {
  return runExec(argv, {
    env: process.env,
    cwd: process.cwd(),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
  });
}
