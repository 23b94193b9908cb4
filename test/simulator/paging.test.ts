/** limit/offset exactly like VSPC, and a 10,000-server collection read to the end. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { call, login } from './http.js';

describe('paging', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 21, vbr: 10_000, vone: 3, vb365: 3, sites: 4, companies: 30 });
    token = await login(sim);
  });
  afterAll(async () => {
    await sim.close();
  });

  it('defaults to limit 100, offset 0, and reports total/count/offset', async () => {
    const reply = await call(sim, 'GET', '/api/v3/licensing/backupServers', { token });
    expect(reply.json.meta.pagingInfo).toEqual({ total: 10_000, count: 100, offset: 0 });
    expect(reply.json.data).toHaveLength(100);
    expect(reply.json.errors).toBeNull();
  });

  it('applies offset before limit and returns a short last page', async () => {
    const reply = await call(sim, 'GET', '/api/v3/licensing/backupServers?limit=500&offset=9800', { token });
    expect(reply.json.meta.pagingInfo).toEqual({ total: 10_000, count: 200, offset: 9800 });
    expect(reply.json.data[0].backupServerUid).toBe(sim.state.inventory.backupServers[9800]!.backupServerUid);
  });

  it('answers an empty page past the end', async () => {
    const reply = await call(sim, 'GET', '/api/v3/licensing/backupServers?limit=10&offset=10000', { token });
    expect(reply.status).toBe(200);
    expect(reply.json.meta.pagingInfo).toEqual({ total: 10_000, count: 0, offset: 10_000 });
  });

  it.each(['0', '501', '-1', 'ten', '1.5'])('rejects limit=%s with 400', async (limit) => {
    const reply = await call(sim, 'GET', `/api/v3/licensing/backupServers?limit=${limit}`, { token });
    expect(reply.status).toBe(400);
    expect(reply.json.errors[0]).toMatchObject({ type: 'logical', code: 400 });
  });

  it('accepts the bounds 1 and 500 and rejects a negative offset', async () => {
    expect((await call(sim, 'GET', '/api/v3/licensing/backupServers?limit=1', { token })).json.data).toHaveLength(1);
    expect((await call(sim, 'GET', '/api/v3/licensing/backupServers?limit=500', { token })).json.data).toHaveLength(
      500,
    );
    expect((await call(sim, 'GET', '/api/v3/licensing/backupServers?offset=-1', { token })).status).toBe(400);
  });

  it('pages all 10,000 VBR licenses, each exactly once', async () => {
    const pages = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(sim, 'GET', `/api/v3/licensing/backupServers?limit=500&offset=${i * 500}`, { token }),
      ),
    );
    const uids = pages.flatMap((p) => p.json.data.map((l: { backupServerUid: string }) => l.backupServerUid));
    expect(uids).toHaveLength(10_000);
    expect(new Set(uids).size).toBe(10_000);
    expect(uids).toEqual(sim.state.inventory.backupServers.map((l) => l.backupServerUid));
  });

  it('does not page sites or async actions, and filters before paging', async () => {
    const sites = await call(sim, 'GET', '/api/v3/licensing/sites?limit=1', { token });
    expect(sites.json.data).toHaveLength(4);
    expect(sites.json.meta.pagingInfo).toEqual({ total: 4, count: 4, offset: 0 });
    const company = sim.state.inventory.backupServers[0]!.company;
    const filter = encodeURIComponent(
      `[{'property':'company','operation':'equals','collation':'ignorecase','value':'${company.toUpperCase()}'}]`,
    );
    const filtered = await call(sim, 'GET', `/api/v3/licensing/backupServers?filter=${filter}&limit=2`, { token });
    const expected = sim.state.inventory.backupServers.filter((l) => l.company === company).length;
    expect(filtered.json.meta.pagingInfo).toEqual({ total: expected, count: Math.min(2, expected), offset: 0 });
    const junk = await call(
      sim,
      'GET',
      '/api/v3/licensing/backupServers?filter=%7Bnot-json&sort=nope&select=x&limit=1',
      { token },
    );
    expect(junk.status).toBe(200);
  });

  it('sorts when asked', async () => {
    const sort = encodeURIComponent(JSON.stringify([{ property: 'units', direction: 'descending' }]));
    const reply = await call(sim, 'GET', `/api/v3/licensing/backupServers?sort=${sort}&limit=500`, { token });
    const units = reply.json.data.map((l: { units: number }) => l.units);
    expect(units).toEqual([...units].sort((a, b) => b - a));
    expect(units[0]).toBe(Math.max(...sim.state.inventory.backupServers.map((l) => l.units)));
  });
});
