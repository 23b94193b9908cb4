/**
 * A write VSPC may have received but has not answered for (a 202 still running when the client
 * stops polling, a timeout, a dropped connection, a 520) is not a failure: the action stays open,
 * nobody can start a second write for the target, and the sweeper settles it from VSPC's record.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { NOT_FOUND_GRACE_MS } from '../../src/approvals/recovery.js';
import { createApprovalService } from '../../src/approvals/service.js';
import { startApprovalSweeper } from '../../src/approvals/sweeper.js';
import { silentLogger } from '../../src/log.js';
import { renderActionCard } from '../../src/slack/render/action-card.js';
import type { PendingAction } from '../../src/store/types.js';
import {
  VspcAsyncActionError,
  VspcAuthError,
  VspcConflictError,
  VspcForbiddenError,
  VspcNetworkError,
  VspcServerError,
  VspcTimeoutError,
  VspcUnexpectedResponseError,
  VspcValidationError,
} from '../../src/vspc/errors.js';
import { type Harness, startHarness, T0, updateRequest } from './support/harness.js';

const WRITE = 'POST /licensing/backupServers/5f1c2a9e-0000-4000-8000-000000000001/update';
const RENDER = { userTimeZone: 'UTC', teamTimeZone: 'UTC', now: T0 };

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** What the VSPC client throws when a 202's async action is still running at its poll deadline. */
function stillRunning(requestId: string): VspcTimeoutError {
  return new VspcTimeoutError(`VSPC async action for ${WRITE} still running after 300000 ms`, {
    status: 202,
    endpoint: WRITE,
    requestId,
  });
}

