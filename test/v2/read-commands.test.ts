/**
 * Read commands end to end on the legacy REST v2 API: a signed `/vspc` command → the bot with
 * `VSPC_API=v2` → the simulator's `/v2` endpoints (password login at `POST /token`) → the answer
 * posted to the command's response_url. Every number is checked against the simulator's inventory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysLeft } from '../../src/licenses/expiry.js';
import { CLOUD_CONNECT_SHARES } from '../../src/simulator/routes/v2-shapes.js';
import type { SiteLicense } from '../../src/simulator/wire.js';
import type { TestBot } from '../support/app.js';
import { APPROVER, ask, startV2Bot, V2_USERNAME } from './support/v2-bot.js';

const NUMBER = new Intl.NumberFormat('en-US');
const count = (value: number) => NUMBER.format(value);
const part = (total: number, share: number) => Math.round(total * share);

let t: TestBot;
beforeAll(async () => {
  t = await startV2Bot({ seed: 29, sites: 4, vbr: 6, vone: 3, vb365: 2, companies: 5 });
});
afterAll(async () => {
  await t?.stop();
});

const sites = () => t.sim.state.list('site') as SiteLicense[];

describe('the v2 login', () => {
  it('logs in with the user name and password at the root /token and calls only /v2 endpoints', async () => {
    await ask(t, 'licenses sites');
    const [login, ...rest] = t.sim.requests;
    expect(login).toMatchObject({ method: 'POST', path: '/token', status: 200 });
    const form = new URLSearchParams(login?.body.toString('utf8'));
    expect(form.get('grant_type')).toBe('password');
    expect(form.get('username')).toBe(V2_USERNAME);
    expect(String(login?.headers['content-type'])).toMatch(/^application\/x-www-form-urlencoded/);
    expect(rest.length).toBeGreaterThan(0);
    for (const request of rest) {
      expect(request.path).toMatch(/^\/v2\//);
      // A bearer the simulator issued (JWT-shaped), not an API key.
      expect(String(request.headers.authorization)).toMatch(/^Bearer eyJ/);
    }
  });
});

describe('licenses sites', () => {
  it('shows every Cloud Connect workload as used/licensed, as the inventory gives them', async () => {
    const answer = await ask(t, 'licenses sites');
    expect(answer.text).toContain(`${sites().length} licenses`);
    for (const site of sites()) {
      expect(answer.all).toContain(`license site ${site.siteUid}`);
      const workloads: [string, number][] = [
        ['backups', CLOUD_CONNECT_SHARES.backups],
        ['replicas', CLOUD_CONNECT_SHARES.replicas],
        ['servers', CLOUD_CONNECT_SHARES.servers],
        ['workstations', CLOUD_CONNECT_SHARES.workstations],
        ['VMs', CLOUD_CONNECT_SHARES.vms],
      ];
      for (const [name, share] of workloads) {
        expect(answer.all).toContain(`${count(part(site.usedUnits, share))}/${count(part(site.units, share))} ${name}`);
      }
      expect(answer.all).toContain(`${count(site.usedUnits)}/${count(site.units)} instances`);
    }
  });

  it('the workload counters of one site card are the same numbers', async () => {
    const site = sites()[1] as SiteLicense;
    const answer = await ask(t, `license site ${site.siteUid}`);
    expect(answer.all).toContain(site.siteUid);
    expect(answer.all).toContain(
      `${count(part(site.usedUnits, CLOUD_CONNECT_SHARES.backups))}/${count(part(site.units, CLOUD_CONNECT_SHARES.backups))} backups`,
    );
    expect(answer.all).toContain(
      `${count(part(site.usedUnits, CLOUD_CONNECT_SHARES.vms))}/${count(part(site.units, CLOUD_CONNECT_SHARES.vms))} VMs`,
    );
  });
});

describe('auto-update state on v2', () => {
  it('a v2 license that does not say whether auto-update is on reads "unknown", never "off"', async () => {
    // The v3 view of the same inventory knows; the v2 objects do not carry the flag at all.
    for (const site of sites()) site.autoUpdateEnabled = false;
    const list = await ask(t, 'licenses sites');
    expect(list.all.match(/auto-update unknown/g)).toHaveLength(sites().length);
    expect(list.all).not.toContain('auto-update off');

    const site = sites()[0] as SiteLicense;
    const card = await ask(t, `license site ${site.siteUid}`);
    expect(card.all).toContain('*Auto-update*\\nunknown');
    // Both directions are offered: the bot cannot tell which one is a change.
    expect(card.all).toContain(`license autoupdate site ${site.siteUid} on`);
    expect(card.all).toContain(`license autoupdate site ${site.siteUid} off`);
  });

  it('the console license settings do carry the flag: on and off read as such', async () => {
    t.sim.state.inventory.consoleSettings.isAutoUpdateEnabled = false;
    t.bot.services.inventory.invalidate();
    expect((await ask(t, 'license console')).all).toContain('*Auto-update*\\noff');
    t.sim.state.inventory.consoleSettings.isAutoUpdateEnabled = true;
    t.bot.services.inventory.invalidate();
    expect((await ask(t, 'license console')).all).toContain('*Auto-update*\\non');
  });
});

describe('the digest on v2', () => {
  it('digest preview is built from the v2 licenses: expired and expiring ones with their v2 ids, no reports', async () => {
    const before = t.sim.requests.length;
    t.bot.services.inventory.invalidate();
    const answer = await ask(t, 'digest preview');
    const now = new Date();
    const v2Licenses = [
      ...sites().map((s) => ({ uid: s.siteUid, expires: s.expirationDate })),
      ...t.sim.state
        .list('vbr')
        .map((l) => ({ uid: (l as { backupServerUid: string }).backupServerUid, expires: l.expirationDate })),
    ];
    const days = v2Licenses.map((l) => ({ ...l, days: daysLeft(l.expires, now, 'UTC') }));
    const expired = days.filter((l) => l.days !== null && l.days < 0);
    const expiring = days.filter((l) => l.days !== null && l.days >= 0 && l.days <= 30);
    expect(expired.length + expiring.length).toBeGreaterThan(0);
    expect(answer.text).toContain(`${expired.length} expired`);
    expect(answer.text).toContain(`${expiring.length} expiring within 30 days`);
    for (const license of [...expired, ...expiring]) expect(answer.all).toContain(license.uid.slice(0, 8));
    // VONE and VB365 exist in the inventory but not on v2.
    for (const vone of t.sim.state.list('vone')) {
      expect(answer.all).not.toContain((vone as { vOneServerUid: string }).vOneServerUid.slice(0, 8));
    }
    const asked = t.sim.requests.slice(before).map((r) => r.path);
    expect(asked.every((path) => path.startsWith('/v2/'))).toBe(true);
    expect(asked.some((path) => /report/i.test(path))).toBe(false);
  });
});

describe('what v2 does not have', () => {
  const NOT_ON_V2 = /not available on VSPC API v2/;
  const cases: [string, string?][] = [
    ['licenses vone'],
    ['licenses vb365'],
    ['reports pending'],
    ['reports'],
    ['report 12 csv'],
    ['usage'],
    ['usage --org Acme --server vbr'],
    ['reports autoapprove on'],
    ['reports finalize', APPROVER],
    ['license update console'],
  ];
  for (const [text, user] of cases) {
    it(`"${text}" answers clearly that v2 lacks it, and nothing is written`, async () => {
      const since = t.fake.mark();
      const answer = await ask(t, text, user);
      expect(answer.text).toMatch(NOT_ON_V2);
      expect(answer.all).not.toMatch(/\bat .*\.(ts|js):\d+|TypeError|undefined/);
      expect(t.fake.calls('chat.postMessage').filter((c) => c.seq > since)).toEqual([]);
      expect(t.sim.writes()).toEqual([]);
    });
  }

  it('a VONE license asked for by id is refused without a VSPC call', async () => {
    const vone = t.sim.state.list('vone')[0] as { vOneServerUid: string };
    const before = t.sim.requests.length;
    for (const text of [`license vone ${vone.vOneServerUid}`, `license update vone ${vone.vOneServerUid}`]) {
      expect((await ask(t, text)).text).toMatch(NOT_ON_V2);
    }
    expect(t.sim.requests.slice(before)).toEqual([]);
  });

  it('the install form for VB365 says so in the modal instead of offering targets', async () => {
    const sent = await t.command('license install vb365');
    const update = await t.fake.waitFor('views.update', { since: sent.since, timeoutMs: 8000 });
    expect(JSON.stringify(update.params.view)).toMatch(NOT_ON_V2);
    expect(JSON.stringify(update.params.view)).not.toContain('file_input');
  });
});
