import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  VspcConflictError,
  VspcNetworkError,
  VspcNotFoundError,
  VspcRateLimitError,
  VspcServerError,
} from '../../src/vspc/index.js';
import { envelope, testClient, vspcError } from './support/client.js';
import { fixture } from './support/fixtures.js';
import { type ScriptedServer, startScriptedServer } from './support/scripted-server.js';

const VBR = '/api/v3/licensing/backupServers/120f1c58-76d4-4b5b-993d-9983554c5f6f';
const VBR_UID = '120f1c58-76d4-4b5b-993d-9983554c5f6f';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => server.stop());
afterEach(() => server.reset());

const ok = { json: fixture('v3-get-backup-server-license.json') };
const fail520 = { status: 520, json: vspcError('Internal error', 500) };

describe('retries of GET', () => {
  it('retries a 520 and returns the answer that follows', async () => {
    server.script('GET', VBR, [fail520, fail520, ok]);
    const { client, sleeps } = testClient(server);
    const license = await client.backupServers.get(VBR_UID);
    expect(license.backupServerUid).toBe('47664f7a-8f3f-4275-91fc-89a119b5497f');
    expect(server.requestsTo('GET', VBR)).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    await client.close();
  });

  it('honours Retry-After in seconds on a 429', async () => {
    server.script('GET', VBR, [{ status: 429, headers: { 'retry-after': '7' }, json: vspcError('slow down') }, ok]);
    const { client, sleeps } = testClient(server, {
      retry: { baseDelayMs: 1, sleep: async (ms) => void sleeps.push(ms) },
    });
    await client.backupServers.get(VBR_UID);
    expect(sleeps).toEqual([7000]);
    await client.close();
  });

  it('honours Retry-After as an HTTP date, capped by maxRetryAfterMs', async () => {
    const later = new Date(Date.now() + 3_600_000).toUTCString();
    server.script('GET', VBR, [{ status: 429, headers: { 'retry-after': later } }, ok]);
    const recorded: number[] = [];
    const { client } = testClient(server, {
      retry: { maxRetryAfterMs: 20_000, sleep: async (ms) => void recorded.push(ms) },
    });
    await client.backupServers.get(VBR_UID);
    expect(recorded).toEqual([20_000]);
    await client.close();
  });

  it('gives up after maxRetries with a typed server error', async () => {
    server.on('GET', VBR, fail520);
    const { client } = testClient(server);
    const error = await client.backupServers.get(VBR_UID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VspcServerError);
    expect(error).toMatchObject({ status: 520, endpoint: `GET /licensing/backupServers/${VBR_UID}`, code: 500 });
    expect(server.requestsTo('GET', VBR)).toHaveLength(4);
    await client.close();
  });

  it('does not retry a 404 or a 409', async () => {
    server.script('GET', VBR, [{ status: 404, json: vspcError('no such server', 404) }]);
    const { client } = testClient(server);
    await expect(client.backupServers.get(VBR_UID)).rejects.toBeInstanceOf(VspcNotFoundError);
    server.reset();
    server.script('GET', VBR, [{ status: 409, json: vspcError('busy') }]);
    await expect(client.backupServers.get(VBR_UID)).rejects.toBeInstanceOf(VspcConflictError);
    expect(server.requests).toHaveLength(1);
    await client.close();
  });

  it('retries a dropped connection on GET, and reports a network error when it persists', async () => {
    server.script('GET', VBR, [{ destroy: true }, ok]);
    const { client } = testClient(server);
    await expect(client.backupServers.get(VBR_UID)).resolves.toMatchObject({ autoUpdateEnabled: false });
    server.reset();
    server.on('GET', VBR, { destroy: true });
    await expect(client.backupServers.get(VBR_UID)).rejects.toBeInstanceOf(VspcNetworkError);
    expect(server.requests).toHaveLength(4);
    await client.close();
  });

  it('uses a fresh X-Request-id per logical GET but the same one across its retries', async () => {
    server.script('GET', VBR, [fail520, ok, ok]);
    const { client } = testClient(server);
    await client.backupServers.get(VBR_UID);
    await client.backupServers.get(VBR_UID);
    const ids = server.requests.map((r) => r.headers['x-request-id']);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    await client.close();
  });
});

describe('retries of writes', () => {
  it('a write WITHOUT a request id is not retried on 520 or 429', async () => {
    server.script('POST', `${VBR}/update`, [fail520, ok]);
    const { client } = testClient(server);
    await expect(client.backupServers.update(VBR_UID)).rejects.toBeInstanceOf(VspcServerError);
    server.reset();
    server.script('POST', `${VBR}/update`, [{ status: 429, headers: { 'retry-after': '1' } }, ok]);
    await expect(client.backupServers.update(VBR_UID)).rejects.toBeInstanceOf(VspcRateLimitError);
    expect(server.requests).toHaveLength(1);
    await client.close();
  });

  it('a write WITH a request id is retried with the same X-Request-id', async () => {
    const requestId = '6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09';
    server.script('POST', `${VBR}/update`, [fail520, { status: 429, headers: { 'retry-after': '0' } }, ok]);
    const { client } = testClient(server);
    const license = await client.backupServers.update(VBR_UID, { requestId });
    expect(license?.autoUpdateEnabled).toBe(false);
    const sent = server.requestsTo('POST', `${VBR}/update`).map((r) => r.headers['x-request-id']);
    expect(sent).toEqual([requestId, requestId, requestId]);
    await client.close();
  });

  it('does not resend a write once VSPC would have forgotten its request id (5 minutes)', async () => {
    let clock = 0;
    // The clock jumps past the idempotency window while the first attempt is out.
    server.script('POST', `${VBR}/update`, [
      () => {
        clock += 5 * 60_000;
        return fail520;
      },
      ok,
    ]);
    const { client } = testClient(server, { now: () => clock });
    const pending = client.backupServers.update(VBR_UID, { requestId: 'a1b2c3d4-0000-4000-8000-000000000001' });
    await expect(pending).rejects.toBeInstanceOf(VspcServerError);
    expect(server.requestsTo('POST', `${VBR}/update`)).toHaveLength(1);
    await client.close();
  });
});

describe('metrics hook', () => {
  it('reports every exchange with its operation and status', async () => {
    server.script('GET', '/api/v3/licensing/console/settings', [
      fail520,
      { json: envelope({ isAutoUpdateEnabled: true }) },
    ]);
    const seen: { operation: string; status: number }[] = [];
    const { client } = testClient(server, { onRequest: ({ operation, status }) => seen.push({ operation, status }) });
    await client.console.settings();
    expect(seen).toEqual([
      { operation: 'GetConsoleLicenseSettings', status: 520 },
      { operation: 'GetConsoleLicenseSettings', status: 200 },
    ]);
    await client.close();
  });
});
