/**
 * The requester's DM about how their action ended goes out exactly once even when the process died
 * between the end and the DM: the sweeper's round finds the ended action and sends what was not sent,
 * and a second round or a second replica sends nothing more.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApprovalNotifications, type Notice } from '../../src/approvals/notify/notifications.js';
import { CLI_USER } from '../../src/approvals/roles.js';
import { silentLogger } from '../../src/log.js';
import { openSqliteStore } from '../../src/store/sqlite/open.js';
import type { Store } from '../../src/store/types.js';

const MINUTE = 60_000;
const START = new Date('2026-12-04T09:00:00Z');

let store: Store;
beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await store.migrate();
});
afterEach(async () => {
  await store.close();
});

function notifications(instanceId: string, sent: Notice[], now: () => Date) {
  return createApprovalNotifications({
    store,
    deciders: { of: async () => ['U0APPROVER'] },
    sender: { send: async (notice) => void sent.push(notice) },
    mode: 'off',
    clock: now,
    logger: silentLogger,
    instanceId,
  });
}

/** An action that ended in the store without anybody hearing of it (the process died right after). */
async function endedSilently(id: string, requestedBy: string, endedAt: Date): Promise<void> {
  await store.createAction({
    id,
    operation: { op: 'reports.finalize' },
    dedupeKey: `reports.finalize:${id}`,
    targetLabel: 'usage reports',
    requestedBy,
    channel: 'C0LICENSES',
    messageTs: '1733302800.000100',
    responseUrl: null,
    createdAt: START,
    expiresAt: new Date(START.getTime() + 15 * MINUTE),
  });
  expect(
    await store.transition(id, 'pending', 'cancelled', endedAt, { outcome: 'Cancelled', finishedAt: endedAt }),
  ).toBe(true);
}

it('a round tells the requester of an ending nobody told them about, once across rounds and replicas', async () => {
  const endedAt = new Date(START.getTime() + 2 * MINUTE);
  await endedSilently('a1', 'U0REQUESTER', endedAt);
  const now = () => new Date(endedAt.getTime() + MINUTE);
  const sentA: Notice[] = [];
  const sentB: Notice[] = [];

  expect(await notifications('replica-a', sentA, now).sweep(now())).toBe(1);
  expect(sentA.map((n) => [n.kind, n.action.id, n.people])).toEqual([['ended', 'a1', ['U0REQUESTER']]]);

  expect(await notifications('replica-a', sentA, now).sweep(now())).toBe(0);
  expect(await notifications('replica-b', sentB, now).sweep(now())).toBe(0);
  expect(sentA).toHaveLength(1);
  expect(sentB).toHaveLength(0);
});

it('the live event and a round together still send the DM once', async () => {
  const endedAt = new Date(START.getTime() + 2 * MINUTE);
  await endedSilently('a2', 'U0REQUESTER', endedAt);
  const action = await store.getAction('a2');
  if (!action) throw new Error('the action was not stored');
  const sent: Notice[] = [];
  const bot = notifications('replica-a', sent, () => endedAt);
  await Promise.all([bot.onEvent({ stage: 'finished', action }), bot.sweep(endedAt)]);
  expect(sent.map((n) => n.kind)).toEqual(['ended']);
});

it('old endings and actions asked from the CLI are left alone', async () => {
  await endedSilently('old', 'U0REQUESTER', new Date(START.getTime() + MINUTE));
  await endedSilently('cli', CLI_USER, new Date(START.getTime() + 2 * MINUTE));
  const later = new Date(START.getTime() + 3 * 60 * MINUTE);
  const sent: Notice[] = [];
  expect(await notifications('replica-a', sent, () => later).sweep(later)).toBe(0);
  const soon = new Date(START.getTime() + 5 * MINUTE);
  expect(await notifications('replica-a', sent, () => soon).sweep(soon)).toBe(1);
  expect(sent.map((n) => n.action.id)).toEqual(['old']);
});
