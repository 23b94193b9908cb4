/**
 * The v2 connection when things go wrong: an expired session, wrong credentials, and a restart in
 * the middle of a write (v2 has no async actions to ask, so the write is never run again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_GRACE_MS } from '../../src/approvals/recovery.js';
import type { SiteLicense } from '../../src/simulator/wire.js';
import type { TestBot } from '../support/app.js';
import { APPROVER, ask, startV2Bot, V2_PASSWORD, waitForCard } from './support/v2-bot.js';

describe('a running v2 bot', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startV2Bot({ seed: 13, sites: 2, vbr: 3, vone: 0, vb365: 0, companies: 3 });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('a 401 from VSPC makes it log in again at /token and the user still gets the answer', async () => {
    await ask(t, 'licenses sites');
    t.bot.services.inventory.invalidate();
    t.sim.faults.push({ kind: 'status', status: 401, times: 1, match: (r) => r.path.startsWith('/v2/') });
    const before = t.sim.requests.length;
    const answer = await ask(t, 'licenses sites');
    expect(answer.text).toMatch(/Cloud Connect licenses/);
    const after = t.sim.requests.slice(before);
    const logins = after.filter((r) => r.path === '/token');
    expect(logins).toHaveLength(1);
    expect(after.every((r) => !r.path.startsWith('/api/'))).toBe(true);
  });

  it('an action left executing by a restart is marked "outcome unknown" and never sent again', async () => {
    const site = t.sim.state.list('site')[0] as SiteLicense;
    const since = t.fake.mark();
    await t.command(`license autoupdate site ${site.siteUid} on`);
    const card = await waitForCard(t, since);
    const { store } = t.bot.services;
    // What a crash between Confirm and the VSPC answer leaves behind, confirmed longer ago than the
    // grace in which another replica might still be sending it.
    const confirmedAt = new Date(Date.now() - NOT_FOUND_GRACE_MS - 60_000);
    expect(await store.transition(card.actionId, 'pending', 'executing', confirmedAt, { confirmedBy: APPROVER })).toBe(
      true,
    );
    const before = t.sim.requests.length;
    const report = await t.bot.services.approvals.recover();
    expect(report.resolved).toBe(1);
    const action = await store.getAction(card.actionId);
    expect(action?.status).toBe('unknown');
    expect(action?.outcome).toMatch(/Outcome unknown — check VSPC at http:\/\/127\.0\.0\.1:\d+.*It was not run again/);
    // Nothing asked VSPC (v2 has no /asyncActions) and nothing was written.
    expect(t.sim.requests.slice(before)).toEqual([]);
  });
});

describe('a v2 bot with the wrong password', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startV2Bot({ seed: 13, sites: 1, vbr: 1, vone: 0, vb365: 0 }, { VSPC_PASSWORD: 'not-the-password' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers that VSPC refused the login, without the password and without a stack trace', async () => {
    const answer = await ask(t, 'licenses sites');
    expect(answer.text).toMatch(/log ?in|credential|authenticat|password/i);
    expect(answer.all).not.toContain('not-the-password');
    expect(answer.all).not.toContain(V2_PASSWORD);
    expect(answer.all).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(t.sim.requests.filter((r) => r.path.startsWith('/v2/'))).toEqual([]);
  });
});