async function requested(): Promise<PendingAction> {
  const result = await h.service.request(updateRequest());
  if (result.status !== 'created') throw new Error(`expected created, got ${result.status}`);
  return result.action;
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a 202 VSPC is still running when the client stops polling', () => {
  it('stays executing, says "not known yet" on the card, and blocks a second request and confirm', async () => {
    h = await startHarness();
    const action = await requested();
    h.backend.failWith = stillRunning(action.id);

    const click = await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    expect(click).toMatchObject({ ok: true, action: { status: 'executing' } });
    const stored = await h.store.getAction(action.id);
    expect(stored).toMatchObject({ status: 'executing', finishedAt: null, confirmedBy: 'UAPPROVER' });
    expect(stored?.outcome).toBe(
      'Outcome not known yet — VSPC is still working on it (or did not answer); the bot checks VSPC and ' +
        `updates this card · request id ${action.id}`,
    );
    expect(stored?.executingSince).toEqual(T0);

    // The card: no buttons, never "Failed", the request id, and no "executing" in its fallback text.
    const last = h.presented.at(-1);
    expect(last?.stage).toBe('finished');
    const card = renderActionCard(last?.action as PendingAction, RENDER);
    const shown = `${card.text} ${JSON.stringify(card.blocks)}`;
    expect(shown).toMatch(/Outcome not known yet/);
    expect(shown).not.toMatch(/Failed|failed/);
    expect(shown).toContain(action.id);
    expect(card.text).not.toMatch(/executing/i);
    expect(card.blocks.some((block) => block.type === 'actions')).toBe(false);

    // Asking again points at the open action; confirming it again runs nothing.
    const again = await h.service.request(updateRequest('UOPS2', 'C0OTHER'));
    expect(again).toMatchObject({ status: 'existing', action: { id: action.id } });
    h.backend.failWith = null;
    const second = await h.service.confirm(action.id, 'UAPPROVER2', h.presenter);
    expect(second).toMatchObject({ ok: false, reason: expect.stringMatching(/not known yet.*Nothing more will run/) });
    expect(h.backend.writes.map((write) => write.requestId)).toEqual([action.id]);

    // The audit keeps VSPC's own words; the inventory is refreshed (VSPC may have changed it).
    const audit = await h.store.listAudit(20);
    const outcome = audit.find((entry) => entry.event === 'outcome' && entry.actionId === action.id);
    expect(outcome?.outcome).toMatch(/^executing: Outcome not known yet .* VSPC: .*still running after 300000 ms/);
    expect(h.invalidations).toBeGreaterThan(0);
  });

  it('the sweeper settles it as succeeded once VSPC reports succeed, with exactly one write in total', async () => {
    h = await startHarness();
    const action = await requested();
    h.backend.failWith = stillRunning(action.id);
    await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    h.backend.failWith = null;
    h.backend.asyncStates.set(action.id, { status: 'running', errors: [] });

    // The sweeper asks about executing actions on every round by itself.
    const sweeper = startApprovalSweeper(h.service, { clock: () => h.clock.now, logger: silentLogger, intervalMs: 5 });
    try {
      await until(async () => h.backend.asyncQueries.length >= 3, 'a few rounds asking VSPC');
      expect((await h.store.getAction(action.id))?.status).toBe('executing');
      h.backend.asyncStates.set(action.id, { status: 'succeed', errors: [] });
      await until(async () => (await h.store.getAction(action.id))?.status === 'succeeded', 'the settlement');
    } finally {
      sweeper.stop();
    }
    const settled = await h.store.getAction(action.id);
    expect(settled?.outcome).toContain(`request id ${action.id}`);
    expect(h.swept.at(-1)).toMatchObject({ id: action.id, status: 'succeeded' });
    expect(h.backend.asyncQueries.every((id) => id === action.id)).toBe(true);
    expect(h.backend.writes.map((write) => write.requestId)).toEqual([action.id]);
    // Ended, so the target is free for a new request.
    expect((await h.service.request(updateRequest())).status).toBe('created');
  });

  it('VSPC failed or canceled it → failed with its messages; still one write', async () => {
    h = await startHarness();
    const action = await requested();
    h.backend.failWith = stillRunning(action.id);
    await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    h.backend.asyncStates.set(action.id, { status: 'canceled', errors: ['Canceled by administrator'] });
    expect(await h.service.recover()).toEqual({ resolved: 1, running: 0 });
    const stored = await h.store.getAction(action.id);
    expect(stored?.status).toBe('failed');
    expect(stored?.outcome).toContain('Canceled by administrator');
    expect(h.backend.writes).toHaveLength(1);
  });

  it('no record in VSPC: left executing within the grace, unknown after it, never re-run', async () => {
    h = await startHarness();
    const action = await requested();
    h.clock.advanceMinutes(2);
    h.backend.failWith = new VspcNetworkError(`VSPC ${WRITE} could not be reached (ECONNRESET)`, {
      endpoint: WRITE,
      requestId: action.id,
    });
    await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    h.backend.failWith = null;

    h.clock.advanceMinutes(NOT_FOUND_GRACE_MS / 60_000 - 1);
    expect(await h.service.recover()).toEqual({ resolved: 0, running: 1 });
    expect((await h.store.getAction(action.id))?.status).toBe('executing');

    h.clock.advanceMinutes(2);
    expect(await h.service.recover()).toEqual({ resolved: 1, running: 0 });
    const stored = await h.store.getAction(action.id);
    expect(stored?.status).toBe('unknown');
    expect(stored?.outcome).toMatch(/Outcome unknown — check VSPC at .*It was not run again/);
    expect(h.backend.writes).toHaveLength(1);
  });

  it('when another replica settled it while the call ran, the card shows that outcome', async () => {
    h = await startHarness();
    const action = await requested();
    const replica = createApprovalService({
      store: h.store,
      backend: h.backend,
      access: h.access,
      clock: () => h.clock.now,
      ttlMinutes: 15,
      logger: silentLogger,
    });
    h.backend.delayMs = 50;
    h.backend.failWith = stillRunning(action.id);
    h.backend.asyncStates.set(action.id, { status: 'succeed', errors: [] });
    const confirming = h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    await until(async () => h.backend.writes.length > 0, 'the write');
    expect(await replica.recover()).toEqual({ resolved: 1, running: 0 });
    const click = await confirming;
    expect(click).toMatchObject({ ok: true, action: { status: 'succeeded' } });
    expect(h.presented.at(-1)?.action.status).toBe('succeeded');
    expect((await h.store.getAction(action.id))?.status).toBe('succeeded');
  });
});

