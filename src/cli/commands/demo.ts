/**
 * `vspc-license-bot demo`: no Slack and no VSPC needed. Starts the simulator in-process and a
 * console where you type the same commands as after `/vspc`.
 */
import { parseArgs } from 'node:util';
import { ConfigError } from '../../config.js';
import { runConsole } from '../demo/console.js';
import { startDemo } from '../demo/start-demo.js';

const USAGE = `usage: vspc-license-bot demo [--seed S] [--database sqlite:PATH] [--latency MS]

  Starts the VSPC simulator and a console. Type help for the commands, exit (or Ctrl-D) to leave.
  Without --database the store is a temporary SQLite file, removed at the end.`;

export async function run(argv: string[]): Promise<number> {
  let values: { seed?: string; database?: string; latency?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        seed: { type: 'string' },
        database: { type: 'string' },
        latency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.latency !== undefined && !/^\d{1,5}$/.test(values.latency)) {
    console.error(`--latency must be a whole number of milliseconds\n\n${USAGE}`);
    return 2;
  }
  let demo: Awaited<ReturnType<typeof startDemo>>;
  try {
    demo = await startDemo({
      env: process.env,
      simulator: {
        ...(values.seed !== undefined ? { seed: values.seed } : {}),
        ...(values.latency !== undefined ? { latencyMs: Number(values.latency) } : {}),
      },
      ...(values.database ? { databaseUrl: values.database } : {}),
    });
  } catch (error) {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : String(error));
    return 2;
  }
  try {
    const inventory = demo.simulator.state.inventory;
    const licenses =
      inventory.sites.length +
      inventory.backupServers.length +
      inventory.voneServers.length +
      inventory.vb365Servers.length +
      1;
    const interactive = process.stdin.isTTY === true;
    if (interactive) {
      console.log(
        [
          `VSPC simulator on ${demo.simulator.url} (seed ${inventory.seed}): ${licenses} licenses, ${inventory.reports.length} usage reports.`,
          `Store: ${demo.databaseUrl}`,
          'Type the commands you would type after /vspc (try: help, licenses --expiring 30, reports pending, trend, forecast). exit leaves.',
        ].join('\n'),
      );
    }
    await runConsole({
      input: process.stdin,
      output: process.stdout,
      interactive,
      ctx: demo.services.contextFor('cli', null),
      approvals: demo.services.approvals,
      cwd: process.cwd(),
      charts: demo.services.charts,
    });
    return 0;
  } finally {
    await demo.close();
  }
}
