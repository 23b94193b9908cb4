import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandTextOf, type ExecIo, runExec } from '../../src/cli/commands/exec.js';
import { type RunningSimulator, reportCsv, startSimulator } from '../../src/simulator/index.js';
import { PNG_SIGNATURE, pngHeader } from '../insight/chart/support.js';
import { pendingReportIds, uidsExpiringWithin } from './support/inventory-facts.js';

let sim: RunningSimulator;
let cwd: string;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'exec-test', now: new Date() });
  cwd = mkdtempSync(join(tmpdir(), 'vspc-exec-'));
});

afterAll(async () => {
  await sim.close();
  rmSync(cwd, { recursive: true, force: true });
});

function io(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: ExecIo = {
    env: {
      VSPC_URL: sim.url,
      VSPC_API_KEY: 'test-key',
      DATABASE_URL: `sqlite:${join(cwd, 'store.sqlite')}`,
      LOG_LEVEL: 'silent',
      // Writes are off unless someone may confirm them; the CLI user itself has every role.
      APPROVERS: 'U0LEAD',
      ...env,
    },
    cwd,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  };
  return { io: value, out, err, text: () => out.join('\n'), errors: () => err.join('\n') };
}

describe('exec against the simulator', () => {
  it('licenses --expiring 30 prints the licenses the inventory says expire within 30 days', async () => {
    const run = io();
    const status = await runExec(['licenses --expiring 30'], run.io);
    expect(status).toBe(0);
    const expected = uidsExpiringWithin(sim.state.inventory, 30, new Date());
    expect(expected.length).toBeGreaterThan(3);
    const text = run.text();
    expect(text).toContain('Licenses · expiring within 30 days');
    expect(text).toContain(`${expected.length} license${expected.length === 1 ? '' : 's'}: `);
    for (const uid of expected.slice(0, 20)) expect(text).toContain(uid.slice(0, 8));
  });

  it('reports pending lists exactly the reports waiting for approval', async () => {
    const run = io();
    expect(await runExec(['reports', 'pending'], run.io)).toBe(0);
    const ids = pendingReportIds(sim.state.inventory);
    expect(ids.length).toBeGreaterThan(0);
    const rows = run
      .text()
      .split('\n')
      .filter((line) => /^\s*\d+\s{2}/.test(line));
    expect(rows.map((line) => Number(line.trim().split(/\s+/)[0])).sort()).toEqual([...ids].sort());
    expect(run.text()).toContain(`Auto-approve: ${sim.state.inventory.reportSettings.autoApprove ? 'on' : 'off'}`);
  });

  it('usage counts the organisations of the current usage', async () => {
    const run = io();
    expect(await runExec(['usage'], run.io)).toBe(0);
    const orgs = sim.state.inventory.usage.length;
    expect(run.text()).toContain(`Current usage · ${orgs} organisation${orgs === 1 ? '' : 's'}`);
  });

  it('report <id> csv saves VSPC’s CSV in the working directory', async () => {
    const report = sim.state.inventory.reports[0]!;
    const id = report.reportParameters.reportId;
    const run = io();
    expect(await runExec([`report ${id} csv`], run.io)).toBe(0);
    const path = join(cwd, `license-usage-${id}.csv`);
    expect(run.text()).toContain(`Saved to ${path}`);
    expect(readFileSync(path, 'utf8')).toBe(reportCsv(report));
  });

  it('trend --png FILE prints the table and writes the chart as a PNG', async () => {
    const run = io();
    expect(await runExec(['trend --months 3 --png charts/trend.png'], run.io)).toBe(1);
    // The directory does not exist: the table is printed, the file cannot be written, and it says so.
    expect(run.errors()).toContain(`Could not write the chart to ${join(cwd, 'charts/trend.png')}`);
    const again = io();
    expect(await runExec(['trend', '--months', '3', '--png', 'trend.png'], again.io)).toBe(0);
    const path = join(cwd, 'trend.png');
    expect(again.text()).toMatch(/^Points per month, \d{4}-\d{2} – \d{4}-\d{2}: /);
    expect(again.text()).toContain(`Chart written to ${path} (`);
    const header = pngHeader(readFileSync(path));
    expect(header.signature).toEqual(PNG_SIGNATURE);
    expect(header.chunk).toBe('IHDR');
    expect(header.width).toBeGreaterThanOrEqual(800);
    expect(header.height).toBeGreaterThanOrEqual(400);
  });

  it('trend without --png writes nothing and says how to get the chart; forecast prints its method', async () => {
    const run = io();
    expect(await runExec(['trend --months 2'], run.io)).toBe(0);
    expect(run.text()).toContain('Add --png FILE to write the chart.');
    const forecast = io();
    expect(await runExec(['forecast'], forecast.io)).toBe(0);
    expect(forecast.text()).toMatch(/^Forecast for \d{4}-\d{2} \(day \d+ of \d+\), against /);
    expect(forecast.text()).toContain('Expected = ');
  });

  it('a write without --yes prints the plan, calls nothing, and exits 3', async () => {
    const run = io();
    const before = sim.writes().length;
    expect(await runExec(['license update console'], run.io)).toBe(3);
    expect(run.text()).toContain('Plan: Ask VSPC to download and install a fresh license for VSPC console license.');
    expect(run.text()).toContain('Not run: add --yes to run it.');
    expect(sim.writes().length).toBe(before);
  });

  it('with --yes the write runs once, with the pending action id as X-Request-id', async () => {
    const run = io();
    const before = sim.writes().length;
    expect(await runExec(['license update console', '--yes'], run.io)).toBe(0);
    const writes = sim.writes().slice(before);
    expect(writes).toHaveLength(1);
    expect(run.text()).toMatch(/succeeded: .*request id [0-9a-f-]{36}/);
    expect(run.text()).toContain(`Running ${writes[0]!.requestId}`);
  });

  it('the CLI acts for the holder of the VSPC credentials: role lists (Slack users) do not stop it', async () => {
    const before = sim.writes().length;
    const run = io({ APPROVERS: '' });
    expect(await runExec(['license update console', '--yes'], run.io)).toBe(0);
    expect(sim.writes().length).toBe(before + 1);
  });

  it('errors exit non-zero: usage 2, bad target 1, missing configuration 2', async () => {
    const typo = io();
    expect(await runExec(['licences'], typo.io)).toBe(2);
    expect(typo.errors()).toContain('Did you mean "licenses"');
    const none = io();
    expect(await runExec(['license vbr "Nobody At All"'], none.io)).toBe(1);
    expect(none.errors()).toContain('No Veeam Backup & Replication license matches "Nobody At All"');
    const unconfigured = io({ VSPC_URL: '', VSPC_API_KEY: '' });
    expect(await runExec(['licenses'], unconfigured.io)).toBe(2);
    expect(unconfigured.errors()).toContain('VSPC_URL: is missing');
    expect(existsSync(join(cwd, 'license-usage-undefined.csv'))).toBe(false);
  });

  it('joins words the shell split, quoting the ones that held spaces', () => {
    expect(commandTextOf(['license', 'vbr', 'Acme Corp'])).toBe('license vbr "Acme Corp"');
    expect(commandTextOf(['licenses --expiring 30'])).toBe('licenses --expiring 30');
  });
});
