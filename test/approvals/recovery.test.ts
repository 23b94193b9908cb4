import { afterEach, describe, expect, it } from 'vitest';
import { NOT_FOUND_GRACE_MS } from '../../src/approvals/recovery.js';
import type { PendingAction } from '../../src/store/types.js';
import { type Harness, startHarness, T0, updateRequest } from './support/harness.js';

const GRACE_MINUTES = NOT_FOUND_GRACE_MS / 60_000;

let h: Harness;
afterEach(async () => {
  await h.close();
});

/** An action left `executing` by a crash: confirmed, but its outcome never recorded. */
async function orphan(): Promise<PendingAction> {
  const result = await h.service.request(updateRequest());
  if (result.status !== 'created') throw new Error('expected created');
  expect(
    await h.store.transition(result.action.id, 'pending', 'executing', h.clock.now, { confirmedBy: 'UAPPROVER' }),
  ).toBe(true);
  return result.action;
}

describe('recover', () => {
  it('succeed in VSPC → succeeded, without running it again', async () => {
    h = await startHarness();
    const action = await orphan();
    h.backend.asyncStates.set(action.id, { status: 'succeed', errors: [] });
    expect(await h.service.recover()).toEqual({ resolved: 1, running: 0 });
    const stored = await h.store.getAction(action.id);
    expect(stored?.status).toBe('succeeded');
    expect(stored?.outcome).toContain(`request id ${action.id}`);
    expect(h.backend.writes).toHaveLength(0);
    expect(h.backend.asyncQueries).toEqual([action.id]);
    expect(h.swept.map((a) => a.status)).toEqual(['succeeded']);
  });

  it('failed or canceled in VSPC → failed, with VSPC messages', async () => {
    h = await startHarness();
    const action = await orphan();
    h.backend.asyncStates.set(action.id, { status: 'failed', errors: ['License file is corrupted'] });
    await h.service.recover();
    const stored = await h.store.getAction(action.id);
    expect(stored?.status).toBe('failed');
    expect(stored?.outcome).toContain('License file is corrupted');
    expect(h.backend.writes).toHaveLength(0);
  });

  it('not found in VSPC once the grace is over → unknown, "check VSPC" with the request id, never re-run', async () => {
    h = await startHarness();
    const action = await orphan();
    h.clock.advanceMinutes(GRACE_MINUTES + 1);
    await h.service.recover();
    const stored = await h.store.getAction(action.id);
    expect(stored?.status).toBe('unknown');
    expect(stored?.outcome).toMatch(/Outcome unknown — check VSPC at https:\/\/vspc\.example\.com:1280/);
    expect(stored?.outcome).toContain(`request id ${action.id}`);
    expect(h.backend.writes).toHaveLength(0);
    const click = await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    expect(click).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown/) });
    expect(h.backend.writes).toHaveLength(0);
    const audit = await h.store.listAudit(10);
    expect(
      audit.some((e) => e.event === 'transition' && e.what === 'executing→unknown' && e.requestId === action.id),
    ).toBe(true);
  });

  it('not found in VSPC within the grace → left executing: another replica may still be sending it', async () => {
    h = await startHarness();
    const action = await orphan();
    h.clock.advanceMinutes(GRACE_MINUTES - 1);
    expect(await h.service.recover()).toEqual({ resolved: 0, running: 1 });
    expect(await h.store.getAction(action.id)).toMatchObject({ status: 'executing', executingSince: T0 });
    expect((await h.service.request(updateRequest())).status).toBe('existing');
    h.clock.advanceMinutes(2);
    expect(await h.service.recover()).toEqual({ resolved: 1, running: 0 });
    expect((await h.store.getAction(action.id))?.status).toBe('unknown');
    expect(h.backend.writes).toHaveLength(0);
  });

  it('an action confirmed before executingSince was recorded counts its grace from its expiry', async () => {
    h = await startHarness();
    const action = await orphan();
    const legacy = { ...action, status: 'executing' as const, executingSince: null };
    h.store.listActions = async () => [legacy];
    h.clock.advanceMinutes(GRACE_MINUTES);
    // Past the grace from the confirm, but a confirm can have come as late as the expiry (15 minutes).
    expect(await h.service.recover()).toEqual({ resolved: 0, running: 1 });
    h.clock.advanceMinutes(16);
    expect(await h.service.recover()).toEqual({ resolved: 1, running: 0 });
    expect((await h.store.getAction(action.id))?.status).toBe('unknown');
  });

  it('still running in VSPC → left executing, asked again on the next round', async () => {
    h = await startHarness();
    const action = await orphan();
    h.backend.asyncStates.set(action.id, { status: 'running', errors: [] });
    expect(await h.service.recover()).toEqual({ resolved: 0, running: 1 });
    expect((await h.store.getAction(action.id))?.status).toBe('executing');
    h.backend.asyncStates.set(action.id, { status: 'succeed', errors: [] });
    expect(await h.service.recover()).toEqual({ resolved: 1, running: 0 });
    expect((await h.store.getAction(action.id))?.status).toBe('succeeded');
    expect(h.backend.writes).toHaveLength(0);
  });

  it('leaves alone an action this process is executing right now', async () => {
    h = await startHarness();
    h.backend.delayMs = 100;
    const result = await h.service.request(updateRequest());
    if (result.status !== 'created') throw new Error('expected created');
    const confirming = h.service.confirm(result.action.id, 'UAPPROVER', h.presenter);
    while (h.backend.writes.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await h.service.recover()).toEqual({ resolved: 0, running: 0 });
    await confirming;
    expect((await h.store.getAction(result.action.id))?.status).toBe('succeeded');
  });
});
