import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  describeVspcError,
  errorClassForStatus,
  VspcAuthError,
  VspcConflictError,
  VspcError,
  VspcForbiddenError,
  VspcNotFoundError,
  VspcRateLimitError,
  VspcServerError,
  VspcTimeoutError,
  VspcUnexpectedResponseError,
  VspcValidationError,
  vspcErrorFromResponse,
} from '../../src/vspc/index.js';
import { envelope, FAKE_API_KEY, FAKE_PASSWORD, FAKE_USERNAME, testClient, vspcError } from './support/client.js';
import { type ScriptedServer, startScriptedServer } from './support/scripted-server.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => server.stop());
afterEach(() => server.reset());

describe('the error factory', () => {
  it.each([
    [400, VspcValidationError],
    [401, VspcAuthError],
    [403, VspcForbiddenError],
    [404, VspcNotFoundError],
    [408, VspcTimeoutError],
    [409, VspcConflictError],
    [410, VspcValidationError],
    [422, VspcValidationError],
    [429, VspcRateLimitError],
    [500, VspcServerError],
    [503, VspcServerError],
    [520, VspcServerError],
  ])('maps HTTP %i to %o', (status, expected) => {
    expect(errorClassForStatus(status)).toBe(expected);
    const error = vspcErrorFromResponse({
      status,
      body: JSON.stringify(vspcError('line one\r\nline two', 1001)),
      endpoint: 'PATCH /licensing/sites/x',
      requestId: 'req-1',
    });
    expect(error).toBeInstanceOf(expected);
    expect(error).toMatchObject({ status, endpoint: 'PATCH /licensing/sites/x', requestId: 'req-1', code: 1001 });
    expect(error.message).toBe(`VSPC PATCH /licensing/sites/x answered HTTP ${status}: line one line two`);
    expect(describeVspcError(error)).toBe(
      `line one line two · VSPC error code 1001 · HTTP ${status} · request id req-1`,
    );
  });

  it('survives a body that is not an error envelope, without quoting it', () => {
    const error = vspcErrorFromResponse({
      status: 502,
      body: '<html>proxy says no</html>',
      endpoint: 'GET /x',
      requestId: null,
    });
    expect(error).toBeInstanceOf(VspcServerError);
    expect(error.errors).toEqual([]);
    expect(error.message).not.toContain('proxy');
    expect(
      vspcErrorFromResponse({
        status: 500,
        body: '{"errors":[{"code":"x"},null,3]}',
        endpoint: 'GET /x',
        requestId: null,
      }).errors,
    ).toEqual([{ message: '', type: 'unspecified', code: 0 }]);
  });
});

