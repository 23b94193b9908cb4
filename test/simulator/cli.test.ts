/** `vspc-license-bot simulator`: one listening line, serves until killed; bad options exit 2. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSimulatorArgs } from '../../src/cli/commands/simulator.js';

const children: ChildProcess[] = [];
function cli(args: string[]): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'simulator', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('simulator CLI', () => {
  it('prints exactly one listening line and serves the API until SIGTERM', async () => {
    const child = cli(['--port', '0', '--seed', '7', '--vbr', '25', '--api-key', 'k']);
    const lines = createInterface({ input: child.stdout! });
    const [first] = (await once(lines, 'line')) as [string];
    expect(first).toMatch(/^VSPC simulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = first.replace('VSPC simulator listening on ', '');
    const reply = await fetch(`${url}/api/v3/licensing/backupServers?limit=1`, {
      headers: { authorization: 'Bearer k' },
    });
    expect(((await reply.json()) as { meta: { pagingInfo: { total: number } } }).meta.pagingInfo.total).toBe(25);
    const denied = await fetch(`${url}/api/v3/licensing/backupServers`, { headers: { authorization: 'Bearer other' } });
    expect(denied.status).toBe(401);
    const extra: string[] = [];
    lines.on('line', (line) => extra.push(line));
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(extra).toEqual([]);
  });

  it('rejects a bad option with usage on stderr and exit code 2', async () => {
    const child = cli(['--port', 'abc']);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: vspc-license-bot simulator/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it.each([[['--fail-rate', '2']], [['--bogus']], [['--username', 'u']], [['--vbr', '-1']], [['extra']]])(
    'parseSimulatorArgs rejects %j',
    (args) => {
      expect(() => parseSimulatorArgs(args)).toThrow();
    },
  );

  it('parseSimulatorArgs maps every option', () => {
    expect(
      parseSimulatorArgs([
        '--port=0',
        '--seed',
        'demo',
        '--sites=2',
        '--vbr=10000',
        '--vone=3',
        '--vb365=4',
        '--companies=9',
        '--latency=50',
        '--history-months=30',
        '--fail-rate=0.1',
        '--async',
        '--username=u',
        '--password=p',
        '--api-key=k',
      ]),
    ).toEqual({
      port: 0,
      seed: 'demo',
      sites: 2,
      vbr: 10_000,
      vone: 3,
      vb365: 4,
      companies: 9,
      latencyMs: 50,
      reportMonths: 30,
      failRate: 0.1,
      async: true,
      username: 'u',
      password: 'p',
      apiKey: 'k',
    });
  });
});
