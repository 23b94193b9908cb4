import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VspcAuthError } from '../../src/vspc/index.js';
import { envelope, FAKE_API_KEY, FAKE_PASSWORD, FAKE_USERNAME, testClient } from './support/client.js';
import { fixture } from './support/fixtures.js';
import { type RecordedRequest, type ScriptedServer, startScriptedServer } from './support/scripted-server.js';

const passwordAuth = { type: 'password', username: FAKE_USERNAME, password: FAKE_PASSWORD } as const;

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => server.stop());
afterEach(() => server.reset());

/** A token endpoint that hands out `ACCESS-s3cr3t-<n>` / `REFRESH-s3cr3t-<n>` and counts grants. */
function tokenEndpoint(expiresIn = 3600) {
  const grants: string[] = [];
  let issued = 0;
  server.on('POST', '/api/v3/token', (req) => {
    const form = new URLSearchParams(req.body.toString('utf8'));
    grants.push(form.get('grant_type') ?? '');
    issued++;
    return {
      json: {
        access_token: `ACCESS-s3cr3t-${issued}`,
        refresh_token: `REFRESH-s3cr3t-${issued}`,
        token_type: 'bearer',
        expires_in: expiresIn,
      },
    };
  });
  return { grants, current: () => `ACCESS-s3cr3t-${issued}` };
}

const bearerOf = (req: RecordedRequest) => req.headers.authorization;

describe('authentication', () => {
  it('sends an API key as the bearer value, with the client version and a request id', async () => {
    server.on('GET', '/api/v3/licensing/console/settings', { json: envelope({ isAutoUpdateEnabled: true }) });
    const { client } = testClient(server);
    await expect(client.console.settings()).resolves.toMatchObject({ isAutoUpdateEnabled: true });
    const [req] = server.requests;
    expect(bearerOf(req as RecordedRequest)).toBe(`Bearer ${FAKE_API_KEY}`);
    expect(req?.headers['x-client-version']).toBe('3.6.1');
    expect(req?.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    await client.close();
  });

  it('logs in with the password grant as form-urlencoded, without bearer or request id', async () => {
    tokenEndpoint();
    server.on('GET', '/api/v3/licensing/sites', { json: fixture('v3-get-site-licenses.json') });
    const { client } = testClient(server, { auth: passwordAuth, clientVersion: '3.6' });
    const sites = await client.sites.list();
    expect(sites).toHaveLength(3);
    const [tokenReq, sitesReq] = server.requests;
    expect(tokenReq?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenReq?.body.toString()))).toEqual({
      grant_type: 'password',
      username: FAKE_USERNAME,
      password: FAKE_PASSWORD,
    });
    expect(tokenReq?.headers.authorization).toBeUndefined();
    expect(tokenReq?.headers['x-request-id']).toBeUndefined();
    expect(tokenReq?.headers['x-client-version']).toBe('3.6');
    expect(sitesReq?.headers.authorization).toBe('Bearer ACCESS-s3cr3t-1');
    await client.close();
  });

  it('20 concurrent calls that meet a 401 share exactly one token refresh', async () => {
    const tokens = tokenEndpoint();
    let revoked: string | null = null;
    server.on('GET', '/api/v3/licensing/console/settings', (req) =>
      req.headers.authorization === `Bearer ${revoked}`
        ? { status: 401, json: { errors: [{ message: 'token expired', type: 'security', code: 401 }] }, delayMs: 5 }
        : { json: envelope({ isAutoUpdateEnabled: false }), delayMs: 5 },
    );
    const { client } = testClient(server, { auth: passwordAuth });
    await client.console.settings();
    revoked = tokens.current();
    const results = await Promise.all(Array.from({ length: 20 }, () => client.console.settings()));
    expect(results.every((r) => r.isAutoUpdateEnabled === false)).toBe(true);
    expect(tokens.grants).toEqual(['password', 'refresh_token']);
    const afterRefresh = server.requestsTo('GET', '/api/v3/licensing/console/settings').slice(1);
    expect(afterRefresh.filter((r) => r.headers.authorization === 'Bearer ACCESS-s3cr3t-2')).toHaveLength(20);
    await client.close();
  });

  it('20 concurrent first calls share one login', async () => {
    const tokens = tokenEndpoint();
    server.on('GET', '/api/v3/licensing/console/settings', { json: envelope({ isAutoUpdateEnabled: false }) });
    const { client } = testClient(server, { auth: passwordAuth });
    await Promise.all(Array.from({ length: 20 }, () => client.console.settings()));
    expect(tokens.grants).toEqual(['password']);
    await client.close();
  });

  it('renews the token before it expires, with the refresh-token grant', async () => {
    const tokens = tokenEndpoint(3600);
    server.on('GET', '/api/v3/licensing/console/settings', { json: envelope({ isAutoUpdateEnabled: false }) });
    let clock = 1_000_000;
    const { client } = testClient(server, { auth: passwordAuth, now: () => clock });
    await client.console.settings();
    clock += 3_550_000; // 50 s before expiry: inside the renewal margin
    await client.console.settings();
    expect(tokens.grants).toEqual(['password', 'refresh_token']);
    const refreshForm = new URLSearchParams(server.requestsTo('POST', '/api/v3/token')[1]?.body.toString());
    expect(refreshForm.get('refresh_token')).toBe('REFRESH-s3cr3t-1');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer ACCESS-s3cr3t-2');
    await client.close();
  });

  it('falls back to the password grant when the refresh token is refused', async () => {
    const grants: string[] = [];
    server.on('POST', '/api/v3/token', (req) => {
      const grant = new URLSearchParams(req.body.toString()).get('grant_type') ?? '';
      grants.push(grant);
      if (grant === 'refresh_token')
        return { status: 400, json: { error: 'invalid_grant', error_description: 'refresh token expired' } };
      return {
        json: { access_token: `ACCESS-s3cr3t-${grants.length}`, refresh_token: 'REFRESH-s3cr3t-x', expires_in: 60 },
      };
    });
    server.on('GET', '/api/v3/licensing/console/settings', { json: envelope({ isAutoUpdateEnabled: false }) });
    let clock = 0;
    const { client } = testClient(server, { auth: passwordAuth, now: () => clock });
    await client.console.settings();
    clock += 59_000;
    await client.console.settings();
    expect(grants).toEqual(['password', 'refresh_token', 'password']);
    await client.close();
  });

  it('a refused login is a VspcAuthError with VSPC description and no password', async () => {
    server.on('POST', '/api/v3/token', {
      status: 400,
      json: {
        error: 'invalid_request',
        error_description: `Cannot complete login for ${FAKE_USERNAME} / ${FAKE_PASSWORD}`,
      },
    });
    const { client } = testClient(server, { auth: passwordAuth });
    const error = await client.console.settings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VspcAuthError);
    expect((error as Error).message).toContain('Cannot complete login');
    expect((error as Error).message).not.toContain(FAKE_PASSWORD);
    expect(server.requestsTo('POST', '/api/v3/token')).toHaveLength(1);
    await client.close();
  });

  it('an API key answered with 401 is an auth error at once (nothing to renew)', async () => {
    server.on('GET', '/api/v3/licensing/console', {
      status: 401,
      json: { errors: [{ message: 'bad key', type: 'security', code: 401 }] },
    });
    const { client } = testClient(server);
    await expect(client.console.get()).rejects.toBeInstanceOf(VspcAuthError);
    expect(server.requests).toHaveLength(1);
    await client.close();
  });
});
