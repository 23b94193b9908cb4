/**
 * A write that ends while the database refuses to record it: the card says how it ended, recovery
 * does not overwrite that with "outcome unknown" (VSPC keeps no async record of a synchronous
 * write), and the next sweeper round after the database is back records the real outcome once.
 */
import { afterEach, expect, it } from 'vitest';
import { NOT_FOUND_GRACE_MS } from '../../src/approvals/recovery.js';
import { type FaultyStore, faulty, READ_ONLY } from '../support/faulty-store.js';
import { type Harness, startHarness, updateRequest } from './support/harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
});

it('keeps the outcome the store refused and records it once the database is back, never "unknown"', async () => {
  let db: FaultyStore | undefined;
  let outages = 0;
  h = await startHarness({}, undefined, (store) => {
    // The database goes away once: after the VSPC call, just before the outcome is recorded.
    db = faulty(store, { beforeOutcome: async () => (outages++ === 0 ? db?.set(READ_ONLY) : undefined) });
    return db.store;
  });
  const created = await h.service.request(updateRequest());
  if (created.status !== 'created') throw new Error('expected created');
  const id = created.action.id;

  const click = await h.service.confirm(id, 'UAPPROVER', h.presenter);
  expect(click).toMatchObject({ ok: true, action: { status: 'succeeded' } });
  expect(h.presented.at(-1)?.action.status).toBe('succeeded');
  expect(h.backend.writes).toHaveLength(1);
  expect((await h.store.getAction(id))?.status).toBe('executing');

  // Still away, and long past the grace in which VSPC "has no record" would turn it unknown.
  h.clock.advanceMinutes(NOT_FOUND_GRACE_MS / 60_000 + 5);
  await expect(h.service.recover()).rejects.toThrow(/readonly/);
  expect((await h.store.getAction(id))?.status).toBe('executing');

  db?.set(null);
  expect(await h.service.recover()).toEqual({ resolved: 0, running: 0 });
  const stored = await h.store.getAction(id);
  expect(stored?.status).toBe('succeeded');
  expect(stored?.outcome).toBe(click.ok ? click.action.outcome : null);
  expect(h.backend.asyncQueries).toEqual([]);
  expect(h.swept).toEqual([]);
  expect(h.backend.writes).toHaveLength(1);

  // Recorded once: the next round has nothing left to do.
  expect(await h.service.recover()).toEqual({ resolved: 0, running: 0 });
});
