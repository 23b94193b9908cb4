/**
 * `vspc-license-bot simulator`: runs the VSPC simulator until SIGINT/SIGTERM. Prints exactly one
 * line when it listens, so scripts and tests can read the URL.
 */
import { parseArgs } from 'node:util';
import type { SimulatorOptions } from '../../simulator/options.js';

const USAGE = `usage: vspc-license-bot simulator --port N [--host H] [--seed S]
         [--sites N --vbr N --vone N --vb365 N --companies N] [--history-months N]
         [--latency MS] [--fail-rate P] [--async] [--username U --password P] [--api-key K]

  --port 0 picks a free port; the simulator listens on 127.0.0.1 unless --host says otherwise.
  --history-months N: monthly usage reports per owner (default 25: two years approved and the
  last month waiting for approval).`;

const INTEGER_OPTIONS = ['port', 'sites', 'vbr', 'vone', 'vb365', 'companies', 'latency', 'history-months'] as const;

class UsageError extends Error {}

function integer(name: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) > max)
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}`);
  return Number(text);
}

export function parseSimulatorArgs(argv: string[]): SimulatorOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        sites: { type: 'string' },
        vbr: { type: 'string' },
        vone: { type: 'string' },
        vb365: { type: 'string' },
        companies: { type: 'string' },
        latency: { type: 'string' },
        'history-months': { type: 'string' },
        'fail-rate': { type: 'string' },
        async: { type: 'boolean' },
        username: { type: 'string' },
        password: { type: 'string' },
        'api-key': { type: 'string' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const limits: Record<(typeof INTEGER_OPTIONS)[number], number> = {
    port: 65_535,
    sites: 10_000,
    vbr: 100_000,
    vone: 100_000,
    vb365: 100_000,
    companies: 100_000,
    latency: 600_000,
    'history-months': 120,
  };
  const options: SimulatorOptions = {};
  for (const name of INTEGER_OPTIONS) {
    const value = integer(name, text(name), limits[name]);
    if (value === undefined) continue;
    if (name === 'latency') options.latencyMs = value;
    else if (name === 'history-months') options.reportMonths = Math.max(1, value);
    else options[name] = value;
  }
  const failRate = text('fail-rate');
  if (failRate !== undefined) {
    const rate = Number(failRate);
    if (failRate.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
      throw new UsageError('--fail-rate must be a probability from 0 to 1');
    }
    options.failRate = rate;
  }
  const seed = text('seed');
  if (seed !== undefined) options.seed = /^\d+$/.test(seed) ? Number(seed) : seed;
  const host = text('host');
  if (host !== undefined) options.host = host;
  if (values.async === true) options.async = true;
  const username = text('username');
  const password = text('password');
  if ((username === undefined) !== (password === undefined)) {
    throw new UsageError('--username and --password go together');
  }
  if (username !== undefined) options.username = username;
  if (password !== undefined) options.password = password;
  const apiKey = text('api-key');
  if (apiKey !== undefined) options.apiKey = apiKey;
  return options;
}

export async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  let options: SimulatorOptions;
  try {
    options = parseSimulatorArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const { startSimulator } = await import('../../simulator/server.js');
  const sim = await startSimulator({ port: 0, ...options });
  console.log(`VSPC simulator listening on ${sim.url}`);
  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    void sim.close().then(() => {
      process.exitCode = 0;
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return -1;
}
