import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UnsupportedOperationError } from '../../../src/licenses/backend.js';
import type { License } from '../../../src/licenses/model.js';
import { V3LicensingBackend } from '../../../src/licenses/v3/index.js';
import { envelope, testClient, vspcError } from '../../vspc/support/client.js';
import { fixture } from '../../vspc/support/fixtures.js';
import { type ScriptedServer, startScriptedServer } from '../../vspc/support/scripted-server.js';

const RID = '2c1b8a7e-6d5f-4e3c-9b2a-1f0e9d8c7b6a';
const ctx = { requestId: RID };

let server: ScriptedServer;
let backend: V3LicensingBackend;
beforeAll(async () => {
  server = await startScriptedServer();
  backend = new V3LicensingBackend(testClient(server).client);
});
afterAll(async () => {
  await backend.close();
  await server.stop();
});
afterEach(() => server.reset());

const paged = (name: string) => fixture(name);

describe('reading licenses (seed payloads)', () => {
  it('maps lowercase site licenses of the older docs (valid, instances, backup)', async () => {
    server.on('GET', '/api/v3/licensing/sites', { json: fixture('v3-get-site-licenses-lowercase.json') });
    const licenses = await backend.listLicenses('site');
    expect(licenses).toEqual<License[]>([
      {
        kind: 'site',
        uid: '120f1c58-76d4-4b5b-993d-9983554c5f6f',
        company: 'Alpha',
        type: 'Rental',
        edition: 'Enterprise Plus',
        status: 'Valid',
        statusMessage: null,
        expirationDate: '2020-09-29T10:00:00+03:00',
        supportExpirationDate: '2020-09-29T10:00:00+03:00',
        autoUpdateEnabled: false,
        units: [{ unit: 'instances', used: 2000, licensed: 3000 }],
        licenseIds: ['0475892457'],
        supportIds: ['00276360'],
        sectionTypes: ['Instance'],
      },
      {
        kind: 'site',
        uid: 'ebfd705f-9832-4472-9914-0013af5ae98f',
        company: 'Beta',
        type: 'Rental',
        edition: 'Standard',
        status: 'Valid',
        statusMessage: null,
        expirationDate: '2020-12-30T11:00:00+03:00',
        supportExpirationDate: null,
        autoUpdateEnabled: false,
        units: [{ unit: 'points', used: 850, licensed: 1000 }],
        licenseIds: ['7305768396'],
        supportIds: ['00123456'],
        sectionTypes: ['Instance'],
      },
    ]);
  });

  it('maps the lowercase VBR license of the "get VBR license" page', async () => {
    const uid = '120f1c58-76d4-4b5b-993d-9983554c5f6f';
    server.on('GET', `/api/v3/licensing/backupServers/${uid}`, {
      json: fixture('v3-get-backup-server-license-lowercase.json'),
    });
    const license = await backend.getLicense('vbr', uid);
    expect(license).toMatchObject({
      kind: 'vbr',
      uid,
      company: 'Alpha',
      status: 'Valid',
      type: 'Rental',
      expirationDate: '2020-09-09T10:00:00+03:00',
      units: [{ unit: 'instances', used: 0, licensed: 1000 }],
      supportIds: ['00276360'],
      licenseIds: [],
      sectionTypes: ['Instance'],
    });
  });

  it('maps VBR sockets and capacity when the license has them', async () => {
    const wire = fixture('v3-get-backup-servers-licenses.json');
    wire.data[0] = {
      ...wire.data[0],
      sockets: 16,
      usedSockets: 12,
      capacity: 10,
      usedCapacity: 2.5,
      unitType: 'Unknown',
    };
    server.on('GET', '/api/v3/licensing/backupServers', { json: wire });
    const [first, second] = await backend.listLicenses('vbr');
    expect(first?.units).toEqual([
      { unit: 'units', used: 0, licensed: 1000 },
      { unit: 'sockets', used: 12, licensed: 16 },
      { unit: 'capacity (TB)', used: 2.5, licensed: 10 },
    ]);
    expect(second?.units).toEqual([{ unit: 'points', used: 0, licensed: 1000 }]);
  });

  it('maps Veeam ONE licenses with their status message and single ids', async () => {
    server.on('GET', '/api/v3/licensing/voneServers', { json: paged('v3-get-vone-servers-licenses.json') });
    const [first, second] = await backend.listLicenses('vone');
    expect(first).toMatchObject({
      kind: 'vone',
      uid: 'fbf6c357-50c6-4ad7-8f61-0fd71ad8fb4c',
      statusMessage: 'Valid (347 days until expiration)',
      autoUpdateEnabled: true,
      units: [{ unit: 'points', used: 18, licensed: 10000 }],
      licenseIds: ['687097ac-ba17-0098-94bf-264be7e81bab'],
      supportIds: ['12345678'],
      edition: null,
    });
    expect(second?.units).toEqual([{ unit: 'units', used: 0, licensed: 10000 }]);
  });

  it('maps VB365 users and an unlicensed server full of nulls', async () => {
    server.on('GET', '/api/v3/licensing/vb365Servers', { json: paged('v3-get-vb365-servers-licenses.json') });
    const licenses = await backend.listLicenses('vb365');
    expect(licenses).toHaveLength(4);
    expect(licenses[0]?.units).toEqual([{ unit: 'users', used: 7, licensed: 9999 }]);
    expect(licenses[3]).toMatchObject({
      uid: '2820441e-7705-4ccf-8cac-74d5d5b6f9d8',
      company: null,
      status: 'Unlicensed',
      type: 'Community',
      expirationDate: null,
      licenseIds: [],
      supportIds: [],
    });
  });

  it('reads the console license with uid `console` and auto-update from its settings', async () => {
    server.on('GET', '/api/v3/licensing/console', { json: fixture('v3-get-console-license.json') });
    server.on('GET', '/api/v3/licensing/console/settings', { json: envelope({ isAutoUpdateEnabled: true }) });
    const [license] = await backend.listLicenses('console');
    expect(license).toEqual<License>({
      kind: 'console',
      uid: 'console',
      company: 'My Company',
      type: 'Rental',
      edition: 'Enterprise Plus',
      status: 'Valid',
      statusMessage: 'Valid (1171 days until expiration)',
      expirationDate: '2026-04-04T09:00:00.0000000+02:00',
      supportExpirationDate: null,
      autoUpdateEnabled: true,
      units: [{ unit: 'instances', used: 0, licensed: 824 }],
      licenseIds: ['d688a7d8-fc04-5cad-37fa-e7774c4d5c34'],
      supportIds: ['02436535'],
      sectionTypes: [],
    });
  });

  it('console auto-update is null when the settings cannot be read', async () => {
    server.on('GET', '/api/v3/licensing/console', { json: fixture('v3-get-console-license.json') });
    server.on('GET', '/api/v3/licensing/console/settings', { status: 403, json: vspcError('not allowed', 403) });
    await expect(backend.getLicense('console', 'console')).resolves.toMatchObject({ autoUpdateEnabled: null });
  });

  it('keeps enum values it does not know, as sent', async () => {
    const wire = fixture('v3-get-site-licenses.json');
    wire.data[0].status = 'QuantumLocked';
    wire.data[0].type = 'rental';
    server.on('GET', '/api/v3/licensing/sites', { json: wire });
    const [license] = await backend.listLicenses('site');
    expect(license).toMatchObject({ status: 'QuantumLocked', type: 'Rental' });
  });
});

