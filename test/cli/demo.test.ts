import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runConsole } from '../../src/cli/demo/console.js';
import { type Demo, startDemo } from '../../src/cli/demo/start-demo.js';
import { PNG_SIGNATURE } from '../insight/chart/support.js';
import { pendingReportIds, uidsExpiringWithin } from './support/inventory-facts.js';

let demo: Demo;

beforeAll(async () => {
  demo = await startDemo({ simulator: { seed: 'demo-test', now: new Date() } });
});

afterAll(async () => {
  await demo.close();
});

async function session(lines: string[], cwd = process.cwd()): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  input.end(`${lines.join('\n')}\n`);
  await runConsole({
    input,
    output,
    interactive: false,
    ctx: demo.services.contextFor('cli', null),
    approvals: demo.services.approvals,
    cwd,
    charts: demo.services.charts,
  });
  return Buffer.concat(chunks).toString('utf8');
}

describe('demo console, driven through a pipe', () => {
  it('shows trend, forecast and the digest with its usage changes, and writes the chart with --png', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vspc-demo-chart-'));
    try {
      const text = await session(['trend --months 3 --png trend.png', 'forecast', 'digest'], dir);
      const planted = demo.simulator.state.inventory.plantedUsage!;
      expect(text).toMatch(/vspc> trend --months 3 --png trend.png\nPoints per month, \d{4}-\d{2} – \d{4}-\d{2}: /);
      expect(text).toContain(`Chart written to ${join(dir, 'trend.png')}`);
      expect([...readFileSync(join(dir, 'trend.png')).subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(text).toContain(`Top movers up:\n  ${planted.jump.name}: `);
      expect(text).toContain('Usage changes (2)');
      expect(text).toContain(`${planted.zero.name} · at zero`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers licenses --expiring 30, reports pending and usage from the simulator', async () => {
    const text = await session(['licenses --expiring 30', 'reports pending', 'usage']);
    const inventory = demo.simulator.state.inventory;
    const expiring = uidsExpiringWithin(inventory, 30, new Date());
    expect(text).toContain('vspc> licenses --expiring 30');
    expect(text).toContain(`${expiring.length} licenses: `);
    for (const uid of expiring.slice(0, 20)) expect(text).toContain(uid.slice(0, 8));
    for (const id of pendingReportIds(inventory)) expect(text).toMatch(new RegExp(`\\n\\s*${id}\\s+\\S`));
    expect(text).toContain(`Current usage · ${inventory.usage.length} organisations`);
  });

  it('a change request runs only after confirm, and cancel runs nothing', async () => {
    const before = demo.simulator.writes().length;
    const text = await session(['license update console', 'cancel', 'license update console', 'confirm', 'confirm']);
    expect(text).toContain('cancelled: Cancelled by the CLI; nothing was done.');
    expect(text).toMatch(/succeeded: VSPC installed a fresh license/);
    expect(text).toContain('Nothing to confirm');
    expect(demo.simulator.writes().length - before).toBe(1);
  });

  it('answers y/N like the card: n cancels, y runs exactly once', async () => {
    const before = demo.simulator.writes().length;
    const text = await session(['license update console', 'n', 'license update console', 'y']);
    expect(text).toContain('Run it? [y/N]');
    expect(text).toContain('cancelled: Cancelled by the CLI; nothing was done.');
    expect(text).toMatch(/succeeded: VSPC installed a fresh license/);
    expect(demo.simulator.writes().length - before).toBe(1);
  });

  it('stops at exit and keeps going after bad input', async () => {
    const text = await session(['licences', 'whoami', 'exit', 'whoami']);
    expect(text).toContain('Did you mean "licenses"');
    expect(text.match(/You are cli\./g)).toHaveLength(1);
  });
});

describe('vspc-license-bot demo as a process', () => {
  it('runs piped lines and exits 0 at end of input', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'demo', '--seed', '5'], {
      cwd: process.cwd(),
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.stdin.end('whoami\nreports pending\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(out).toContain('vspc> whoami');
    expect(out).toContain('Roles: viewer, operator, approver.');
    expect(out).toContain('Usage reports · waiting for approval');
  });
});
