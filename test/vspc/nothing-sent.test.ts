/**
 * "Nothing left the machine" is a known outcome: the request core marks a network error
 * `nothingSent` only when every attempt failed before a connection existed (refused, DNS, TLS
 * handshake). A server that accepted the connection and then reset it may have read the request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VspcNetworkError } from '../../src/vspc/errors.js';
import { provesNothingSent } from '../../src/vspc/nothing-sent.js';
import { freePort } from '../support/app.js';
import { FAKE_PASSWORD, FAKE_USERNAME, testClient } from './support/client.js';
import { type ScriptedServer, startScriptedServer } from './support/scripted-server.js';

const WRITE_ID = '6f1d2c3b-0000-4000-8000-00000000abcd';
const UID = '5f1c2a9e-1111-4222-8333-444455556666';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => server.stop());

async function failure(promise: Promise<unknown>): Promise<VspcNetworkError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(VspcNetworkError);
  return error as VspcNetworkError;
}

/** A loopback URL where nothing listens: the port was free a moment ago and nobody took it. */
async function deadUrl(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}

describe('the request core knows when nothing was sent', () => {
  it('a write to a port nothing listens on: every attempt refused, nothing sent, with the write’s own id', async () => {
    const { client, sleeps } = testClient(server, { url: await deadUrl() });
    const error = await failure(client.backupServers.update(UID, { requestId: WRITE_ID }));
    expect(error.nothingSent).toBe(true);
    expect(error.requestId).toBe(WRITE_ID);
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(sleeps).toHaveLength(3); // retried under the same id, each refused
    await client.close();
  });

  it('a server that accepts and then resets the connection: it may have read the write, so not "nothing sent"', async () => {
    server.reset();
    server.on('POST', `/api/v3/licensing/backupServers/${UID}/update`, { destroy: true });
    const { client } = testClient(server);
    const error = await failure(client.backupServers.update(UID, { requestId: WRITE_ID }));
    expect(error.nothingSent).toBe(false);
    expect(server.requests.filter((r) => r.method === 'POST').length).toBeGreaterThan(0);
    await client.close();
  });

  it('reset on the first attempt, refused on the retries: the first may have arrived, so not "nothing sent"', async () => {
    const flaky = await startScriptedServer();
    let stopped: Promise<void> | null = null;
    flaky.on('POST', `/api/v3/licensing/backupServers/${UID}/update`, () => {
      stopped ??= flaky.stop();
      return { destroy: true };
    });
    const { client, sleeps } = testClient(flaky);
    const error = await failure(client.backupServers.update(UID, { requestId: WRITE_ID }));
    await stopped;
    expect(sleeps.length).toBeGreaterThan(0);
    expect(error.message).toMatch(/ECONNREFUSED|ECONNRESET|other side closed|socket/i);
    expect(error.nothingSent).toBe(false);
    await client.close();
  });

  it('the token could not be fetched: the write itself was not sent and fails as unreachable', async () => {
    const { client } = testClient(server, {
      url: await deadUrl(),
      auth: { type: 'password', username: FAKE_USERNAME, password: FAKE_PASSWORD },
    });
    const error = await failure(client.backupServers.update(UID, { requestId: WRITE_ID }));
    expect(error.nothingSent).toBe(true);
    expect(error.requestId).toBe(WRITE_ID);
    expect(error.endpoint).toBe(`POST /licensing/backupServers/${UID}/update`);
    await client.close();
  });

  it('TLS that fails in the handshake (https to a plain HTTP port): nothing sent', async () => {
    server.reset();
    const { client } = testClient(server, { url: server.url.replace('http:', 'https:') });
    const error = await failure(client.backupServers.update(UID, { requestId: WRITE_ID }));
    expect(error.nothingSent).toBe(true);
    expect(server.requests).toHaveLength(0);
    await client.close();
  });
});

describe('provesNothingSent', () => {
  const coded = (code: string, syscall?: string) => Object.assign(new Error(code), { code, syscall });

  it.each([
    ['ECONNREFUSED', 'connect'],
    ['ENOTFOUND', 'getaddrinfo'],
    ['EAI_AGAIN', 'getaddrinfo'],
    ['UND_ERR_CONNECT_TIMEOUT', undefined],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', undefined],
    ['CERT_HAS_EXPIRED', undefined],
    ['ERR_TLS_CERT_ALTNAME_INVALID', undefined],
  ])('%s proves it', (code, syscall) => {
    expect(provesNothingSent(coded(code, syscall))).toBe(true);
    expect(provesNothingSent(new TypeError('fetch failed', { cause: coded(code, syscall) }))).toBe(true);
  });

  it.each([
    ['ECONNRESET', 'read'],
    ['EPIPE', 'write'],
    ['UND_ERR_SOCKET', undefined],
    ['UND_ERR_HEADERS_TIMEOUT', undefined],
    ['ECONNREFUSED', 'write'],
    ['ABORT_ERR', undefined],
  ])('%s (%s) does not', (code, syscall) => {
    expect(provesNothingSent(coded(code, syscall))).toBe(false);
  });

  it('several addresses (happy eyeballs): only when every one was refused', () => {
    const refused = coded('ECONNREFUSED', 'connect');
    expect(provesNothingSent(new AggregateError([refused, refused]))).toBe(true);
    expect(provesNothingSent(new AggregateError([refused, coded('ECONNRESET', 'read')]))).toBe(false);
  });
});
