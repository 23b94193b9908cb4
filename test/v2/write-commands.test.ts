/**
 * Writes end to end on the legacy REST v2 API: the command posts an approval card, the approver's
 * signed Confirm click runs the write, and the simulator records exactly what reached "VSPC":
 * method, path and the body bytes. The card then ends with the outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../src/simulator/index.js';
import type { BackupServerLicense, SiteLicense } from '../../src/simulator/wire.js';
import type { TestBot } from '../support/app.js';
import { CLOUD_CONNECT_LICENSE } from './support/license-file.js';
import { ask, confirm, startV2Bot, submitInstall, waitForCard } from './support/v2-bot.js';

let t: TestBot;
beforeAll(async () => {
  t = await startV2Bot({ seed: 41, sites: 3, vbr: 6, vone: 1, vb365: 1, companies: 4 });
});
afterAll(async () => {
  await t?.stop();
});

const site = (i: number) => t.sim.state.list('site')[i] as SiteLicense;
const vbr = (i: number) => t.sim.state.list('vbr')[i] as BackupServerLicense;

/** The writes that reached the simulator since `before` (an index into its request log). */
const writesSince = (before: number): RecordedRequest[] =>
  t.sim.requests.slice(before).filter((r) => r.method !== 'GET' && r.path !== '/token');

/** Requests a command, confirms its card as the approver; returns the card's end and what was written. */
async function requestAndConfirm(text: string) {
  const since = t.fake.mark();
  const before = t.sim.requests.length;
  await t.command(text);
  const card = await waitForCard(t, since);
  expect(writesSince(before)).toEqual([]);
  const ended = await confirm(t, card);
  const action = await t.bot.services.store.getAction(card.actionId);
  return { card, ended, action, writes: writesSince(before) };
}

describe('license autoupdate site <id> on', () => {
  it('PATCHes exactly {"autoUpdateEnabled":true} to the Cloud Connect license and the card ends succeeded', async () => {
    const target = site(0);
    target.autoUpdateEnabled = false;
    const { ended, action, writes } = await requestAndConfirm(`license autoupdate site ${target.siteUid} on`);
    expect(writes).toHaveLength(1);
    const [patch] = writes;
    expect(patch?.method).toBe('PATCH');
    expect(patch?.path).toBe(`/v2/licensing/cloudconnectLicenses/${target.siteUid}`);
    expect(patch?.body.toString('utf8')).toBe('{"autoUpdateEnabled":true}');
    expect(String(patch?.headers['content-type'])).toMatch(/^application\/json/);
    expect(patch?.status).toBe(200);
    expect(action?.status).toBe('succeeded');
    expect(ended.text).toMatch(/^Done/);
    expect(ended.all).toContain('Automatic license update is now on');
    expect(target.autoUpdateEnabled).toBe(true);
  });
});

describe('license autoupdate console off', () => {
  it('PATCHes /v2/licenseSettings with the spelling v2 documents for it: {"autoupdateEnabled":false}', async () => {
    t.sim.state.inventory.consoleSettings.isAutoUpdateEnabled = true;
    t.bot.services.inventory.invalidate();
    const { ended, action, writes } = await requestAndConfirm('license autoupdate console off');
    expect(writes.map((w) => `${w.method} ${w.path} ${w.body.toString('utf8')}`)).toEqual([
      'PATCH /v2/licenseSettings {"autoupdateEnabled":false}',
    ]);
    expect(action?.status).toBe('succeeded');
    expect(ended.all).toContain('Automatic license update is now off');
    expect(t.sim.state.inventory.consoleSettings.isAutoUpdateEnabled).toBe(false);
  });
});

describe('license update vbr <id>', () => {
  it('POSTs to …/backupserverLicenses/{id}/update with no body and shows the renewed license', async () => {
    const target = vbr(0);
    const { ended, action, writes } = await requestAndConfirm(`license update vbr ${target.backupServerUid}`);
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `POST /v2/licensing/backupserverLicenses/${target.backupServerUid}/update`,
    ]);
    expect(writes[0]?.body.byteLength).toBe(0);
    expect(action?.status).toBe('succeeded');
    expect(ended.all).toContain('VSPC installed a fresh license');
    expect(ended.all).toContain(`expires ${new Date(target.expirationDate ?? 0).toISOString().slice(0, 10)}`);
  });
});

