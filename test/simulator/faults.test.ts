/** Fault hooks and fail rate, for the reliability tests of the client. */
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { call } from './http.js';

const KEY = 'test-api-key';
const sims: RunningSimulator[] = [];
async function start(options: Parameters<typeof startSimulator>[0] = {}) {
  const sim = await startSimulator({ vbr: 3, vone: 1, vb365: 1, sites: 1, ...options });
  sims.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

describe('fault hooks', () => {
  it('answers a status fault the given number of times, then normally', async () => {
    const sim = await start();
    sim.faults.push({ kind: 'status', status: 520, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call(sim, 'GET', '/api/v3/licensing/console', { token: KEY })).status);
    expect(statuses).toEqual([520, 520, 200]);
    expect(sim.faults).toHaveLength(0);
  });

  it('sends Retry-After with a 429, and a security error with a 401', async () => {
    const sim = await start();
    sim.faults.push({ kind: 'status', status: 429, retryAfter: 2 }, { kind: 'status', status: 401 });
    const limited = await call(sim, 'GET', '/api/v3/licensing/sites', { token: KEY });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.json.errors[0].type).toBe('retryableLogical');
    const denied = await call(sim, 'GET', '/api/v3/licensing/sites', { token: KEY });
    expect(denied.status).toBe(401);
    expect(denied.json.errors[0].type).toBe('security');
  });

  it('applies a fault only to matching requests', async () => {
    const sim = await start();
    sim.faults.push({ kind: 'status', status: 520, match: (r) => r.method === 'POST' });
    expect((await call(sim, 'GET', '/api/v3/licensing/console', { token: KEY })).status).toBe(200);
    expect((await call(sim, 'POST', '/api/v3/licensing/console/update', { token: KEY })).status).toBe(520);
    expect((await call(sim, 'POST', '/api/v3/licensing/console/update', { token: KEY })).status).toBe(200);
  });

  it('resets the connection before the write happens', async () => {
    const sim = await start();
    const license = sim.state.inventory.backupServers[0]!;
    const before = license.expirationDate;
    sim.faults.push({ kind: 'reset' });
    await expect(
      call(sim, 'POST', `/api/v3/licensing/backupServers/${license.backupServerUid}/update`, { token: KEY }),
    ).rejects.toThrow();
    expect(license.expirationDate).toBe(before);
    expect(sim.writes()).toHaveLength(1);
  });

  it('truncates the body after the write happened', async () => {
    const sim = await start();
    const license = sim.state.inventory.backupServers[1]!;
    const before = license.expirationDate;
    sim.faults.push({ kind: 'truncate' });
    await expect(
      call(sim, 'POST', `/api/v3/licensing/backupServers/${license.backupServerUid}/update`, { token: KEY }),
    ).rejects.toThrow();
    expect(license.expirationDate).not.toBe(before);
  });

  it('hangs until the client gives up, and close() still ends', async () => {
    const sim = await start();
    sim.faults.push({ kind: 'hang' });
    const aborted = fetch(`${sim.url}/api/v3/licensing/console`, {
      headers: { authorization: `Bearer ${KEY}` },
      signal: AbortSignal.timeout(200),
    });
    await expect(aborted).rejects.toThrow();
    sim.faults.push({ kind: 'hang' });
    const pending = fetch(`${sim.url}/api/v3/licensing/console`, { headers: { authorization: `Bearer ${KEY}` } }).catch(
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sim.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('delays, and answers raw bodies such as malformed JSON', async () => {
    const sim = await start();
    sim.faults.push({ kind: 'delay', ms: 30 }, { kind: 'raw', status: 200, body: '{"data": [' });
    expect((await call(sim, 'GET', '/api/v3/licensing/console', { token: KEY })).status).toBe(200);
    const raw = await call(sim, 'GET', '/api/v3/licensing/console', { token: KEY });
    expect(raw.bytes.toString()).toBe('{"data": [');
    expect(raw.json).toBeUndefined();
  });

  it('fails every API request with fail rate 1, never with 0, and never the token call', async () => {
    const always = await start({ failRate: 1 });
    const reply = await call(always, 'GET', '/api/v3/licensing/console', { token: KEY });
    expect(reply.status).toBe(520);
    expect(reply.json.errors[0]).toMatchObject({ type: 'unspecified' });
    const token = await call(always, 'POST', '/api/v3/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=a&password=b',
    });
    expect(token.status).toBe(200);
    const never = await start({ failRate: 0 });
    const statuses = await Promise.all(
      Array.from(
        { length: 20 },
        async () => (await call(never, 'GET', '/api/v3/licensing/sites', { token: KEY })).status,
      ),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe('recording', () => {
  it('records method, path, query, headers and body bytes; writes() lists licensing writes', async () => {
    const sim = await start();
    const uid = sim.state.inventory.backupServers[0]!.backupServerUid;
    const requestId = 'a9a3bd1e-8c0c-4c36-9a2e-2cf1f5e1d5a1';
    await call(sim, 'GET', '/api/v3/licensing/backupServers?limit=2', { token: KEY });
    await call(sim, 'PATCH', `/api/v3/licensing/backupServers/${uid}`, {
      token: KEY,
      headers: { 'x-request-id': requestId },
      json: [{ op: 'replace', path: '/autoUpdateEnabled', value: 'true' }],
    });
    await call(sim, 'GET', `/api/v3/asyncActions/${requestId}`, { token: KEY });
    expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v3/licensing/backupServers',
      `PATCH /api/v3/licensing/backupServers/${uid}`,
      `GET /api/v3/asyncActions/${requestId}`,
    ]);
    expect(sim.requests[0]!.query).toEqual({ limit: '2' });
    const writes = sim.writes();
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ requestId, clientVersion: '3.6.1', status: 200 });
    expect(JSON.parse(writes[0]!.body.toString())).toEqual([
      { op: 'replace', path: '/autoUpdateEnabled', value: 'true' },
    ]);
    expect(writes[0]!.headers['x-request-id']).toBe(requestId);
  });
});
