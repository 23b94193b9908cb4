/**
 * The whole chain against the VSPC simulator: Slack request → app → command → REST v3 client →
 * simulator, and back. Every fact is checked against what the simulator serves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicensingBackend } from '../../src/licenses/backend.js';
import { daysLeft, describeDaysLeft } from '../../src/licenses/expiry.js';
import { createV3Backend } from '../../src/licenses/v3/index.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { type FakeSlack, RESPONSE_URL, sendSlashCommand, startFakeSlack } from '../support/slack/index.js';
import { SIGNING_SECRET, startTestApp, TEAM_TIME_ZONE, type TestApp } from './support/start-app.js';

const CHANNEL = 'C0LIC';
let simulator: RunningSimulator;
let fake: FakeSlack;
let backend: LicensingBackend;
/** A second client, to read what VSPC holds independently of the app's caches. */
let reference: LicensingBackend;
let app: TestApp;

function client(): LicensingBackend {
  return createV3Backend({
    url: simulator.url,
    auth: { type: 'apiKey', apiKey: 'test-key' },
    retry: { maxRetries: 0 },
  });
}

beforeAll(async () => {
  simulator = await startSimulator({ seed: 7, sites: 2, vbr: 30, vone: 3, vb365: 3, companies: 6 });
  fake = await startFakeSlack();
  backend = client();
  reference = client();
  app = await startTestApp({ backend, fake });
});

afterAll(async () => {
  await app?.close();
  await backend?.close();
  await reference?.close();
  await fake?.close();
  await simulator?.close();
});

async function ask(text: string) {
  const responseUrl = fake.responseUrl();
  const since = fake.mark();
  const response = await sendSlashCommand(app.url, SIGNING_SECRET, {
    text,
    userId: 'U0ALICE',
    channelId: CHANNEL,
    responseUrl,
  });
  expect(response.status).toBe(200);
  const target = decodeURIComponent(responseUrl.split('/').pop() ?? '');
  const call = await fake.waitFor((c) => c.method === RESPONSE_URL && c.target === target, { since });
  return JSON.stringify(call.params);
}

describe('against the VSPC simulator', () => {
  it('licenses vbr counts what VSPC holds and lists its UIDs', async () => {
    const licenses = await reference.listLicenses('vbr');
    const answer = await ask('licenses vbr');
    expect(answer).toContain(`of ${licenses.length} licenses`);
    const shown = licenses.filter((l) => answer.includes(l.uid));
    // The Details buttons carry full UIDs: one page of 20.
    expect(shown).toHaveLength(Math.min(20, licenses.length));
  });

  it("license vbr <uid> shows the days left VSPC's expiry date gives in the team time zone", async () => {
    const [first] = (await reference.listLicenses('vbr')).filter((l) => l.expirationDate !== null);
    expect(first).toBeDefined();
    if (!first) return;
    const answer = await ask(`license vbr ${first.uid}`);
    expect(answer).toContain(first.uid);
    expect(answer).toContain(describeDaysLeft(daysLeft(first.expirationDate, new Date(), TEAM_TIME_ZONE)));
  });

  it('report <id> csv uploads exactly the CSV VSPC serves', async () => {
    const [report] = await reference.listReports({ kind: 'all' });
    expect(report).toBeDefined();
    if (!report) return;
    const expected = await reference.reportCsv(report.reportId);
    const since = fake.mark();
    await sendSlashCommand(app.url, SIGNING_SECRET, {
      text: `report ${report.reportId} csv`,
      userId: 'U0ALICE',
      channelId: CHANNEL,
      responseUrl: fake.responseUrl(),
    });
    await fake.waitFor('files.completeUploadExternal', { since });
    const upload = fake.uploads().find((u) => u.name === `license-usage-${report.reportId}.csv`);
    expect(upload?.bytes && Buffer.compare(upload.bytes, Buffer.from(expected))).toBe(0);
  });

  it('a VSPC 520 reaches the user with the status and the request id we sent', async () => {
    simulator.faults.push({
      kind: 'status',
      status: 520,
      message: 'Simulated outage',
      times: 5,
      match: (r) => r.path.includes('/reports'),
    });
    const before = simulator.requests.length;
    const answer = await ask('reports');
    // `reports` reads the reports and their settings at once: the answer names the request that failed it.
    const failed = simulator.requests.slice(before).filter((r) => r.path.includes('/reports') && r.status === 520);
    expect(answer).toContain('520');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((r) => r.requestId)).toBe(true);
    expect(failed.filter((r) => answer.includes(r.requestId!))).not.toHaveLength(0);
    simulator.faults.length = 0;
  });
});
