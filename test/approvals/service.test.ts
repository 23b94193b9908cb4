import { afterEach, describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../src/mrkdwn.js';
import { VspcConflictError } from '../../src/vspc/errors.js';
import { type Harness, startHarness, updateRequest } from './support/harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
});

async function createdAction(requestedBy = 'UOPERATOR') {
  const result = await h.service.request(updateRequest(requestedBy));
  if (result.status !== 'created') throw new Error(`expected a new action, got ${result.status}`);
  return result.action;
}

describe('request', () => {
  it('stores a pending action that expires after the TTL, and points a second request at the open one', async () => {
    h = await startHarness();
    const action = await createdAction();
    expect(action.status).toBe('pending');
    expect(action.expiresAt.getTime() - action.createdAt.getTime()).toBe(15 * 60_000);
    expect(await h.store.getAction(action.id)).toMatchObject({ status: 'pending', requestedBy: 'UOPERATOR' });

    const again = await h.service.request(updateRequest('UOPS2'));
    expect(again).toMatchObject({ status: 'existing', action: { id: action.id } });
    expect(h.backend.writes).toHaveLength(0);
  });

  it('lets a new request replace an open one that lapsed before the sweeper came by', async () => {
    h = await startHarness();
    const first = await createdAction();
    h.clock.advanceMinutes(16);
    const second = await h.service.request(updateRequest());
    expect(second.status).toBe('created');
    expect((await h.store.getAction(first.id))?.status).toBe('expired');
  });
});

describe('confirm', () => {
  it('runs the stored operation once, with the action id as request id, and records the outcome', async () => {
    h = await startHarness();
    const action = await createdAction();
    const result = await h.service.confirm(action.id, 'UAPPROVER', h.presenter);

    expect(result.ok).toBe(true);
    expect(h.backend.writes).toEqual([
      { method: 'updateLicense', requestId: action.id, kind: 'vbr', uid: '5f1c2a9e-0000-4000-8000-000000000001' },
    ]);
    const stored = await h.store.getAction(action.id);
    expect(stored).toMatchObject({ status: 'succeeded', confirmedBy: 'UAPPROVER' });
    expect(stored?.outcome).toContain('VSPC installed a fresh license: status Valid, expires 2026-01-31');
    expect(stored?.outcome).toContain(`request id ${action.id}`);
    expect(h.presented.map((p) => [p.stage, p.action.status])).toEqual([
      ['executing', 'executing'],
      ['finished', 'succeeded'],
    ]);
    expect(h.presented[0]?.action.confirmedBy).toBe('UAPPROVER');
    expect(h.invalidations).toBe(1);
  });

  it('shows "executing" before the VSPC call starts', async () => {
    h = await startHarness();
    const action = await createdAction();
    let writesWhenExecutingShown = -1;
    await h.service.confirm(action.id, 'UAPPROVER', {
      executing: async () => {
        writesWhenExecutingShown = h.backend.writes.length;
      },
      finished: async () => undefined,
    });
    expect(writesWhenExecutingShown).toBe(0);
    expect(h.backend.writes).toHaveLength(1);
  });

  it('50 concurrent confirms of one action make exactly one VSPC write', async () => {
    h = await startHarness();
    h.backend.delayMs = 20;
    const action = await createdAction();
    const clickers = Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? 'UAPPROVER' : 'UAPPROVER2'));
    const results = await Promise.all(clickers.map((user) => h.service.confirm(action.id, user, h.presenter)));

    expect(h.backend.writes).toHaveLength(1);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const losers = results.filter((r) => !r.ok);
    expect(losers).toHaveLength(49);
    for (const loser of losers) expect(loser.ok === false && loser.reason).toMatch(/already being handled/);
    expect(h.presented.filter((p) => p.stage === 'finished')).toHaveLength(1);
    expect((await h.store.getAction(action.id))?.status).toBe('succeeded');
    const transitions = (await h.store.listAudit(500)).filter((e) => e.event === 'transition');
    expect(transitions.map((e) => e.what).sort()).toEqual(['executing→succeeded', 'pending→executing']);
  });

  it('a second confirm after success does nothing and says so', async () => {
    h = await startHarness();
    const action = await createdAction();
    await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    const again = await h.service.confirm(action.id, 'UAPPROVER2', h.presenter);
    expect(again).toMatchObject({ ok: false, reason: expect.stringMatching(/already done/) });
    expect(h.backend.writes).toHaveLength(1);
    expect((await h.store.getAction(action.id))?.confirmedBy).toBe('UAPPROVER');
  });

  it('a confirm after expiry does nothing, says so, and ends the card as expired', async () => {
    h = await startHarness();
    const action = await createdAction();
    h.clock.advanceMinutes(15);
    const result = await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/expired/) });
    expect(h.backend.writes).toHaveLength(0);
    expect((await h.store.getAction(action.id))?.status).toBe('expired');
    expect(h.presented.map((p) => p.action.status)).toEqual(['expired']);
  });

  it('a VSPC error fails the action with the error code and the request id', async () => {
    h = await startHarness();
    const action = await createdAction();
    h.backend.failWith = new VspcConflictError('VSPC answered HTTP 409', {
      status: 409,
      errors: [{ message: 'License is being updated', type: 'conflict', code: 1042 }],
      endpoint: 'POST /api/v3/licensing/backupServers/x/update',
      requestId: action.id,
    });
    const result = await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    expect(result.ok).toBe(true);
    const stored = await h.store.getAction(action.id);
    expect(stored?.status).toBe('failed');
    expect(stored?.outcome).toContain('VSPC error code 1042');
    expect(stored?.outcome).toContain(`request id ${action.id}`);
    expect(h.presented.at(-1)?.action.status).toBe('failed');
  });

  it('an unknown action id does nothing', async () => {
    h = await startHarness();
    const result = await h.service.confirm('no-such-id', 'UAPPROVER', h.presenter);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/not known/) });
    expect(h.backend.writes).toHaveLength(0);
  });

  it('a presenter that fails does not stop the action or hide its outcome', async () => {
    h = await startHarness();
    const action = await createdAction();
    const failing = {
      executing: async () => {
        throw new Error('cant_update_message');
      },
      finished: async () => {
        throw new Error('cant_update_message');
      },
    };
    const result = await h.service.confirm(action.id, 'UAPPROVER', failing);
    expect(result).toMatchObject({ ok: true, action: { status: 'succeeded' } });
  });
});

