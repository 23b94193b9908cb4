/**
 * Every response the simulator gives, for every operation of the vendored OpenAPI document,
 * validates against that operation's schema for the status it came with.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { type CallOptions, call, licenseFile, patchBody, type Reply } from '../simulator/http.js';
import { findOperation, operations, validateResponse } from './openapi.js';

const NOW = new Date('2026-03-15T09:30:00Z');
const seen = new Map<string, Set<number>>();

async function checked(sim: RunningSimulator, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const reply = await call(sim, method, path, options);
  const op = findOperation(method, path);
  const result = validateResponse(op.operationId, reply.status, reply.bytes);
  expect(result.errors, `${method} ${path} → ${reply.status}`).toEqual([]);
  const statuses = seen.get(op.operationId) ?? new Set<number>();
  statuses.add(reply.status);
  seen.set(op.operationId, statuses);
  return reply;
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe('simulator responses match the OpenAPI document', () => {
  let sim: RunningSimulator;
  let asyncSim: RunningSimulator;
  let token: string;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 11, now: NOW, vbr: 14, vone: 6, vb365: 4, sites: 2, companies: 8 });
    asyncSim = await startSimulator({
      seed: 12,
      now: NOW,
      vbr: 3,
      vone: 2,
      vb365: 2,
      sites: 1,
      async: true,
      asyncDurationMs: 60_000,
    });
    const reply = await checked(sim, 'POST', '/api/v3/token', {
      headers: form,
      body: 'grant_type=password&username=admin&password=pw',
    });
    token = reply.json.access_token;
  });

  afterAll(async () => {
    await sim.close();
    await asyncSim.close();
  });

  it('token: issue, refresh and OAuth errors', async () => {
    const first = await checked(sim, 'POST', '/api/v3/token', {
      headers: form,
      body: 'grant_type=password&username=u&password=p',
    });
    const refreshed = await checked(sim, 'POST', '/api/v3/token', {
      headers: form,
      body: `grant_type=refresh_token&refresh_token=${first.json.refresh_token}`,
    });
    expect(refreshed.status).toBe(200);
    expect((await checked(sim, 'POST', '/api/v3/token', { headers: form, body: 'grant_type=mfa' })).status).toBe(400);
    expect(
      (await checked(sim, 'POST', '/api/v3/token', { headers: form, body: 'grant_type=refresh_token&refresh_token=x' }))
        .status,
    ).toBe(400);
  });

  it('401 without a token is an ErrorResponse', async () => {
    expect((await checked(sim, 'GET', '/api/v3/licensing/sites', { token: null })).status).toBe(401);
    expect((await checked(sim, 'GET', '/api/v3/licensing/backupServers', { token: 'eyJx.eyJy.zzz' })).status).toBe(401);
  });

  it('server license collections: list, get, install, patch, update, delete and their errors', async () => {
    const inv = sim.state.inventory;
    const kinds = [
      { segment: 'sites', uid: inv.sites[0]!.siteUid, paginated: false, del: null },
      {
        segment: 'backupServers',
        uid: inv.backupServers[3]!.backupServerUid,
        paginated: true,
        del: '?sectionForDelete=All',
      },
      { segment: 'voneServers', uid: inv.voneServers[1]!.vOneServerUid, paginated: true, del: '' },
      { segment: 'vb365Servers', uid: inv.vb365Servers[0]!.vb365ServerUid, paginated: true, del: null },
    ];
    for (const k of kinds) {
      const base = `/api/v3/licensing/${k.segment}`;
      expect((await checked(sim, 'GET', base, { token })).status).toBe(200);
      if (k.paginated) {
        expect((await checked(sim, 'GET', `${base}?limit=2&offset=1`, { token })).json.data).toHaveLength(2);
        expect((await checked(sim, 'GET', `${base}?limit=501`, { token })).status).toBe(400);
        const filter = encodeURIComponent(
          JSON.stringify([{ property: 'status', operation: 'equals', value: 'Valid' }]),
        );
        expect(
          (await checked(sim, 'GET', `${base}?filter=${filter}&sort=[{"property":"company"}]`, { token })).status,
        ).toBe(200);
      }
      expect((await checked(sim, 'GET', `${base}/${k.uid}`, { token })).status).toBe(200);
      expect((await checked(sim, 'GET', `${base}/${randomUUID()}`, { token })).status).toBe(404);
      expect((await checked(sim, 'GET', `${base}/not-a-uid`, { token })).status).toBe(400);
      const patched = await checked(sim, 'PATCH', `${base}/${k.uid}`, {
        token,
        json: patchBody('/autoUpdateEnabled', 'false'),
      });
      expect(patched.json.data.autoUpdateEnabled).toBe(false);
      expect(
        (await checked(sim, 'PATCH', `${base}/${k.uid}`, { token, json: { autoUpdateEnabled: true } })).status,
      ).toBe(400);
      expect((await checked(sim, 'POST', `${base}/${k.uid}/update`, { token })).status).toBe(200);
      expect((await checked(sim, 'POST', `${base}/${randomUUID()}/update`, { token })).status).toBe(404);
      expect((await checked(sim, 'PUT', `${base}/${k.uid}`, { token, body: licenseFile('LIC') })).status).toBe(200);
      expect((await checked(sim, 'PUT', `${base}/${k.uid}`, { token, body: licenseFile('LIC', 'file') })).status).toBe(
        400,
      );
      if (k.del !== null) {
        if (k.segment === 'backupServers') {
          expect((await checked(sim, 'DELETE', `${base}/${k.uid}?sectionForDelete=Bogus`, { token })).status).toBe(400);
        }
        expect((await checked(sim, 'DELETE', `${base}/${k.uid}${k.del}`, { token })).status).toBe(200);
        expect((await checked(sim, 'DELETE', `${base}/${k.uid}${k.del}`, { token })).status).toBe(404);
      }
    }
  });

  it('console license and its settings', async () => {
    expect((await checked(sim, 'GET', '/api/v3/licensing/console', { token })).status).toBe(200);
    expect((await checked(sim, 'PUT', '/api/v3/licensing/console', { token, body: licenseFile('VSPC') })).status).toBe(
      200,
    );
    expect(
      (
        await checked(sim, 'PUT', '/api/v3/licensing/console', {
          token,
          body: 'x',
          headers: { 'content-type': 'text/plain' },
        })
      ).status,
    ).toBe(400);
    expect((await checked(sim, 'POST', '/api/v3/licensing/console/update', { token })).status).toBe(200);
    expect((await checked(sim, 'GET', '/api/v3/licensing/console/settings', { token })).status).toBe(200);
  });

  it('reports, CSV, finalization and settings', async () => {
    const all = await checked(sim, 'GET', '/api/v3/licensing/reports?limit=3', { token });
    expect(all.json.data.length).toBe(3);
    const latest = await checked(sim, 'GET', '/api/v3/licensing/reports/latest', { token });
    const month = latest.json.data[0].reportParameters.reportInterval.startOfInterval.slice(0, 7);
    expect(
      (await checked(sim, 'GET', `/api/v3/licensing/reports/${month}`, { token })).json.data.length,
    ).toBeGreaterThan(0);
    expect((await checked(sim, 'GET', `/api/v3/licensing/reports/${month}-01`, { token })).status).toBe(200);
    expect((await checked(sim, 'GET', '/api/v3/licensing/reports/13-2026', { token })).status).toBe(400);
    const csv = await checked(sim, 'GET', '/api/v3/licensing/reports/1/csv', { token });
    expect(csv.headers.get('content-type')).toBe('application/octet-stream');
    expect((await checked(sim, 'GET', '/api/v3/licensing/reports/9999/csv', { token })).status).toBe(404);
    sim.faults.push({ kind: 'status', status: 520, match: (r) => r.path.endsWith('/csv') });
    expect((await checked(sim, 'GET', '/api/v3/licensing/reports/1/csv', { token })).status).toBe(520);
    const fin = await checked(sim, 'POST', '/api/v3/licensing/reports/finalization', { token });
    expect(fin.json.data.reportApprovalStatus).toBe('Finalized');
    expect((await checked(sim, 'POST', '/api/v3/licensing/reports/finalization', { token })).status).toBe(200);
    expect((await checked(sim, 'GET', '/api/v3/licensing/reports/settings', { token })).status).toBe(200);
    const on = await checked(sim, 'PATCH', '/api/v3/licensing/reports/settings', {
      token,
      json: patchBody('/autoApprove', 'true'),
    });
    expect(on.json.data.autoApprove).toBe(true);
    expect(
      (
        await checked(sim, 'PATCH', '/api/v3/licensing/reports/settings', {
          token,
          json: patchBody('/autoApprove', 'yes'),
        })
      ).status,
    ).toBe(400);
  });

  it('usage by organization with filters', async () => {
    const inv = sim.state.inventory;
    const org = inv.usage[0]!;
    expect((await checked(sim, 'GET', '/api/v3/licensing/usage/organizations', { token })).status).toBe(200);
    const one = await checked(
      sim,
      'GET',
      `/api/v3/licensing/usage/organizations?organizationUid=${org.organizationUid}&serverType=VSPC`,
      { token },
    );
    expect(one.json.data).toHaveLength(1);
    expect((await checked(sim, 'GET', '/api/v3/licensing/usage/organizations?serverUid=x', { token })).status).toBe(
      400,
    );
    expect(
      (await checked(sim, 'GET', '/api/v3/licensing/usage/organizations?organizationType=Alien', { token })).status,
    ).toBe(400);
  });

  it('async actions: records of sync writes, config, request data, result, cancel', async () => {
    const id = randomUUID();
    const uid = sim.state.inventory.backupServers[0]!.backupServerUid;
    await checked(sim, 'POST', `/api/v3/licensing/backupServers/${uid}/update`, {
      token,
      headers: { 'x-request-id': id },
    });
    expect((await checked(sim, 'GET', '/api/v3/asyncActions', { token })).json.data.length).toBeGreaterThan(0);
    expect((await checked(sim, 'GET', '/api/v3/asyncActions/config', { token })).status).toBe(200);
    expect((await checked(sim, 'GET', `/api/v3/asyncActions/${id}`, { token })).json.data.status).toBe('succeed');
    expect((await checked(sim, 'GET', `/api/v3/asyncActions/${randomUUID()}`, { token })).status).toBe(404);
    const attached = await checked(sim, 'PUT', `/api/v3/asyncActions/${id}/requestData`, {
      token,
      json: { requestBody: '{}', queryParameters: { select: ['a'] } },
    });
    expect(attached.json.data.queryParameters).toEqual({ select: ['a'] });
    expect((await checked(sim, 'GET', `/api/v3/asyncActions/${id}/result`, { token })).status).toBe(200);
    expect((await checked(sim, 'DELETE', `/api/v3/asyncActions/${id}/result`, { token })).status).toBe(200);
    expect((await checked(sim, 'GET', `/api/v3/asyncActions/${id}/result`, { token })).status).toBe(404);
    expect((await checked(sim, 'DELETE', `/api/v3/asyncActions/${id}`, { token })).status).toBe(200);
  });

  it('async mode: 202 with an empty body, running, then the normal result', async () => {
    const asyncToken = (
      await call(asyncSim, 'POST', '/api/v3/token', {
        headers: form,
        body: 'grant_type=password&username=a&password=b',
      })
    ).json.access_token;
    const id = randomUUID();
    const uid = asyncSim.state.inventory.voneServers[0]!.vOneServerUid;
    const accepted = await checked(asyncSim, 'PATCH', `/api/v3/licensing/voneServers/${uid}`, {
      token: asyncToken,
      headers: { 'x-request-id': id },
      json: patchBody('/autoUpdateEnabled', 'false'),
    });
    expect(accepted.status).toBe(202);
    expect((await checked(asyncSim, 'GET', `/api/v3/asyncActions/${id}`, { token: asyncToken })).json.data.status).toBe(
      'running',
    );
    expect((await checked(asyncSim, 'GET', `/api/v3/asyncActions/${id}/result`, { token: asyncToken })).status).toBe(
      400,
    );
    expect(asyncSim.asyncActions.finish(id)).toBe(true);
    const result = await checked(asyncSim, 'GET', `/api/v3/asyncActions/${id}/result`, { token: asyncToken });
    expect(validateResponse('PatchVOneServerLicense', 200, result.bytes).errors).toEqual([]);
    const failing = randomUUID();
    await checked(asyncSim, 'POST', `/api/v3/licensing/voneServers/${randomUUID()}/update`, {
      token: asyncToken,
      headers: { 'x-request-id': failing },
    });
    expect(asyncSim.asyncActions.finish(failing)).toBe(true);
    const failed = await checked(asyncSim, 'GET', `/api/v3/asyncActions/${failing}`, { token: asyncToken });
    expect(failed.json.errors[0].code).toBe(404);
  });

  it('covered every operation of the document with a success and errors with their shape', () => {
    const missing = operations()
      .filter((op) => ![...(seen.get(op.operationId) ?? [])].some((status) => status < 300))
      .map((op) => op.operationId);
    expect(missing).toEqual([]);
    expect(operations()).toHaveLength(42);
    const errorStatuses = new Set([...seen.values()].flatMap((s) => [...s].filter((status) => status >= 400)));
    expect([...errorStatuses].sort()).toEqual([400, 401, 404, 520]);
  });
});
