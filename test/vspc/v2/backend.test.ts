import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedOperationError } from '../../../src/licenses/backend.js';
import type { License } from '../../../src/licenses/model.js';
import { createV2Backend, V2LicensingBackend } from '../../../src/licenses/v2/index.js';
import { VspcAuthError, VspcServerError } from '../../../src/vspc/index.js';
import { createVspcV2Client } from '../../../src/vspc/v2/index.js';
import { FAKE_PASSWORD, FAKE_USERNAME } from '../support/client.js';
import { fixture } from '../support/fixtures.js';
import { type ScriptedServer, startScriptedServer } from '../support/scripted-server.js';

const CC = '514c45eb-9543-4799-8003-1e59385b774c';
const ctx = { requestId: '11111111-2222-4333-8444-555566667777' };
const file = { name: 'cc.lic', bytes: new Uint8Array([9, 8, 7, 0, 255]), sha256: 'x' };

let server: ScriptedServer;
let backend: V2LicensingBackend;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => {
  await backend.close();
  await server.stop();
});

function tokenEndpoint() {
  const grants: string[] = [];
  server.on('POST', '/token', (req) => {
    grants.push(new URLSearchParams(req.body.toString()).get('grant_type') ?? '');
    return {
      json: {
        access_token: `ACCESS-v2-${grants.length}`,
        token_type: 'bearer',
        expires_in: 3599,
        refresh_token: 'REFRESH-v2',
      },
    };
  });
  return grants;
}

const newBackend = () =>
  new V2LicensingBackend(
    createVspcV2Client({
      url: server.url,
      auth: { type: 'password', username: FAKE_USERNAME, password: FAKE_PASSWORD },
      retry: { baseDelayMs: 1, maxDelayMs: 2, sleep: async () => {} },
    }),
  );

beforeAll(() => {
  backend = newBackend();
});
afterEach(() => server.reset());

const ccLicense = fixture('v2-get-cloudconnect-licenses.json')[0];

describe('v2 Cloud Connect licenses (seed)', () => {
  it('logs in at the root /token and maps the seed list, CC counters as units per workload', async () => {
    const grants = tokenEndpoint();
    server.on('GET', '/v2/licensing/cloudconnectLicenses', { json: fixture('v2-get-cloudconnect-licenses.json') });
    const licenses = await backend.listLicenses('site');
    expect(grants).toEqual(['password']);
    expect(licenses).toEqual<License[]>([
      {
        kind: 'site',
        uid: CC,
        company: 'Cloud Provider AG',
        type: 'Rental',
        edition: 'Enterprise Plus',
        status: 'Valid',
        statusMessage: null,
        expirationDate: '2020-10-24T21:00:00Z',
        supportExpirationDate: '2020-10-24T21:00:00Z',
        autoUpdateEnabled: null,
        units: [
          { unit: 'backups', used: 213, licensed: 501 },
          { unit: 'replicas', used: 94, licensed: 502 },
          { unit: 'instances', used: 0, licensed: 1000 },
        ],
        licenseIds: [],
        supportIds: ['987412365'],
        sectionTypes: [],
      },
    ]);
    const list = server.requestsTo('GET', '/v2/licensing/cloudconnectLicenses')[0];
    expect(list?.headers.authorization).toBe('Bearer ACCESS-v2-1');
    expect([list?.query.get('$top'), list?.query.get('$skip')]).toEqual(['500', '0']);
  });

  it('pages with $top/$skip until a short page', async () => {
    tokenEndpoint();
    server.on('GET', '/v2/licensing/backupserverLicenses', (req) => {
      const skip = Number(req.query.get('$skip'));
      const count = skip < 1000 ? 500 : 3;
      return { json: Array.from({ length: count }, (_, i) => ({ id: skip + i, backupServerName: `vbr${skip + i}` })) };
    });
    const licenses = await backend.listLicenses('vbr');
    expect(licenses).toHaveLength(1003);
    expect(new Set(licenses.map((l) => l.uid)).size).toBe(1003);
    expect(licenses[1002]?.uid).toBe('1002');
    expect(server.requestsTo('GET', '/v2/licensing/backupserverLicenses').map((r) => r.query.get('$skip'))).toEqual([
      '0',
      '500',
      '1000',
    ]);
  });

  it('takes an answer whole when the server ignores $top', async () => {
    tokenEndpoint();
    server.on('GET', '/v2/licensing/backupserverLicenses', {
      json: Array.from({ length: 600 }, (_, i) => ({ id: i })),
    });
    await expect(backend.listLicenses('vbr')).resolves.toHaveLength(600);
    expect(server.requestsTo('GET', '/v2/licensing/backupserverLicenses')).toHaveLength(1);
  });
});

