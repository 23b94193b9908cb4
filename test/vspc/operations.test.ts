/**
 * Every typed operation (34 licensing, /token, 7 /asyncActions) sends the method, path, query and
 * body the OpenAPI document says, and reads the documented answer.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VspcClient } from '../../src/vspc/index.js';
import { envelope, testClient } from './support/client.js';
import { fixture } from './support/fixtures.js';
import { type RecordedRequest, type ScriptedServer, startScriptedServer } from './support/scripted-server.js';

const UID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const RID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const FILE = { name: 'rental.lic', bytes: new Uint8Array([0x3c, 0x4c, 0x69, 0x63, 0x00, 0xff, 0x0d, 0x0a, 0x80]) };
const PATCH_ON = [{ op: 'replace', path: '/autoUpdateEnabled', value: 'true' }];

let server: ScriptedServer;
let client: VspcClient;
beforeAll(async () => {
  server = await startScriptedServer();
  client = testClient(server).client;
});
afterAll(async () => {
  await client.close();
  await server.stop();
});
afterEach(() => server.reset());

const site = fixture('v3-get-site-license.json');
const vbr = fixture('v3-get-backup-server-license.json');
const vone = fixture('v3-get-vone-server-license.json');
const vb365 = fixture('v3-get-vb365-server-license.json');
const consoleLicense = fixture('v3-get-console-license.json');
const reports = fixture('v3-get-licensing-reports.json');
const empty = fixture('v3-empty-response.json');
const action = envelope({
  id: RID,
  initiatorUid: UID,
  actionName: 'UpdateSiteLicense',
  status: 'running',
  queryParameters: { a: ['b'] },
});

interface Case {
  operation: string;
  method: string;
  path: string;
  reply: unknown;
  call: (c: VspcClient) => Promise<unknown>;
  query?: Record<string, string>;
  body?: unknown;
  check?: (result: unknown) => void;
  writes?: boolean;
}

const licenseCases = (
  name: string,
  base: string,
  one: unknown,
  resource: (
    c: VspcClient,
  ) => VspcClient['backupServers'] | VspcClient['voneServers'] | VspcClient['vb365Servers'] | VspcClient['sites'],
): Case[] => [
  { operation: `Get ${name}`, method: 'GET', path: `${base}/${UID}`, reply: one, call: (c) => resource(c).get(UID) },
  {
    operation: `Install ${name}`,
    method: 'PUT',
    path: `${base}/${UID}`,
    reply: one,
    call: (c) => resource(c).install(UID, FILE, { requestId: RID }),
    writes: true,
  },
  {
    operation: `Patch ${name}`,
    method: 'PATCH',
    path: `${base}/${UID}`,
    reply: one,
    call: (c) => resource(c).setAutoUpdate(UID, true, { requestId: RID }),
    body: PATCH_ON,
    writes: true,
  },
  {
    operation: `Update ${name}`,
    method: 'POST',
    path: `${base}/${UID}/update`,
    reply: one,
    call: (c) => resource(c).update(UID, { requestId: RID }),
    writes: true,
  },
];

const CASES: Case[] = [
  {
    operation: 'GetSiteLicenses',
    method: 'GET',
    path: '/licensing/sites',
    reply: fixture('v3-get-site-licenses.json'),
    call: (c) => c.sites.list(),
    check: (r) => expect(r).toHaveLength(3),
  },
  ...licenseCases('site', '/licensing/sites', site, (c) => c.sites),
  {
    operation: 'GetBackupServersLicenses',
    method: 'GET',
    path: '/licensing/backupServers',
    query: { limit: '500', offset: '0' },
    reply: fixture('v3-get-backup-servers-licenses.json'),
    call: (c) => c.backupServers.list(),
    check: (r) => expect(r).toHaveLength(3),
  },
  ...licenseCases('vbr', '/licensing/backupServers', vbr, (c) => c.backupServers),
  {
    operation: 'DeleteBackupServerLicense',
    method: 'DELETE',
    path: `/licensing/backupServers/${UID}`,
    query: { sectionForDelete: 'Socket' },
    reply: empty,
    call: (c) => c.backupServers.delete(UID, 'Socket', { requestId: RID }),
    writes: true,
  },
  {
    operation: 'DeleteBackupServerLicense (default All)',
    method: 'DELETE',
    path: `/licensing/backupServers/${UID}`,
    query: { sectionForDelete: 'All' },
    reply: empty,
    call: (c) => c.backupServers.delete(UID),
  },
  {
    operation: 'GetVOneServersLicenses',
    method: 'GET',
    path: '/licensing/voneServers',
    query: { limit: '500', offset: '0' },
    reply: fixture('v3-get-vone-servers-licenses.json'),
    call: (c) => c.voneServers.list(),
    check: (r) => expect(r).toHaveLength(2),
  },
  ...licenseCases('vone', '/licensing/voneServers', vone, (c) => c.voneServers),
  {
    operation: 'DeleteVOneServerLicense',
    method: 'DELETE',
    path: `/licensing/voneServers/${UID}`,
    query: {},
    reply: empty,
    call: (c) => c.voneServers.delete(UID, { requestId: RID }),
    writes: true,
  },
  {
    operation: 'GetVb365ServersLicenses',
    method: 'GET',
    path: '/licensing/vb365Servers',
    query: { limit: '500', offset: '0' },
    reply: fixture('v3-get-vb365-servers-licenses.json'),
    call: (c) => c.vb365Servers.list(),
    check: (r) => expect(r).toHaveLength(4),
  },
  ...licenseCases('vb365', '/licensing/vb365Servers', vb365, (c) => c.vb365Servers),
  {
    operation: 'GetConsoleLicenseInformation',
    method: 'GET',
    path: '/licensing/console',
    reply: consoleLicense,
    call: (c) => c.console.get(),
    check: (r) => expect(r).toMatchObject({ instances: 824, status: 'Valid' }),
  },
  {
    operation: 'InstallConsoleLicense',
    method: 'PUT',
    path: '/licensing/console',
    reply: consoleLicense,
    call: (c) => c.console.install(FILE, { requestId: RID }),
    writes: true,
  },
  {
    operation: 'UpdateConsoleLicense',
    method: 'POST',
    path: '/licensing/console/update',
    reply: consoleLicense,
    call: (c) => c.console.update({ requestId: RID }),
    writes: true,
  },
  {
    operation: 'GetConsoleLicenseSettings',
    method: 'GET',
    path: '/licensing/console/settings',
    reply: fixture('v3-get-console-license-settings.json'),
    call: (c) => c.console.settings(),
    check: (r) => expect(r).toEqual({ isAutoUpdateEnabled: false }),
  },
  {
    operation: 'GetLicensingReports',
    method: 'GET',
    path: '/licensing/reports',
    query: { limit: '500', offset: '0' },
    reply: reports,
    call: (c) => c.reports.all().all(),
    check: (r) => expect(r).toHaveLength(2),
  },
  {
    operation: 'GetLatestLicensingReports',
    method: 'GET',
    path: '/licensing/reports/latest',
    query: { limit: '500', offset: '0' },
    reply: reports,
    call: (c) => c.reports.latest().all(),
  },
  {
    operation: 'GetLicensingReportsForDate',
    method: 'GET',
    path: '/licensing/reports/2025-07-01',
    query: { limit: '500', offset: '0' },
    reply: reports,
    call: (c) => c.reports.forDate('2025-07-01').all(),
  },
  {
    operation: 'FinalizeLicensingReports',
    method: 'POST',
    path: '/licensing/reports/finalization',
    reply: fixture('v3-finalize-licensing-reports.json'),
    call: (c) => c.reports.finalize({ requestId: RID }),
    writes: true,
    check: (r) => expect(r).toEqual({ reportApprovalStatus: 'Finalization', message: 'Finalization' }),
  },
  {
    operation: 'GetLicensingReportsSettings',
    method: 'GET',
    path: '/licensing/reports/settings',
    reply: fixture('v3-get-licensing-reports-settings.json'),
    call: (c) => c.reports.settings(),
    check: (r) => expect(r).toEqual({ autoApprove: true }),
  },
  {
    operation: 'PatchLicensingReportsSettings',
    method: 'PATCH',
    path: '/licensing/reports/settings',
    reply: envelope({ autoApprove: false }),
    call: (c) => c.reports.setAutoApprove(false, { requestId: RID }),
    writes: true,
    body: [{ op: 'replace', path: '/autoApprove', value: 'false' }],
  },
  {
    operation: 'GetOrganizationsLicenseUsage',
    method: 'GET',
    path: '/licensing/usage/organizations',
    // Usage pages are sized by bytes: one organization first (the fixture answers all four).
    query: { organizationType: 'Company', serverType: 'CloudConnect', limit: '1', offset: '0' },
    reply: fixture('v3-get-organizations-license-usage.json'),
    call: (c) => c.usage.organizations({ organizationType: 'Company', serverType: 'CloudConnect' }).all(),
    check: (r) => expect(r).toHaveLength(4),
  },
  {
    operation: 'OAuth2IssueToken',
    method: 'POST',
    path: '/token',
    reply: { access_token: 'x', expires_in: 3600 },
    call: (c) => c.token.issue({ grant_type: 'mfa', mfa_token: 'm', mfa_code: '123456' }),
    check: (r) => expect(r).toMatchObject({ access_token: 'x' }),
  },
  {
    operation: 'GetAsyncActionsInfo',
    method: 'GET',
    path: '/asyncActions',
    reply: envelope([action.data]),
    call: (c) => c.asyncActions.list(),
    check: (r) => expect(r).toHaveLength(1),
  },
  {
    operation: 'GetAsyncActionsConfig',
    method: 'GET',
    path: '/asyncActions/config',
    reply: envelope({ resultRetentionTime: 5 }),
    call: (c) => c.asyncActions.config(),
    check: (r) => expect(r).toEqual({ resultRetentionTime: 5 }),
  },
  {
    operation: 'GetAsyncActionInfo',
    method: 'GET',
    path: `/asyncActions/${RID}`,
    reply: action,
    call: (c) => c.asyncActions.get(RID),
    check: (r) => expect(r).toMatchObject({ action: { status: 'running' }, errors: [] }),
  },
  {
    operation: 'CancelAsyncAction',
    method: 'DELETE',
    path: `/asyncActions/${RID}`,
    reply: empty,
    call: (c) => c.asyncActions.cancel(RID),
  },
  {
    operation: 'AttachRequestDataToAsyncAction',
    method: 'PUT',
    path: `/asyncActions/${RID}/requestData`,
    reply: action,
    call: (c) => c.asyncActions.attachRequestData(RID, { requestBody: '{}', queryParameters: { a: ['b'] } }),
    body: { requestBody: '{}', queryParameters: { a: ['b'] } },
  },
  {
    operation: 'GetAsyncActionResult',
    method: 'GET',
    path: `/asyncActions/${RID}/result`,
    reply: site,
    call: (c) => c.asyncActions.result(RID),
    check: (r) => expect(r).toEqual(site),
  },
  {
    operation: 'ClearAsyncActionResult',
    method: 'DELETE',
    path: `/asyncActions/${RID}/result`,
    reply: empty,
    call: (c) => c.asyncActions.clearResult(RID),
  },
];

describe('every operation', () => {
  it('covers the 34 licensing operations, /token and the 7 /asyncActions operations', () => {
    const distinct = new Set(
      CASES.map(
        (c) => `${c.method} ${c.path.replace(UID, '{uid}').replace(RID, '{id}').replace('2025-07-01', '{date}')}`,
      ),
    );
    // CSV download is tested on its own below: 41 here + 1.
    expect(distinct.size + 1).toBe(42);
  });

  it.each(CASES.map((c) => [c.operation, c] as const))('%s', async (_name, c) => {
    server.on(c.method, `/api/v3${c.path}`, { json: c.reply });
    const result = await c.call(client);
    c.check?.(result);
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0] as RecordedRequest;
    if (c.query) expect(Object.fromEntries(req.query)).toEqual(c.query);
    if (c.body !== undefined) {
      expect(req.headers['content-type']).toBe('application/json');
      expect(JSON.parse(req.body.toString())).toEqual(c.body);
    }
    if (c.writes) expect(req.headers['x-request-id']).toBe(RID);
    const noRequestId = c.path.startsWith('/asyncActions') || c.path === '/token';
    if (noRequestId) expect(req.headers['x-request-id']).toBeUndefined();
    else expect(req.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('bodies exactly as the schema says', () => {
  it('PATCH auto-update sends the JSON Patch with a string value', async () => {
    server.on('PATCH', `/api/v3/licensing/backupServers/${UID}`, { json: vbr });
    await client.backupServers.setAutoUpdate(UID, false);
    expect(server.requests[0]?.body.toString()).toBe('[{"op":"replace","path":"/autoUpdateEnabled","value":"false"}]');
  });

  it('install sends multipart with the file field `license` carrying the exact bytes', async () => {
    server.on('PUT', `/api/v3/licensing/vb365Servers/${UID}`, { json: vb365 });
    await client.vb365Servers.install(UID, FILE);
    const req = server.requests[0] as RecordedRequest;
    expect(req.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(req.body, {
      headers: { 'content-type': String(req.headers['content-type']) },
    }).formData();
    expect([...form.keys()]).toEqual(['license']);
    const file = form.get('license') as File;
    expect(file.name).toBe('rental.lic');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(FILE.bytes);
  });

  it('a retried install sends the same bytes again', async () => {
    server.script('PUT', '/api/v3/licensing/console', [{ status: 520 }, { json: consoleLicense }]);
    await client.console.install(FILE, { requestId: RID });
    const bodies = server.requests.map((r) => r.body.length);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toBeGreaterThan(FILE.bytes.length);
    expect(bodies[0]).toBe(bodies[1]);
  });

  it('CSV download asks for octet-stream and returns the bytes as sent', async () => {
    const csv = Buffer.from('Organization;Points\r\nAlpha;161\r\n\u00e9', 'utf8');
    server.on('GET', '/api/v3/licensing/reports/17/csv', {
      bytes: csv,
      headers: { 'content-type': 'application/octet-stream' },
    });
    const bytes = await client.reports.csv(17);
    expect(Buffer.from(bytes).equals(csv)).toBe(true);
    expect(server.requests[0]?.headers.accept).toBe('application/octet-stream');
  });

  it('a write whose answer does not match the schema still resolves (null), since VSPC did it', async () => {
    server.on('POST', `/api/v3/licensing/sites/${UID}/update`, { json: { data: { unexpected: true } } });
    await expect(client.sites.update(UID)).resolves.toBeNull();
  });

  it('bad report arguments are refused before any request', async () => {
    expect(() => client.reports.forDate('July')).toThrow('report date must be YYYY-MM-DD');
    expect(() => client.reports.csv(-1)).toThrow('report id must be a non-negative integer');
    expect(server.requests).toHaveLength(0);
  });
});
