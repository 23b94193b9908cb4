/** Report queries, CSV bytes and the usage filters over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, reportCsv, startSimulator } from '../../src/simulator/index.js';
import { call } from './http.js';

const KEY = 'key';

describe('reports and usage', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 61, now: new Date('2026-07-04T12:00:00Z'), companies: 11, vbr: 30 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('latest answers the most recent month; a date selects its month', async () => {
    const latest = await call(sim, 'GET', '/api/v3/licensing/reports/latest', { token: KEY });
    expect(new Set(latest.json.data.map((r: { reportStatus: string }) => r.reportStatus))).toEqual(
      new Set(['ApprovalRequired']),
    );
    expect(latest.json.data[0].reportParameters.reportInterval).toEqual({
      startOfInterval: '2026-06-01',
      endOfInterval: '2026-06-30',
    });
    const april = await call(sim, 'GET', '/api/v3/licensing/reports/2026-04', { token: KEY });
    expect(april.json.data.every((r: { reportStatus: string }) => r.reportStatus === 'Approved')).toBe(true);
    expect(april.json.meta.pagingInfo.total).toBe(latest.json.meta.pagingInfo.total);
    // 25 months of history end with June 2026: May 2024 is before it.
    expect((await call(sim, 'GET', '/api/v3/licensing/reports/2024-05', { token: KEY })).json.data).toEqual([]);
  });

  it('serves the same CSV bytes for a report every time', async () => {
    const first = await call(sim, 'GET', '/api/v3/licensing/reports/2/csv', { token: KEY });
    const second = await call(sim, 'GET', '/api/v3/licensing/reports/2/csv', { token: KEY });
    expect(first.bytes.equals(second.bytes)).toBe(true);
    expect(first.bytes.toString()).toBe(reportCsv(sim.state.findReport(2)!));
    expect(first.bytes.toString().split('\r\n')[0]).toMatch(/^Report ID,Owner,/);
    expect(first.headers.get('content-disposition')).toContain('LicenseUsageReport-2.csv');
    expect((await call(sim, 'GET', '/api/v3/licensing/reports/abc/csv', { token: KEY })).status).toBe(400);
  });

  it('filters usage by organization, provider, server and server type', async () => {
    const inv = sim.state.inventory;
    const all = await call(sim, 'GET', '/api/v3/licensing/usage/organizations?limit=500', { token: KEY });
    expect(all.json.meta.pagingInfo.total).toBe(inv.usage.length);
    const reseller = inv.organizations.find((o) => o.type === 'Reseller')!;
    const byProvider = await call(sim, 'GET', `/api/v3/licensing/usage/organizations?providerUid=${reseller.uid}`, {
      token: KEY,
    });
    expect(byProvider.json.data.map((o: { organizationUid: string }) => o.organizationUid)).toEqual(
      inv.usage.filter((u) => u.providerUid === reseller.uid).map((u) => u.organizationUid),
    );
    const vbr = inv.backupServers[5]!.backupServerUid;
    const byServer = await call(sim, 'GET', `/api/v3/licensing/usage/organizations?serverUid=${vbr}`, { token: KEY });
    expect(byServer.json.data).toHaveLength(1);
    expect(byServer.json.data[0].servers.map((s: { serverUid: string }) => s.serverUid)).toEqual([vbr]);
    const cc = await call(
      sim,
      'GET',
      '/api/v3/licensing/usage/organizations?serverType=CloudConnect&organizationType=Company',
      {
        token: KEY,
      },
    );
    expect(
      cc.json.data.every((o: { servers: { serverType: string }[] }) =>
        o.servers.every((s) => s.serverType === 'CloudConnect'),
      ),
    ).toBe(true);
    expect(
      (await call(sim, 'GET', '/api/v3/licensing/usage/organizations?organizationType=Provider', { token: KEY })).json
        .data,
    ).toEqual([]);
  });

  it('answers 404 with an ErrorResponse for unknown paths and 405 for unknown methods', async () => {
    const missing = await call(sim, 'GET', '/api/v3/licensing/nothing', { token: KEY });
    expect(missing.status).toBe(404);
    expect(missing.json.errors[0].code).toBe(404);
    expect((await call(sim, 'POST', '/api/v3/licensing/sites', { token: KEY })).status).toBe(405);
  });
});