describe('license install site <id> through the modal', () => {
  it('sends a multipart PUT whose only field is "file" with the exact bytes of the uploaded file', async () => {
    const target = site(1);
    const opened = await t.command(`license install site ${target.siteUid}`);
    const form = await t.fake.waitFor(
      (c) => c.method === 'views.update' && JSON.stringify(c.params.view).includes('"install_license"'),
      { since: opened.since, timeoutMs: 8000 },
    );
    expect(JSON.stringify(form.params.view)).toContain(target.siteUid);

    const bytes = Buffer.from(CLOUD_CONNECT_LICENSE, 'utf8');
    const file = t.fake.hostFile({ name: 'skyline-cc.lic', bytes });
    const since = t.fake.mark();
    const before = t.sim.requests.length;
    const submitted = await submitInstall(t, { kind: 'site', uid: target.siteUid, file });
    expect(submitted.status).toBe(200);
    expect(submitted.json).toBeUndefined();
    const card = await waitForCard(t, since);
    expect(card.posted.all).toContain('skyline-cc.lic');
    const ended = await confirm(t, card);

    const writes = writesSince(before);
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `PUT /v2/licensing/cloudconnectLicenses/${target.siteUid}`,
    ]);
    const put = writes[0] as RecordedRequest;
    const contentType = String(put.headers['content-type']);
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const parts = await new Response(new Uint8Array(put.body), { headers: { 'content-type': contentType } }).formData();
    expect([...parts.keys()]).toEqual(['file']);
    const sent = parts.get('file') as File;
    expect(sent.name).toBe('skyline-cc.lic');
    expect(Buffer.from(await sent.arrayBuffer()).equals(bytes)).toBe(true);
    expect(ended.text).toMatch(/^Done/);
    expect(ended.all).toContain('VSPC installed skyline-cc.lic');
    expect(t.sim.state.uploads.at(-1)).toMatchObject({ api: 'v2', kind: 'site', uid: target.siteUid });
  });
});

describe('license delete vbr <id>', () => {
  it('sends DELETE to the backup-server license and the license is gone', async () => {
    const target = vbr(1);
    const { ended, action, writes } = await requestAndConfirm(`license delete vbr ${target.backupServerUid}`);
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([
      `DELETE /v2/licensing/backupserverLicenses/${target.backupServerUid}`,
    ]);
    expect(action?.status).toBe('succeeded');
    expect(ended.all).toContain('VSPC deleted the license');
    expect(t.sim.state.find('vbr', target.backupServerUid)).toBeUndefined();
  });

  it('deleting one section is refused before any card: v2 deletes a license whole', async () => {
    const target = vbr(2);
    const since = t.fake.mark();
    const before = t.sim.requests.length;
    const answer = await ask(t, `license delete vbr ${target.backupServerUid} instance`);
    expect(answer.text).toMatch(/no Instance section; it has: All/);
    // No card (the requester's DM about the previous test's action may still arrive meanwhile).
    const posts = t.fake.calls('chat.postMessage').filter((c) => c.seq > since && !/^U/.test(String(c.params.channel)));
    expect(posts).toEqual([]);
    expect(writesSince(before)).toEqual([]);
  });
});

describe('no write is ever retried on v2 (it has no request-id idempotence)', () => {
  it('a 520 on the update is reported on the card after exactly one POST', async () => {
    const target = vbr(3);
    t.sim.faults.push({
      kind: 'status',
      status: 520,
      message: 'Simulated VAC failure',
      times: 5,
      match: (r) => r.method === 'POST' && r.path.endsWith('/update'),
    });
    const { ended, action, writes } = await requestAndConfirm(`license update vbr ${target.backupServerUid}`);
    t.sim.faults.length = 0;
    expect(writes.map((w) => `${w.method} ${w.status}`)).toEqual(['POST 520']);
    // VSPC may have acted before it failed, and v2 keeps no record to ask: unknown, never "failed".
    expect(action?.status).toBe('unknown');
    expect(ended.text).toMatch(/^Outcome unknown/);
    expect(ended.all).toContain('520');
  });

  it('a connection reset during the PATCH is reported, not resent', async () => {
    const target = site(2);
    t.sim.faults.push({ kind: 'reset', times: 5, match: (r) => r.method === 'PATCH' });
    const { ended, action, writes } = await requestAndConfirm(`license autoupdate site ${target.siteUid} off`);
    t.sim.faults.length = 0;
    expect(writes.map((w) => w.method)).toEqual(['PATCH']);
    // The PATCH may have arrived before the reset: the card says to check VSPC rather than "failed".
    expect(action?.status).toBe('unknown');
    expect(ended.text).toMatch(/^Outcome unknown/);
  });

  it('reads, unlike writes, are retried: a 520 on the list is not seen by the user', async () => {
    t.bot.services.inventory.invalidate();
    t.sim.faults.push({
      kind: 'status',
      status: 520,
      times: 1,
      match: (r) => r.path === '/v2/licensing/backupserverLicenses',
    });
    const before = t.sim.requests.length;
    const answer = await ask(t, 'licenses vbr');
    expect(answer.text).toMatch(/VBR licenses/);
    const lists = t.sim.requests.slice(before).filter((r) => r.path === '/v2/licensing/backupserverLicenses');
    expect(lists.map((r) => r.status)).toEqual([520, 200]);
  });
});