describe('v2 writes', () => {
  it('PATCH auto-update sends {"autoUpdateEnabled": true} and reads the license back', async () => {
    tokenEndpoint();
    server.on('PATCH', `/v2/licensing/cloudconnectLicenses/${CC}`, {
      json: 'License key auto-update feature has been enabled.',
    });
    server.on('GET', `/v2/licensing/cloudconnectLicenses/${CC}`, { json: { ...ccLicense, autoUpdateEnabled: true } });
    const license = await backend.setAutoUpdate('site', CC, true, ctx);
    expect(license?.autoUpdateEnabled).toBe(true);
    const patch = server.requestsTo('PATCH', `/v2/licensing/cloudconnectLicenses/${CC}`)[0];
    expect(patch?.body.toString()).toBe('{"autoUpdateEnabled":true}');
  });

  it('update, install (multipart field `file`) and delete of a VBR license', async () => {
    tokenEndpoint();
    const path = '/v2/licensing/backupserverLicenses/7';
    server.on('POST', `${path}/update`, { json: 'License has been updated.' });
    server.on('PUT', path, { json: 'License has been installed.' });
    server.on('DELETE', path, { json: 'License has been deleted.' });
    server.on('GET', path, { status: 520, json: { message: 'down' } });
    await expect(backend.updateLicense('vbr', '7', ctx)).resolves.toBeNull();
    await expect(backend.installLicense('vbr', '7', file, ctx)).resolves.toBeNull();
    await backend.deleteLicense('vbr', '7', 'All', ctx);
    await backend.deleteLicense('vbr', '7', null, ctx);
    const put = server.requestsTo('PUT', path)[0];
    const form = await new Response(put?.body, {
      headers: { 'content-type': String(put?.headers['content-type']) },
    }).formData();
    const sent = form.get('file') as File;
    expect(sent.name).toBe('cc.lic');
    expect(new Uint8Array(await sent.arrayBuffer())).toEqual(file.bytes);
    expect(server.requestsTo('DELETE', path)).toHaveLength(2);
  });

  it('a failed write is not retried on v2 (no request-id deduplication)', async () => {
    tokenEndpoint();
    server.on('POST', `/v2/licensing/cloudconnectLicenses/${CC}/update`, {
      status: 500,
      json: { message: 'Update server unreachable' },
    });
    const error = await backend.updateLicense('site', CC, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VspcServerError);
    expect((error as Error).message).toBe(
      `VSPC POST /v2/licensing/cloudconnectLicenses/${CC}/update answered HTTP 500: Update server unreachable`,
    );
    expect(server.requestsTo('POST', `/v2/licensing/cloudconnectLicenses/${CC}/update`)).toHaveLength(1);
  });

  it('refuses to delete a single section on v2', async () => {
    await expect(backend.deleteLicense('vbr', '7', 'Socket', ctx)).rejects.toBeInstanceOf(UnsupportedOperationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('v2 console license settings', () => {
  const settings = {
    autoupdateEnabled: false,
    productName: 'Veeam Availability Console',
    status: 'valid',
    type: 'Rental',
    licenseEdition: 'Enterprise',
    licenseTo: 'Cloud Provider AG',
    licensesCount: 500,
    licensesUsedCount: 120,
    supportId: '0123',
    licenseId: 'abc',
    expirationDate: '2021-01-01T00:00:00Z',
  };

  it('reads the console license and switches its auto-update with {"autoupdateEnabled": bool}', async () => {
    tokenEndpoint();
    server.script('GET', '/v2/licenseSettings', [
      { json: settings },
      { json: { ...settings, autoupdateEnabled: true } },
    ]);
    server.on('PATCH', '/v2/licenseSettings', { json: 'Auto-update has been enabled.' });
    const [license] = await backend.listLicenses('console');
    expect(license).toMatchObject({
      uid: 'console',
      status: 'Valid',
      company: 'Cloud Provider AG',
      autoUpdateEnabled: false,
      units: [{ unit: 'instances', used: 120, licensed: 500 }],
    });
    const after = await backend.setAutoUpdate('console', 'console', true, ctx);
    expect(after?.autoUpdateEnabled).toBe(true);
    expect(server.requestsTo('PATCH', '/v2/licenseSettings')[0]?.body.toString()).toBe('{"autoupdateEnabled":true}');
    await backend.ping();
  });
});

describe('what v2 does not have', () => {
  it('capabilities per kind', () => {
    expect(backend.apiVersion).toBe('v2');
    expect(backend.supports('site', 'delete')).toBe(true);
    expect(backend.supports('vbr', 'install')).toBe(true);
    expect(backend.supports('console', 'autoupdate')).toBe(true);
    expect(backend.supports('console', 'update')).toBe(false);
    expect(backend.supports('vone', 'list')).toBe(false);
    expect(backend.supports('vb365', 'get')).toBe(false);
  });

  it('VONE, VB365, reports and usage are UnsupportedOperationError, without a request', async () => {
    const calls = [
      backend.listLicenses('vone'),
      backend.getLicense('vb365', 'x'),
      backend.updateLicense('console', 'console', ctx),
      backend.installLicense('vone', 'x', file, ctx),
      backend.setAutoUpdate('vb365', 'x', true, ctx),
      backend.deleteLicense('console', 'console', null, ctx),
      backend.listReports({ kind: 'latest' }),
      backend.reportCsv(1),
      backend.finalizeReports(ctx),
      backend.getReportSettings(),
      backend.setAutoApprove(true, ctx),
      backend.usage({}),
    ];
    for (const call of calls) {
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      expect((error as Error).message).toContain('not available on VSPC API v2');
    }
    expect(server.requests).toHaveLength(0);
    await expect(backend.asyncActionState(ctx.requestId)).resolves.toEqual({ status: 'notFound', errors: [] });
  });

  it('createV2Backend with an API key sends it as bearer', async () => {
    server.on('GET', '/v2/licenseSettings', { status: 401, json: { message: 'Authorization has been denied' } });
    const v2 = createV2Backend({ url: server.url, auth: { type: 'apiKey', apiKey: 'KEY-v2-abcdef' } });
    await expect(v2.ping()).rejects.toBeInstanceOf(VspcAuthError);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer KEY-v2-abcdef');
    await v2.close();
  });
});
