/**
 * The SQLite file turns read-only, or its disk fills up, while the bot runs (injected faults, see
 * `test/support/faulty-store.ts`: every write of a real SQLite store throws what better-sqlite3 throws).
 * The bot answers clearly, runs no write it could not first record as executing, and works again by
 * itself once the file is writable, the audit entries made meanwhile included.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uidOf } from '../../src/simulator/kinds.js';
import { createStore } from '../../src/store/create-store.js';
import { startTestBot, type TestBot, tempDatabase } from '../support/app.js';
import { DISK_FULL, type FaultyStore, faulty, READ_ONLY } from '../support/faulty-store.js';
import { answerTo } from './support/answer-to.js';
import { hasConfirm, messageText, type PostedCard } from './support/cards.js';
import { eventually } from './support/eventually.js';
import { expectedLines, linesOf, trailAfterOutage } from './support/outage-trail.js';
import { clickConfirm, requestAndConfirm } from './support/write-flow.js';

const APPROVER = 'U0APPROVER';
const CHANNEL = 'C0SQLITE';
const OUTAGE_COMMAND = 'licenses vbr';
const database = tempDatabase();
let t: TestBot;
let faults: FaultyStore;
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

    await clickConfirm(t, card, APPROVER);
    await eventually(
      () =>
        t.fake.calls().some((call) => call.seq > since && /database is not available/.test(messageText(call.params))) ||
        undefined,
      { timeoutMs: 20_000, what: 'the clicker to be told' },
    );
    expect(t.sim.writes()).toHaveLength(writesBefore);
    expect(hasConfirm(t.fake.message(CHANNEL, card.ts)?.blocks)).toBe(true);

    faults.set(null);
    await clickConfirm(t, card, APPROVER);
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

it('a write that ends while the file is read-only: `/vspc audit` shows the entries of the outage once it is writable, in order, once each', {
  timeout: 60_000,
}, async () => {
  const file = tempDatabase();
  let outage = true;
  // The file turns read-only right after the VSPC call, before the outcome is recorded.
  const own: FaultyStore = faulty(await createStore(file.url), {
    beforeOutcome: async () => {
      if (!outage) return;
      outage = false;
      own.set(READ_ONLY);
    },
  });
  const bot = await startTestBot({ env: { APPROVERS: APPROVER }, store: own.store });
  try {
    const uid = uidOf(bot.sim.state.list('vbr')[4] as never);
    const done = await requestAndConfirm(bot, `license update vbr ${uid}`, { user: APPROVER, channel: CHANNEL });
    expect(done.final).toMatch(/Done/);
    const since = bot.fake.mark();
    const read = await bot.command(OUTAGE_COMMAND, APPROVER, CHANNEL);
    expect(await answerTo(bot, read.responseUrl, since)).toMatch(/licen/i);
    expect(bot.bot.services.auditBacklog.size).toBe(3);

    own.set(null);
    const asked = await bot.command('audit 50', APPROVER, CHANNEL);
    const shown = await answerTo(bot, asked.responseUrl, since);
    // Newest first: the outage's command, then the outcome and the transition recorded late.
    const at = (pattern: RegExp) => shown.search(pattern);
    expect(at(/licenses vbr/)).toBeGreaterThan(-1);
    expect(at(/licenses vbr/)).toBeLessThan(at(/executing→succeeded/));
    expect(at(/executing→succeeded/)).toBeLessThan(at(/pending→executing/));

    const trail = await trailAfterOutage(own.store, OUTAGE_COMMAND);
    const lines = linesOf(trail, APPROVER, (done.card as PostedCard).actionId, OUTAGE_COMMAND);
    expect(lines).toEqual(expectedLines(OUTAGE_COMMAND).map((line) => expect.stringMatching(line)));
    expect(bot.bot.services.auditBacklog.size).toBe(0);
  } finally {
    await bot.stop();
    file.remove();
  }
});
