import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VspcAsyncActionError, VspcTimeoutError } from '../../src/vspc/index.js';
import { envelope, testClient } from './support/client.js';
import { fixture } from './support/fixtures.js';
import { type ScriptedServer, startScriptedServer } from './support/scripted-server.js';

const SITE = 'd83442bc-03fc-469b-be4e-f0761bfc9ddd';
const REQUEST_ID = '5b1f0e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => server.stop());
afterEach(() => server.reset());

const action = (id: string, status: string) =>
  envelope({
    id,
    initiatorUid: '00000000-0000-0000-0000-000000000001',
    actionName: 'UpdateSiteLicense',
    status,
    queryParameters: {},
  });

describe('202 answers', () => {
  it('polls /asyncActions/{X-Request-id} until succeed, then returns /result', async () => {
    server.on('POST', `/api/v3/licensing/sites/${SITE}/update`, { status: 202 });
    server.script(
      'GET',
      `/api/v3/asyncActions/${REQUEST_ID}`,
      [action(REQUEST_ID, 'running'), action(REQUEST_ID, 'Running'), action(REQUEST_ID, 'succeed')].map((json) => ({
        json,
      })),
    );
    server.on('GET', `/api/v3/asyncActions/${REQUEST_ID}/result`, { json: fixture('v3-patch-site-license.json') });
    const { client } = testClient(server);
    const license = await client.sites.update(SITE, { requestId: REQUEST_ID });
    expect(license?.autoUpdateEnabled).toBe(true);
    expect(server.requestsTo('GET', `/api/v3/asyncActions/${REQUEST_ID}`)).toHaveLength(3);
    const poll = server.requestsTo('GET', `/api/v3/asyncActions/${REQUEST_ID}`)[0];
    expect(poll?.headers['x-request-id']).toBeUndefined();
    await client.close();
  });

  it('reads the action id from Location when present', async () => {
    const other = '99999999-aaaa-4bbb-8ccc-dddddddddddd';
    server.on('GET', '/api/v3/licensing/console', {
      status: 202,
      headers: { location: `https://vspc:1280/api/v3/asyncActions/${other}` },
    });
    server.on('GET', `/api/v3/asyncActions/${other}`, { json: action(other, 'succeed') });
    server.on('GET', `/api/v3/asyncActions/${other}/result`, { json: fixture('v3-get-console-license.json') });
    const { client } = testClient(server);
    await expect(client.console.get()).resolves.toMatchObject({ instances: 824 });
    await client.close();
  });

  it('follows a 202 on a CSV download to the bytes of the result', async () => {
    server.on('GET', '/api/v3/licensing/reports/7/csv', { status: 202 });
    server.on('GET', /^\/api\/v3\/asyncActions\/[^/]+$/, (req) => ({
      json: action(req.path.split('/').at(-1) ?? '', 'succeed'),
    }));
    server.on('GET', /^\/api\/v3\/asyncActions\/[^/]+\/result$/, { text: 'a,b\r\n1,2\r\n' });
    const { client } = testClient(server);
    const bytes = await client.reports.csv(7);
    expect(Buffer.from(bytes).toString()).toBe('a,b\r\n1,2\r\n');
    expect(server.requests.at(-1)?.headers.accept).toBe('application/octet-stream');
    await client.close();
  });

  it.each(['failed', 'canceled'])(
    'an action that ends %s is a VspcAsyncActionError with VSPC messages',
    async (status) => {
      server.on('PATCH', `/api/v3/licensing/sites/${SITE}`, { status: 202 });
      server.on('GET', `/api/v3/asyncActions/${REQUEST_ID}`, {
        json: {
          ...action(REQUEST_ID, status),
          errors: [{ message: 'License server unreachable', type: 'transport', code: 7 }],
        },
      });
      const { client } = testClient(server);
      const error = await client.sites.setAutoUpdate(SITE, true, { requestId: REQUEST_ID }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VspcAsyncActionError);
      expect(error).toMatchObject({ requestId: REQUEST_ID, code: 7, endpoint: `PATCH /licensing/sites/${SITE}` });
      expect((error as Error).message).toBe(
        `VSPC async action for PATCH /licensing/sites/${SITE} ${status}: License server unreachable`,
      );
      await client.close();
    },
  );

  it('an action still running at the deadline is a VspcTimeoutError', async () => {
    server.on('POST', '/api/v3/licensing/console/update', { status: 202 });
    server.on('GET', `/api/v3/asyncActions/${REQUEST_ID}`, { json: action(REQUEST_ID, 'running') });
    const { client } = testClient(server, { asyncPoll: { initialDelayMs: 5, maxDelayMs: 10, timeoutMs: 60 } });
    const error = await client.console.update({ requestId: REQUEST_ID }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VspcTimeoutError);
    expect((error as Error).message).toContain('still running');
    await client.close();
  });
});