describe('capabilities', () => {
  it('says what v3 can do per kind', () => {
    const table = Object.fromEntries(
      (['console', 'site', 'vbr', 'vone', 'vb365'] as const).map((kind) => [
        kind,
        (['list', 'get', 'update', 'install', 'autoupdate', 'delete'] as const).filter((c) =>
          backend.supports(kind, c),
        ),
      ]),
    );
    expect(table).toEqual({
      console: ['list', 'get', 'update', 'install'],
      site: ['list', 'get', 'update', 'install', 'autoupdate'],
      vbr: ['list', 'get', 'update', 'install', 'autoupdate', 'delete'],
      vone: ['list', 'get', 'update', 'install', 'autoupdate', 'delete'],
      vb365: ['list', 'get', 'update', 'install', 'autoupdate'],
    });
  });

  it('refuses console auto-update and site/vb365/console delete without calling VSPC', async () => {
    await expect(backend.setAutoUpdate('console', 'console', true, ctx)).rejects.toBeInstanceOf(
      UnsupportedOperationError,
    );
    await expect(backend.setAutoUpdate('console', 'console', true, ctx)).rejects.toThrow(
      'autoupdate of console licenses is not available on VSPC API v3',
    );
    for (const kind of ['site', 'vb365', 'console'] as const) {
      await expect(backend.deleteLicense(kind, 'x', null, ctx)).rejects.toBeInstanceOf(UnsupportedOperationError);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('writes carry the pending action id', () => {
  const uid = '47664f7a-8f3f-4275-91fc-89a119b5497f';

  it('auto-update on a VBR license: JSON Patch, X-Request-id, mapped answer', async () => {
    const answer = fixture('v3-get-backup-server-license.json');
    answer.data.autoUpdateEnabled = true;
    server.on('PATCH', `/api/v3/licensing/backupServers/${uid}`, { json: answer });
    const license = await backend.setAutoUpdate('vbr', uid, true, ctx);
    expect(license?.autoUpdateEnabled).toBe(true);
    const [req] = server.requests;
    expect(req?.headers['x-request-id']).toBe(RID);
    expect(JSON.parse(req?.body.toString() ?? '')).toEqual([
      { op: 'replace', path: '/autoUpdateEnabled', value: 'true' },
    ]);
  });

  it('deletes a VBR section (All by default) and a Veeam ONE license', async () => {
    server.on('DELETE', `/api/v3/licensing/backupServers/${uid}`, { json: fixture('v3-empty-response.json') });
    server.on('DELETE', `/api/v3/licensing/voneServers/${uid}`, { json: fixture('v3-empty-response.json') });
    await backend.deleteLicense('vbr', uid, 'Instance', ctx);
    await backend.deleteLicense('vbr', uid, null, ctx);
    await backend.deleteLicense('vone', uid, 'Socket', ctx);
    expect(
      server.requests.map((r) => [r.method, r.path, r.query.get('sectionForDelete'), r.headers['x-request-id']]),
    ).toEqual([
      ['DELETE', `/api/v3/licensing/backupServers/${uid}`, 'Instance', RID],
      ['DELETE', `/api/v3/licensing/backupServers/${uid}`, 'All', RID],
      ['DELETE', `/api/v3/licensing/voneServers/${uid}`, null, RID],
    ]);
  });

  it('updates and installs site, VB365 and console licenses', async () => {
    server.on('POST', `/api/v3/licensing/sites/${uid}/update`, { json: fixture('v3-get-site-license.json') });
    server.on('PUT', `/api/v3/licensing/vb365Servers/${uid}`, { json: fixture('v3-get-vb365-server-license.json') });
    server.on('POST', '/api/v3/licensing/console/update', { json: fixture('v3-get-console-license.json') });
    server.on('PUT', '/api/v3/licensing/console', { json: { data: 'not a license' } });
    server.on('GET', '/api/v3/licensing/console/settings', { json: envelope({ isAutoUpdateEnabled: false }) });
    const file = { name: 'a.lic', bytes: new Uint8Array([1, 2, 3]), sha256: 'x' };
    expect((await backend.updateLicense('site', uid, ctx))?.kind).toBe('site');
    expect((await backend.installLicense('vb365', uid, file, ctx))?.kind).toBe('vb365');
    expect(await backend.updateLicense('console', 'console', ctx)).toMatchObject({
      uid: 'console',
      autoUpdateEnabled: false,
    });
    expect(await backend.installLicense('console', 'console', file, ctx)).toBeNull();
    const writes = server.requests.filter((r) => r.method !== 'GET');
    expect(writes.every((r) => r.headers['x-request-id'] === RID)).toBe(true);
  });
});

describe('reports, usage and recovery', () => {
  const reports = fixture('v3-get-licensing-reports.json');

  it('maps a usage report', async () => {
    server.on('GET', '/api/v3/licensing/reports', { json: reports });
    const [first] = await backend.listReports({ kind: 'all' });
    expect(first).toEqual({
      reportId: 1,
      status: 'ApprovalRequired',
      organizationName: 'My Company',
      organizationUid: '138f54fc-8bac-5603-85d3-a5be7b3386a6',
      licenseCompanyName: null,
      generationDate: '2025-08-08',
      intervalStart: '2025-07-01',
      intervalEnd: '2025-07-31',
      totalPoints: 161,
      products: [
        {
          productType: 'BackupAndReplication',
          licenseEdition: 'Enterprise Plus',
          totalPoints: 143,
          workloads: [
            { workloadType: 'Dynamic', description: 'NAS (250 GB)', usedPoints: 13, count: 1 },
            { workloadType: 'Dynamic', description: 'VM', usedPoints: 130, count: 10 },
          ],
        },
        {
          productType: 'VSPC',
          licenseEdition: 'Standard',
          totalPoints: 18,
          workloads: [
            { workloadType: 'Dynamic', description: 'Server agent', usedPoints: 13, count: 1 },
            { workloadType: 'Dynamic', description: 'Workstation agent', usedPoints: 5, count: 1 },
          ],
        },
      ],
      organizations: [{ name: 'Beta', type: 'Reseller', usedPoints: 161, uid: 'ac9d04a1-4a50-5890-8e82-1881bce59421' }],
      // The usage details itemize the reseller's company: points per organisation and product.
      organizationProducts: [
        {
          organizationUid: 'a69c7e6c-9dd3-4c3d-cdd2-a31353dd81ed',
          productType: 'BackupAndReplication',
          usedPoints: 143,
        },
      ],
      notCollectedCloudServers: [],
    });
  });

  it('reads the 3.5.1 spelling reportParemeters and skips reports without parameters', async () => {
    const old = structuredClone(reports);
    old.data[0].reportParemeters = old.data[0].reportParameters;
    delete old.data[0].reportParameters;
    delete old.data[1].reportParameters;
    old.data[0].reportStatus = 'approved';
    server.on('GET', '/api/v3/licensing/reports/latest', { json: old });
    const result = await backend.listReports({ kind: 'latest' });
    expect(result.map((r) => [r.reportId, r.status])).toEqual([[1, 'Approved']]);
  });

  it('pending = latest reports waiting for approval (any case)', async () => {
    const mixed = structuredClone(reports);
    mixed.data[0].reportStatus = 'Approved';
    mixed.data[1].reportStatus = 'approvalrequired';
    server.on('GET', '/api/v3/licensing/reports/latest', { json: mixed });
    const result = await backend.listReports({ kind: 'pending' });
    expect(result.map((r) => r.reportId)).toEqual([2]);
  });

  it('a month asks for its first day, and a bad month is refused', async () => {
    server.on('GET', '/api/v3/licensing/reports/2025-07-01', { json: reports });
    await expect(backend.listReports({ kind: 'month', month: '2025-07' })).resolves.toHaveLength(2);
    await expect(backend.listReports({ kind: 'month', month: '2025-13' })).rejects.toThrow('month must be YYYY-MM');
    expect(server.requests).toHaveLength(1);
  });

  it('downloads CSV, finalizes and toggles auto-approve', async () => {
    server.on('GET', '/api/v3/licensing/reports/2/csv', { text: 'x;y' });
    server.on('POST', '/api/v3/licensing/reports/finalization', {
      json: fixture('v3-finalize-licensing-reports.json'),
    });
    server.on('GET', '/api/v3/licensing/reports/settings', { json: fixture('v3-get-licensing-reports-settings.json') });
    server.on('PATCH', '/api/v3/licensing/reports/settings', { json: envelope({ autoApprove: false }) });
    expect(Buffer.from(await backend.reportCsv(2)).toString()).toBe('x;y');
    await expect(backend.finalizeReports(ctx)).resolves.toEqual({ status: 'Finalization', message: 'Finalization' });
    await expect(backend.getReportSettings()).resolves.toEqual({ autoApprove: true });
    await expect(backend.setAutoApprove(false, ctx)).resolves.toEqual({ autoApprove: false });
    const patch = server.requestsTo('PATCH', '/api/v3/licensing/reports/settings')[0];
    expect(JSON.parse(patch?.body.toString() ?? '')).toEqual([{ op: 'replace', path: '/autoApprove', value: 'false' }]);
    expect(patch?.headers['x-request-id']).toBe(RID);
  });

  it('a finalization answer it cannot read is reported as Unknown, not as a failure', async () => {
    server.on('POST', '/api/v3/licensing/reports/finalization', { json: { data: { odd: 1 } } });
    await expect(backend.finalizeReports(ctx)).resolves.toMatchObject({ status: 'Unknown' });
  });

  it('maps current usage and passes the filters', async () => {
    server.on('GET', '/api/v3/licensing/usage/organizations', {
      json: fixture('v3-get-organizations-license-usage.json'),
    });
    const usage = await backend.usage({ organizationType: 'Company', serverType: 'CloudConnect' });
    expect(usage).toHaveLength(4);
    expect(usage[0]).toMatchObject({
      organizationUid: '30780260-6bed-47eb-b1ac-d12de2ce5b9d',
      organizationType: 'Company',
      providerUid: 'e6057ff9-99f7-47c8-9d9b-7220a29ab33a',
    });
    expect(usage[0]?.servers[0]?.workloads[0]).toEqual({
      description: 'VM',
      unitType: 'Points',
      usedUnits: 0,
      rentalUnits: 0,
      newUnits: 33,
      usedCount: 0,
      rentalCount: 0,
      newCount: 3,
    });
    const query = server.requests[0]?.query;
    expect([query?.get('organizationType'), query?.get('serverType'), query?.get('organizationUid')]).toEqual([
      'Company',
      'CloudConnect',
      null,
    ]);
  });

  it('asyncActionState reads /asyncActions/{id}: states, VSPC messages, 404 → notFound', async () => {
    const info = (status: string) => ({ id: RID, initiatorUid: RID, actionName: 'x', status, queryParameters: {} });
    server.script('GET', `/api/v3/asyncActions/${RID}`, [
      { json: envelope(info('running')) },
      {
        json: {
          ...envelope(info('failed')),
          errors: [{ message: 'No connection to Veeam', type: 'transport', code: 5 }],
        },
      },
      { json: envelope(info('Paused')) },
      { status: 404, json: vspcError('unknown action', 404) },
    ]);
    await expect(backend.asyncActionState(RID)).resolves.toEqual({ status: 'running', errors: [] });
    await expect(backend.asyncActionState(RID)).resolves.toEqual({
      status: 'failed',
      errors: ['No connection to Veeam'],
    });
    await expect(backend.asyncActionState(RID)).resolves.toEqual({ status: 'running', errors: [] });
    await expect(backend.asyncActionState(RID)).resolves.toEqual({ status: 'notFound', errors: [] });
  });

  it('asyncActionState lets other failures through', async () => {
    server.on('GET', `/api/v3/asyncActions/${RID}`, { status: 403, json: vspcError('no', 403) });
    await expect(backend.asyncActionState(RID)).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('ping is an authenticated GET of the console settings', async () => {
    server.on('GET', '/api/v3/licensing/console/settings', { json: envelope({ isAutoUpdateEnabled: false }) });
    await backend.ping();
    expect(server.requests[0]?.headers.authorization).toMatch(/^Bearer /);
  });
});