describe('cancel', () => {
  it('the requester cancels: the action ends and a later confirm does nothing', async () => {
    h = await startHarness();
    const action = await createdAction();
    const cancelled = await h.service.cancel(action.id, 'UOPERATOR', h.presenter);
    expect(cancelled).toMatchObject({ ok: true, action: { status: 'cancelled' } });
    expect(escapeMrkdwn(cancelled.action?.outcome ?? '')).toContain('Cancelled by <@UOPERATOR>');
    const confirm = await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    expect(confirm).toMatchObject({ ok: false, reason: expect.stringMatching(/cancelled/) });
    expect(h.backend.writes).toHaveLength(0);
  });

  it('an approver may cancel; another operator may not', async () => {
    h = await startHarness();
    const action = await createdAction();
    const refused = await h.service.cancel(action.id, 'UOPS2', h.presenter);
    expect(refused).toMatchObject({ ok: false });
    expect(escapeMrkdwn(refused.ok ? '' : refused.reason)).toMatch(/Only <@UOPERATOR>/);
    expect((await h.store.getAction(action.id))?.status).toBe('pending');
    expect(await h.service.cancel(action.id, 'UAPPROVER', h.presenter)).toMatchObject({ ok: true });
  });
});

describe('expireDue', () => {
  it('marks lapsed actions expired once and updates their cards', async () => {
    h = await startHarness();
    const action = await createdAction();
    expect(await h.service.expireDue(h.clock.now)).toBe(0);
    h.clock.advanceMinutes(20);
    const [first, second] = await Promise.all([h.service.expireDue(h.clock.now), h.service.expireDue(h.clock.now)]);
    expect((first ?? 0) + (second ?? 0)).toBe(1);
    expect(h.swept.map((a) => [a.id, a.status])).toEqual([[action.id, 'expired']]);
    expect((await h.store.getAction(action.id))?.outcome).toMatch(/nobody confirmed within 15 minutes/);
  });
});

describe('audit', () => {
  it('holds the request, the click, each transition and the outcome, all with the request id', async () => {
    h = await startHarness();
    const action = await createdAction();
    await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    const entries = (await h.store.listAudit(50)).reverse();
    expect(entries.map((e) => [e.event, e.actor, e.what])).toEqual([
      ['request', 'UOPERATOR', expect.stringContaining('Ask VSPC to download and install a fresh license')],
      ['click', 'UAPPROVER', 'confirm Update license'],
      ['transition', 'UAPPROVER', 'pending→executing'],
      ['transition', 'UAPPROVER', 'executing→succeeded'],
      ['outcome', 'UAPPROVER', 'Update license'],
    ]);
    for (const entry of entries) {
      expect(entry.actionId).toBe(action.id);
      expect(entry.requestId).toBe(action.id);
    }
    expect(entries.at(-1)?.outcome).toMatch(/^succeeded: VSPC installed a fresh license/);
  });
});
