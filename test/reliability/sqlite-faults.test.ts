/**
 * The SQLite file turns read-only, or its disk fills up, while the bot runs. As root (CI runs as root)
 * file modes do not stop writes and mounting a tiny filesystem needs privileges CI may not have, so the
 * faults are injected: a wrapper around a real SQLite store makes every write throw the error
 * better-sqlite3 throws then (`SQLITE_READONLY`, `SQLITE_FULL`, same class and message shape).
 * The bot answers clearly, runs no write it could not first record as executing, and works again by
 * itself once the file is writable.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uidOf } from '../../src/simulator/kinds.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/types.js';
import { startTestBot, type TestBot, tempDatabase } from '../support/app.js';
import { answerTo } from './support/answer-to.js';
import { hasConfirm, messageText, type PostedCard } from './support/cards.js';
import { eventually } from './support/eventually.js';
import { requestAndConfirm } from './support/write-flow.js';

const APPROVER = 'U0APPROVER';
const CHANNEL = 'C0SQLITE';
const WRITES = new Set<keyof Store>([
  'createAction',
  'transition',
  'setActionMessage',
  'appendAudit',
  'putFile',
  'claimDigest',
  'finishDigest',
]);

type Fault = { code: 'SQLITE_READONLY'; message: string } | { code: 'SQLITE_FULL'; message: string } | null;
const READ_ONLY: Fault = { code: 'SQLITE_READONLY', message: 'attempt to write a readonly database' };
const DISK_FULL: Fault = { code: 'SQLITE_FULL', message: 'database or disk is full' };

/** A real store whose writes throw `fault` while it is set. */
function faulty(store: Store): { store: Store; set(fault: Fault): void } {
  let fault: Fault = null;
  const wrapped = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (fault && WRITES.has(name as keyof Store)) {
          const error = Object.assign(new Error(fault.message), { name: 'SqliteError', code: fault.code });
          return Promise.reject(error);
        }
        return value.apply(target, args);
      };
    },
  });
  return { store: wrapped, set: (next) => (fault = next) };
}

const database = tempDatabase();
let t: TestBot;
let faults: ReturnType<typeof faulty>;
beforeAll(async () => {
  faults = faulty(await createStore(database.url));
  t = await startTestBot({ env: { APPROVERS: APPROVER }, store: faults.store });
}, 60_000);
afterAll(async () => {
  await t?.stop();
  database.remove();
});

it.each([
  ['read-only', READ_ONLY, 0],
  ['full disk', DISK_FULL, 1],
])(
  'SQLite %s: clear answers, no unrecorded write, recovery by itself',
  { timeout: 60_000 },
  async (_name, fault, n) => {
    const licenses = t.sim.state.list('vbr');
    const uid = uidOf(licenses[2 * n] as never);
    const asked = await requestAndConfirm(t, `license update vbr ${uid}`, {
      user: APPROVER,
      channel: CHANNEL,
      confirm: false,
    });
    const card = asked.card as PostedCard;
    const writesBefore = t.sim.writes().length;

    faults.set(fault);
    const since = t.fake.mark();
    const write = await t.command(`license update vbr ${uidOf(licenses[2 * n + 1] as never)}`, APPROVER, CHANNEL);
    expect(await answerTo(t, write.responseUrl, since)).toMatch(/database is not available/);
    const read = await t.command('licenses vbr', APPROVER, CHANNEL);
    expect(await answerTo(t, read.responseUrl, since)).toMatch(/licen/i); // reads still work (the audit line is logged)

    await t.click({
      actionId: 'confirm_action',
      value: card.actionId,
      messageTs: card.ts,
      user: APPROVER,
      channel: CHANNEL,
    });
    await eventually(
      () =>
        t.fake.calls().some((call) => call.seq > since && /database is not available/.test(messageText(call.params))) ||
        undefined,
      { timeoutMs: 20_000, what: 'the clicker to be told' },
    );
    expect(t.sim.writes()).toHaveLength(writesBefore);
    expect(hasConfirm(t.fake.message(CHANNEL, card.ts)?.blocks)).toBe(true);

    faults.set(null);
    await t.click({
      actionId: 'confirm_action',
      value: card.actionId,
      messageTs: card.ts,
      user: APPROVER,
      channel: CHANNEL,
    });
    await eventually(
      () => {
        const message = t.fake.message(CHANNEL, card.ts);
        return message && !hasConfirm(message.blocks) && /Done/.test(messageText(message)) ? true : undefined;
      },
      { timeoutMs: 20_000, what: 'the card to end Done' },
    );
    expect(t.sim.writes()).toHaveLength(writesBefore + 1);
    expect(await faults.store.getAction(card.actionId)).toMatchObject({ status: 'succeeded' });
  },
);
