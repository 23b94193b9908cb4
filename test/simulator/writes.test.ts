/** Every write changes the state the way VSPC would, and the change is visible on the next read. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { call, licenseFile, login, patchBody } from './http.js';

const NOW = new Date('2026-05-20T10:00:00Z');
const year = (iso: string) => new Date(iso).getUTCFullYear();

describe('writes change the state', () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 31, now: NOW, vbr: 12, vone: 5, vb365: 3, sites: 2 });
    token = await login(sim);
  });
  afterAll(async () => {
    await sim.close();
  });

  it('install replaces the license and keeps the uploaded bytes with their sha256', async () => {
    const license = sim.state.inventory.backupServers[0]!;
    const oldIds = [...license.licenseIds];
    const reply = await call(sim, 'PUT', `/api/v3/licensing/backupServers/${license.backupServerUid}`, {
      token,
      body: licenseFile('<license>new</license>', 'license', 'contoso.lic'),
    });
    expect(reply.status).toBe(200);
    expect(reply.json.data.licenseIds).not.toEqual(oldIds);
    expect(reply.json.data.status).toBe('Valid');
    expect(year(reply.json.data.expirationDate)).toBe(2027);
    const upload = sim.state.uploads.at(-1)!;
    expect(upload).toMatchObject({ kind: 'vbr', uid: license.backupServerUid, fileName: 'contoso.lic', api: 'v3' });
    expect(upload.bytes.toString()).toBe('<license>new</license>');
    expect(upload.sha256).toBe(createHash('sha256').update('<license>new</license>').digest('hex'));
    const read = await call(sim, 'GET', `/api/v3/licensing/backupServers/${license.backupServerUid}`, { token });
    expect(read.json.data.licenseIds).toEqual(reply.json.data.licenseIds);
  });

  it('install without the license field is a 400 and changes nothing', async () => {
    const license = sim.state.inventory.voneServers[0]!;
    const before = JSON.stringify(license);
    const uploads = sim.state.uploads.length;
    const reply = await call(sim, 'PUT', `/api/v3/licensing/voneServers/${license.vOneServerUid}`, {
      token,
      body: licenseFile('x', 'file'),
    });
    expect(reply.status).toBe(400);
    expect(JSON.stringify(license)).toBe(before);
    expect(sim.state.uploads).toHaveLength(uploads);
  });

  it('update adds a year to the expiry and clears warnings', async () => {
    const warned = sim.state.inventory.voneServers.find((l) => l.status === 'Warning')!;
    const before = new Date(warned.expirationDate!);
    const reply = await call(sim, 'POST', `/api/v3/licensing/voneServers/${warned.vOneServerUid}/update`, { token });
    expect(reply.json.data.status).toBe('Valid');
    expect(reply.json.data.statusMessage).toMatch(/^Valid \(\d+ days until expiration\)$/);
    expect(new Date(reply.json.data.expirationDate).getUTCFullYear()).toBe(before.getUTCFullYear() + 1);
    const expired = sim.state.inventory.voneServers.find((l) => l.status === 'Expired')!;
    const renewed = await call(sim, 'POST', `/api/v3/licensing/voneServers/${expired.vOneServerUid}/update`, { token });
    expect(renewed.json.data.status).toBe('Valid');
    expect(new Date(renewed.json.data.expirationDate).getTime()).toBeGreaterThan(NOW.getTime() + 364 * 86_400_000);
  });

  it('patch flips auto-update, accepting the path in any case', async () => {
    const site = sim.state.inventory.sites[0]!;
    const target = !site.autoUpdateEnabled;
    const reply = await call(sim, 'PATCH', `/api/v3/licensing/sites/${site.siteUid}`, {
      token,
      json: patchBody('/AutoUpdateEnabled', String(target)),
    });
    expect(reply.json.data.autoUpdateEnabled).toBe(target);
    expect(site.autoUpdateEnabled).toBe(target);
  });

  it.each([
    ['a boolean value', [{ op: 'replace', path: '/autoUpdateEnabled', value: true }]],
    ['a read-only property', [{ op: 'replace', path: '/company', value: 'x' }]],
    ['a remove', [{ op: 'remove', path: '/autoUpdateEnabled', value: 'true' }]],
    ['a non-boolean string', [{ op: 'replace', path: '/autoUpdateEnabled', value: 'yes' }]],
    ['a bare object', { autoUpdateEnabled: true }],
  ])('rejects a patch with %s (400, code 1001)', async (_, body) => {
    const license = sim.state.inventory.vb365Servers[0]!;
    const before = license.autoUpdateEnabled;
    const reply = await call(sim, 'PATCH', `/api/v3/licensing/vb365Servers/${license.vb365ServerUid}`, {
      token,
      json: body,
    });
    expect(reply.status).toBe(400);
    expect(reply.json.errors[0].code).toBe(1001);
    expect(license.autoUpdateEnabled).toBe(before);
  });

  it('deletes a VBR section, then the whole license; deletes a VONE license', async () => {
    const inv = sim.state.inventory;
    const twoSections = inv.backupServers.find((l) => l.sectionTypes.length === 2)!;
    const uid = twoSections.backupServerUid;
    expect(
      (await call(sim, 'DELETE', `/api/v3/licensing/backupServers/${uid}?sectionForDelete=Socket`, { token })).status,
    ).toBe(200);
    expect(twoSections.sectionTypes).toEqual(['Instance']);
    expect(
      (await call(sim, 'DELETE', `/api/v3/licensing/backupServers/${uid}?sectionForDelete=Socket`, { token })).status,
    ).toBe(400);
    const count = inv.backupServers.length;
    expect(
      (await call(sim, 'DELETE', `/api/v3/licensing/backupServers/${uid}?sectionForDelete=All`, { token })).status,
    ).toBe(200);
    expect(inv.backupServers).toHaveLength(count - 1);
    expect((await call(sim, 'GET', `/api/v3/licensing/backupServers/${uid}`, { token })).status).toBe(404);
    const vone = inv.voneServers[1]!.vOneServerUid;
    expect((await call(sim, 'DELETE', `/api/v3/licensing/voneServers/${vone}`, { token })).json).toEqual({
      data: {},
      meta: null,
      errors: [],
    });
    expect((await call(sim, 'GET', `/api/v3/licensing/voneServers/${vone}`, { token })).status).toBe(404);
    // The server is still there: a new license file brings it back.
    expect(
      (await call(sim, 'PUT', `/api/v3/licensing/voneServers/${vone}`, { token, body: licenseFile('one') })).json.data
        .status,
    ).toBe('Valid');
  });

  it('sites and VB365 have no DELETE (405)', async () => {
    const site = sim.state.inventory.sites[1]!.siteUid;
    expect((await call(sim, 'DELETE', `/api/v3/licensing/sites/${site}`, { token })).status).toBe(405);
  });

  it('finalize approves the pending reports, once', async () => {
    const pending = sim.state.inventory.reports.filter((r) => r.reportStatus === 'ApprovalRequired');
    expect(pending.length).toBeGreaterThan(0);
    const reply = await call(sim, 'POST', '/api/v3/licensing/reports/finalization', { token });
    expect(reply.json.data).toMatchObject({ reportApprovalStatus: 'Finalized' });
    expect(pending.every((r) => r.reportStatus === 'Approved')).toBe(true);
    const again = await call(sim, 'POST', '/api/v3/licensing/reports/finalization', { token });
    expect(again.json.data.reportApprovalStatus).toBe('NotApprovable');
  });

  it('report settings patch flips autoApprove', async () => {
    const on = await call(sim, 'PATCH', '/api/v3/licensing/reports/settings', {
      token,
      json: patchBody('/autoApprove', 'true'),
    });
    expect(on.json.data).toEqual({ autoApprove: true });
    const read = await call(sim, 'GET', '/api/v3/licensing/reports/settings', { token });
    expect(read.json.data).toEqual({ autoApprove: true });
  });

  it('console install and update renew the console license', async () => {
    const reply = await call(sim, 'POST', '/api/v3/licensing/console/update', { token });
    expect(reply.json.data).toMatchObject({ status: 'Valid', lastUpdateStatus: 'Success' });
    expect(new Date(reply.json.data.lastUpdateDate).getTime()).toBe(NOW.getTime());
    await call(sim, 'PUT', '/api/v3/licensing/console', { token, body: licenseFile('vspc') });
    expect(sim.state.uploads.at(-1)).toMatchObject({ kind: 'console', uid: 'console' });
  });
});