describe('typed failures of the client', () => {
  it('malformed JSON is an unexpected-response error naming the endpoint', async () => {
    server.on('GET', '/api/v3/licensing/sites', { text: '{"data": [ {"siteUid": ' });
    const { client } = testClient(server);
    const error = await client.sites.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VspcUnexpectedResponseError);
    expect((error as VspcError).message).toBe('VSPC GET /licensing/sites answered HTTP 200 with malformed JSON');
    expect((error as VspcError).endpoint).toBe('GET /licensing/sites');
    await client.close();
  });

  it('a body of the wrong shape is an unexpected-response error with a schema summary, not the payload', async () => {
    server.on('GET', '/api/v3/licensing/sites', {
      json: { data: [{ siteUid: 'SECRET-PAYLOAD-VALUE', autoUpdateEnabled: 'yes' }] },
    });
    const { client } = testClient(server);
    const error = (await client.sites.list().catch((e: unknown) => e)) as VspcError;
    expect(error).toBeInstanceOf(VspcUnexpectedResponseError);
    expect(error.message).toContain('GET /licensing/sites');
    expect(error.message).toContain('autoUpdateEnabled');
    expect(error.message).not.toContain('SECRET-PAYLOAD-VALUE');
    await client.close();
  });

  it('a server slower than timeoutMs is a VspcTimeoutError', async () => {
    server.on('GET', '/api/v3/licensing/console', { json: envelope({}), delayMs: 1_000 });
    const { client } = testClient(server, { timeoutMs: 100, retry: { maxRetries: 0 } });
    const error = await client.console.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VspcTimeoutError);
    expect(error).toMatchObject({ endpoint: 'GET /licensing/console', status: 0 });
    expect((error as Error).message).toBe('VSPC GET /licensing/console did not answer within 100 ms');
    await client.close();
  });

  it('an unreachable server is a network error', async () => {
    const { client } = testClient(server, { url: 'http://127.0.0.1:1', retry: { maxRetries: 0 } });
    const error = (await client.console.get().catch((e: unknown) => e)) as VspcError;
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/^VSPC GET \/licensing\/console could not be reached \(/);
    await client.close();
  });

  it('bad options are clear errors', () => {
    expect(() => testClient(server, { url: 'not a url' })).toThrow('VSPC URL is not a valid URL');
    expect(() => testClient(server, { url: 'ftp://vspc.example.com' })).toThrow('must start with https:// or http://');
    expect(() => testClient(server, { url: 'https://vspc.example.com', caFile: '/nonexistent/ca.pem' })).toThrow(
      'cannot be read (ENOENT)',
    );
  });

  it('caller values cannot change the route', async () => {
    server.on('GET', /^\/api\/v3\/licensing\/sites\/.+/, { status: 404, json: vspcError('no such site', 404) });
    const { client } = testClient(server);
    await expect(client.sites.get('../console')).rejects.toBeInstanceOf(VspcNotFoundError);
    await expect(client.sites.get('a/b?c=d#e')).rejects.toBeInstanceOf(VspcNotFoundError);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/api/v3/licensing/sites/..%2Fconsole',
      '/api/v3/licensing/sites/a%2Fb%3Fc%3Dd%23e',
    ]);
    await expect(client.sites.get('..')).rejects.toBeInstanceOf(VspcValidationError);
    await expect(client.sites.get(' ')).rejects.toBeInstanceOf(VspcValidationError);
    expect(server.requests).toHaveLength(2);
    await client.close();
  });
});

describe('credentials never leak', () => {
  /** A VSPC that echoes everything it was sent back into its error messages. */
  function echoingServer() {
    const echo = (status: number) => (req: { headers: Record<string, unknown>; body: Buffer }) => ({
      status,
      json: vspcError(`you sent ${String(req.headers.authorization)} and ${req.body.toString()}`),
    });
    server.on('POST', '/api/v3/token', (req) => {
      const form = new URLSearchParams(req.body.toString());
      if (form.get('grant_type') === 'refresh_token') return echo(400)(req);
      return { json: { access_token: 'ACCESS-s3cr3t-token', refresh_token: 'REFRESH-s3cr3t-token', expires_in: 3600 } };
    });
    server.on('GET', '/api/v3/licensing/console', echo(520));
    server.on('GET', '/api/v3/licensing/sites', echo(401));
    server.on('POST', '/api/v3/licensing/console/update', echo(403));
  }

  const SECRETS = [FAKE_API_KEY, FAKE_PASSWORD, 'ACCESS-s3cr3t-token', 'REFRESH-s3cr3t-token'];

  function assertClean(texts: string[]) {
    for (const text of texts) for (const secret of SECRETS) expect(text).not.toContain(secret);
  }

  it('in error messages, VSPC errors[] and log lines, for API key and password auth', async () => {
    echoingServer();
    const errors: unknown[] = [];
    const lines: string[] = [];
    for (const auth of [
      { type: 'apiKey', apiKey: FAKE_API_KEY } as const,
      { type: 'password', username: FAKE_USERNAME, password: FAKE_PASSWORD } as const,
    ]) {
      const { client, logLines } = testClient(server, { auth });
      errors.push(await client.console.get().catch((e: unknown) => e));
      errors.push(await client.sites.list().catch((e: unknown) => e));
      errors.push(
        await client.console.update({ requestId: '0d6f3a52-1111-4222-8333-944455556666' }).catch((e: unknown) => e),
      );
      await client.close();
      lines.push(...logLines);
    }
    expect(errors.every((e) => e instanceof VspcError)).toBe(true);
    // The echo reached the client: scrubbing, not luck, keeps the secrets out.
    expect((errors[0] as VspcError).message).toContain('[redacted]');
    assertClean(errors.map((e) => `${(e as Error).message} ${JSON.stringify(e)} ${describeVspcError(e as VspcError)}`));
    expect(lines.length).toBeGreaterThan(5);
    assertClean(lines);
  });
});
