/** `async: true`: writes answer 202, run once after a while, and their result can be fetched. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { call, eventually, login, patchBody } from './http.js';

describe('async mode', () => {
  // Actions of `sim` only finish when the test says so (no timer races on a busy machine);
  // `quick` shows that they also finish on their own.
  let sim: RunningSimulator;
  let quick: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 41, async: true, asyncDurationMs: 60_000, vbr: 5 });
    quick = await startSimulator({ seed: 42, async: true, asyncDurationMs: 50, vbr: 2 });
    token = await login(sim);
  });
  afterAll(async () => {
    await sim.close();
    await quick.close();
  });

  const status = async (id: string) =>
    (await call(sim, 'GET', `/api/v3/asyncActions/${id}`, { token })).json.data.status;

  it('answers 202 with Location = …/asyncActions/{X-Request-id}, applies the write once it succeeds', async () => {
    const license = sim.state.inventory.backupServers[0]!;
    const before = license.expirationDate;
    const id = randomUUID();
    const reply = await call(sim, 'POST', `/api/v3/licensing/backupServers/${license.backupServerUid}/update`, {
      token,
      headers: { 'x-request-id': id },
    });
    expect(reply.status).toBe(202);
    expect(reply.bytes).toHaveLength(0);
    expect(reply.headers.get('location')).toBe(`${sim.url}/api/v3/asyncActions/${id}`);
    expect(await status(id)).toBe('running');
    expect(license.expirationDate).toBe(before);
    expect((await call(sim, 'GET', `/api/v3/asyncActions/${id}/result`, { token })).status).toBe(400);
    expect(sim.asyncActions.finish(id)).toBe(true);
    expect(await status(id)).toBe('succeed');
    expect(license.expirationDate).not.toBe(before);
    const result = await call(sim, 'GET', `/api/v3/asyncActions/${id}/result`, { token });
    expect(result.status).toBe(200);
    expect(result.json.data.expirationDate).toBe(license.expirationDate);
    const info = (await call(sim, 'GET', `/api/v3/asyncActions/${id}`, { token })).json.data;
    expect(info).toMatchObject({ id, actionName: 'UpdateBackupServerLicense', status: 'succeed' });
  });

  it('makes up an id when the client sent none, and finishes on its own', async () => {
    const settings = await call(quick, 'PATCH', '/api/v3/licensing/reports/settings', {
      token: 'an-api-key',
      json: patchBody('/autoApprove', 'true'),
    });
    expect(settings.status).toBe(202);
    const id = /asyncActions\/([0-9a-f-]{36})$/.exec(settings.headers.get('location') ?? '')?.[1];
    expect(id).toBeDefined();
    await eventually(
      async () =>
        (await call(quick, 'GET', `/api/v3/asyncActions/${id}`, { token: 'an-api-key' })).json.data.status ===
        'succeed',
    );
    expect(quick.state.inventory.reportSettings.autoApprove).toBe(true);
  });

  it('a repeated request id gets the same 202 and the write happens once', async () => {
    const license = sim.state.inventory.backupServers[2]!;
    const id = randomUUID();
    const path = `/api/v3/licensing/backupServers/${license.backupServerUid}/update`;
    const first = await call(sim, 'POST', path, { token, headers: { 'x-request-id': id } });
    const second = await call(sim, 'POST', path, { token, headers: { 'x-request-id': id } });
    expect(second.status).toBe(202);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    const before = license.expirationDate;
    sim.asyncActions.finish(id);
    expect(sim.asyncActions.finish(id)).toBe(false);
    expect(new Date(license.expirationDate!).getUTCFullYear()).toBe(new Date(before!).getUTCFullYear() + 1);
  });

  it('reads are not async', async () => {
    expect((await call(sim, 'GET', '/api/v3/licensing/console', { token })).status).toBe(200);
  });

  it('a canceled action never writes', async () => {
    const license = sim.state.inventory.backupServers[1]!;
    const before = license.autoUpdateEnabled;
    const id = randomUUID();
    await call(sim, 'PATCH', `/api/v3/licensing/backupServers/${license.backupServerUid}`, {
      token,
      headers: { 'x-request-id': id },
      json: patchBody('/autoUpdateEnabled', String(!before)),
    });
    expect((await call(sim, 'DELETE', `/api/v3/asyncActions/${id}`, { token })).status).toBe(200);
    expect(sim.asyncActions.finish(id)).toBe(false);
    expect(await status(id)).toBe('canceled');
    expect(license.autoUpdateEnabled).toBe(before);
  });

  it('a failing write ends as failed with the error', async () => {
    const id = randomUUID();
    await call(sim, 'POST', `/api/v3/licensing/backupServers/${randomUUID()}/update`, {
      token,
      headers: { 'x-request-id': id },
    });
    sim.asyncActions.finish(id);
    expect(await status(id)).toBe('failed');
    const result = await call(sim, 'GET', `/api/v3/asyncActions/${id}/result`, { token });
    expect(result.status).toBe(404);
  });
});