describe('on the v2 API, which keeps no record of writes', () => {
  it('a write VSPC may have applied ends "outcome unknown — check VSPC" at once, never failed, never re-run', async () => {
    h = await startHarness();
    Object.assign(h.backend, { apiVersion: 'v2' });
    const action = await requested();
    h.backend.failWith = new VspcServerError('HTTP 520', {
      status: 520,
      errors: [{ message: 'Simulated VAC failure', type: 'error', code: 0 }],
      endpoint: 'PATCH /v2/licensing/backupserverLicenses/x',
      requestId: 'a-fresh-id',
    });
    const click = await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    expect(click).toMatchObject({ ok: true, action: { status: 'unknown' } });
    const stored = await h.store.getAction(action.id);
    expect(stored?.status).toBe('unknown');
    expect(stored?.outcome).toMatch(
      /^Outcome unknown — check VSPC at https:\/\/vspc\.example\.com:1280: .*Simulated VAC failure, HTTP 520.*It was not run again/,
    );
    expect(stored?.outcome).toContain(`request id ${action.id}`);
    expect(h.backend.writes).toHaveLength(1);
  });

  it('a definite refusal is still failed', async () => {
    h = await startHarness();
    Object.assign(h.backend, { apiVersion: 'v2' });
    const action = await requested();
    h.backend.failWith = new VspcForbiddenError('HTTP 403', { status: 403, endpoint: 'PATCH /v2/x' });
    await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    expect((await h.store.getAction(action.id))?.status).toBe('failed');
  });
});

describe('which errors of a write are a definite failure', () => {
  const definite: [string, (id: string) => Error][] = [
    [
      '400 with VSPC errors[]',
      (id) =>
        new VspcValidationError('VSPC answered HTTP 400', {
          status: 400,
          errors: [{ message: 'Invalid license file', type: 'validation', code: 1101 }],
          endpoint: WRITE,
          requestId: id,
        }),
    ],
    ['401', (id) => new VspcAuthError('HTTP 401', { status: 401, endpoint: WRITE, requestId: id })],
    ['403', (id) => new VspcForbiddenError('HTTP 403', { status: 403, endpoint: WRITE, requestId: id })],
    ['409', (id) => new VspcConflictError('HTTP 409', { status: 409, endpoint: WRITE, requestId: id })],
    [
      'the async action failed',
      (id) => new VspcAsyncActionError('async action failed', { status: 202, endpoint: WRITE, requestId: id }),
    ],
    ['wrong password at /token', () => new VspcAuthError('HTTP 400', { status: 400, endpoint: 'POST /token' })],
  ];
  it.each(definite)('%s → failed, and the target is free again', async (_name, error) => {
    h = await startHarness();
    const action = await requested();
    h.backend.failWith = error(action.id);
    const click = await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    expect(click).toMatchObject({ ok: true, action: { status: 'failed' } });
    const stored = await h.store.getAction(action.id);
    expect(stored?.status).toBe('failed');
    expect(stored?.outcome).toContain(`request id ${action.id}`);
    expect((await h.service.request(updateRequest())).status).toBe('created');
  });

  const notKnown: [string, (id: string) => Error][] = [
    [
      'the request timed out after it was sent',
      (id) => new VspcTimeoutError('did not answer within 30000 ms', { endpoint: WRITE, requestId: id }),
    ],
    [
      'the connection was reset',
      (id) => new VspcNetworkError('could not be reached (ECONNRESET)', { endpoint: WRITE, requestId: id }),
    ],
    [
      '520 after the retries',
      (id) =>
        new VspcServerError('HTTP 520', {
          status: 520,
          errors: [{ message: 'Internal error', type: 'error', code: 0 }],
          endpoint: WRITE,
          requestId: id,
        }),
    ],
    [
      'an unreadable answer',
      () => new VspcUnexpectedResponseError('202 without an async action id', { status: 202, endpoint: WRITE }),
    ],
    [
      'a 401 while following the 202',
      (id) => new VspcAuthError('HTTP 401', { status: 401, endpoint: `GET /asyncActions/${id}` }),
    ],
    ['a non-VSPC error after the call', () => new TypeError("Cannot read properties of undefined (reading 'x')")],
  ];
  it.each(notKnown)('%s → still executing, outcome not known yet', async (_name, error) => {
    h = await startHarness();
    const action = await requested();
    h.backend.failWith = error(action.id);
    const click = await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    expect(click).toMatchObject({ ok: true, action: { status: 'executing' } });
    const stored = await h.store.getAction(action.id);
    expect(stored?.status).toBe('executing');
    expect(stored?.outcome).toMatch(/^Outcome not known yet/);
    expect((await h.service.request(updateRequest())).status).toBe('existing');
  });
});
