/** The legacy v2 endpoints: bare JSON over the same inventory as v3, writes visible on both. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { call, licenseFile } from './http.js';

describe('REST v2 licensing', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 71, now: new Date('2026-09-01T00:00:00Z'), sites: 3, vbr: 8 });
    const reply = await call(sim, 'POST', '/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=vac&password=pw',
    });
    expect(reply.json).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    token = reply.json.access_token;
  });
  afterAll(async () => {
    await sim.close();
  });

  it('lists Cloud Connect licenses as a bare array with the v2 field names, one per site', async () => {
    const reply = await call(sim, 'GET', '/v2/Licensing/cloudconnectLicenses', { token });
    expect(Array.isArray(reply.json)).toBe(true);
    const sites = sim.state.inventory.sites;
    expect(reply.json.map((l: { id: string }) => l.id)).toEqual(sites.map((s) => s.siteUid));
    const first = reply.json[0];
    expect(first).toMatchObject({
      companyName: sites[0]!.company,
      licensedTo: sites[0]!.company,
      licenseType: 'Rental',
      totalInstances: sites[0]!.units,
      usedInstances: sites[0]!.usedUnits,
      licenseExpirationDate: new Date(sites[0]!.expirationDate!).toISOString().replace('.000Z', 'Z'),
    });
    for (const field of ['licensedCloudconnectBackups', 'usedCloudconnectReplicas', 'supportID', 'backupServerName']) {
      expect(first).toHaveProperty(field);
    }
    expect(first.backupServerName).toMatch(/^cc-site-\d\d$/);
  });

  it('pages with $top and $skip', async () => {
    const reply = await call(sim, 'GET', '/v2/licensing/backupserverLicenses?$top=3&$skip=2', { token });
    expect(reply.json.map((l: { id: string }) => l.id)).toEqual(
      sim.state.inventory.backupServers.slice(2, 5).map((l) => l.backupServerUid),
    );
    expect((await call(sim, 'GET', '/v2/licensing/backupserverLicenses?$top=x', { token })).status).toBe(400);
  });

  it('gets one license; unknown ids are 404, malformed ones 400; no token is 401', async () => {
    const vbr = sim.state.inventory.backupServers[0]!;
    const one = await call(sim, 'GET', `/v2/licensing/backupserverLicenses/${vbr.backupServerUid}`, { token });
    expect(one.json).toMatchObject({ id: vbr.backupServerUid, companyName: vbr.company, status: 'Error' });
    expect(
      (await call(sim, 'GET', '/v2/licensing/backupserverLicenses/00000000-0000-4000-8000-000000000000', { token }))
        .status,
    ).toBe(404);
    expect((await call(sim, 'GET', '/v2/licensing/backupserverLicenses/1', { token })).status).toBe(400);
    expect((await call(sim, 'GET', '/v2/licensing/backupserverLicenses')).status).toBe(401);
  });

  it('PATCH {"autoUpdateEnabled": bool} answers a message and shows on v3', async () => {
    const site = sim.state.inventory.sites[0]!;
    const off = await call(sim, 'PATCH', `/v2/licensing/cloudconnectLicenses/${site.siteUid}`, {
      token,
      json: { autoUpdateEnabled: false },
    });
    expect(off.json).toBe('License key auto-update feature has been disabled.');
    const v3 = await call(sim, 'GET', `/api/v3/licensing/sites/${site.siteUid}`, { token });
    expect(v3.json.data.autoUpdateEnabled).toBe(false);
    const on = await call(sim, 'PATCH', `/v2/licensing/cloudconnectLicenses/${site.siteUid}`, {
      token,
      json: { autoupdateEnabled: true },
    });
    expect(on.json).toBe('License key auto-update feature has been enabled.');
    expect(site.autoUpdateEnabled).toBe(true);
    const bad = await call(sim, 'PATCH', `/v2/licensing/cloudconnectLicenses/${site.siteUid}`, {
      token,
      json: [{ op: 'replace', path: '/autoUpdateEnabled', value: 'true' }],
    });
    expect(bad.status).toBe(400);
  });

  it('PUT installs the multipart field "file"; "license" is refused', async () => {
    const vbr = sim.state.inventory.backupServers[3]!;
    const ok = await call(sim, 'PUT', `/v2/licensing/backupserverLicenses/${vbr.backupServerUid}`, {
      token,
      body: licenseFile('v2 bytes', 'file', 'vbr.lic'),
    });
    expect(ok.json).toBe('License has been successfully installed.');
    expect(sim.state.uploads.at(-1)).toMatchObject({
      api: 'v2',
      kind: 'vbr',
      uid: vbr.backupServerUid,
      fileName: 'vbr.lic',
    });
    const wrongField = await call(sim, 'PUT', `/v2/licensing/backupserverLicenses/${vbr.backupServerUid}`, {
      token,
      body: licenseFile('x', 'license'),
    });
    expect(wrongField.status).toBe(400);
  });

  it('update renews and delete removes, on both APIs', async () => {
    const vbr = sim.state.inventory.backupServers[4]!;
    const before = vbr.expirationDate!;
    const updated = await call(sim, 'POST', `/v2/licensing/backupserverLicenses/${vbr.backupServerUid}/update`, {
      token,
    });
    expect(updated.json).toBe('License has been successfully updated.');
    expect(new Date(vbr.expirationDate!).getUTCFullYear()).toBe(new Date(before).getUTCFullYear() + 1);
    const site = sim.state.inventory.sites[2]!.siteUid;
    expect((await call(sim, 'DELETE', `/v2/licensing/cloudconnectLicenses/${site}`, { token })).json).toBe(
      'License has been successfully deleted.',
    );
    expect((await call(sim, 'GET', `/api/v3/licensing/sites/${site}`, { token })).status).toBe(404);
    expect((await call(sim, 'GET', `/v2/licensing/cloudconnectLicenses/${site}`, { token })).status).toBe(404);
  });

  it('licenseSettings reads and sets the console auto-update', async () => {
    const read = await call(sim, 'GET', '/v2/licenseSettings', { token });
    expect(read.json).toMatchObject({
      autoupdateEnabled: true,
      licenseTo: sim.state.inventory.console.licenseeCompany,
    });
    const off = await call(sim, 'PATCH', '/v2/licenseSettings', { token, json: { autoupdateEnabled: false } });
    expect(off.json).toBe('License key auto-update feature has been disabled.');
    const v3 = await call(sim, 'GET', '/api/v3/licensing/console/settings', { token });
    expect(v3.json.data).toEqual({ isAutoUpdateEnabled: false });
  });

  it('counts v2 writes among writes()', () => {
    const paths = sim.writes().map((w) => `${w.method} ${w.path.split('/').slice(0, 4).join('/')}`);
    expect(paths).toContain('PATCH /v2/licenseSettings');
    expect(paths).toContain('PUT /v2/licensing/backupserverLicenses');
  });
});
