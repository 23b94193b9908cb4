/**
 * PostgreSQL restarted while the bot runs: commands, clicks and the digest during the outage get a
 * clear answer, no write runs that the store could not first record as executing, and once the
 * database is back the bot works again by itself (the pool reconnects), the same card included, and
 * the audit entries made while it was away are written then.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uidOf } from '../../src/simulator/kinds.js';
import { createStore } from '../../src/store/create-store.js';
import { startTestBot, type TestBot } from '../support/app.js';
import { faulty } from '../support/faulty-store.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { answerTo } from './support/answer-to.js';
import { hasConfirm, messageText, type PostedCard } from './support/cards.js';
import { eventually } from './support/eventually.js';
import { expectedLines, linesOf, trailAfterOutage } from './support/outage-trail.js';
import { clickConfirm, requestAndConfirm } from './support/write-flow.js';

const APPROVER = 'U0APPROVER';
const CHANNEL = 'C0DBFAULT';
const OUTAGE_COMMAND = 'licenses vbr';

let pg: PostgresServer;
let databaseUrl: string;
let t: TestBot;
beforeAll(async () => {
  pg = await startPostgres();
  databaseUrl = await pg.newDatabase();
  t = await startTestBot({ env: { APPROVERS: APPROVER, DATABASE_URL: databaseUrl, DIGEST_CHANNEL: CHANNEL } });
}, 60_000);
afterAll(async () => {
  await t?.stop();
  await pg?.stop();
});

it('PostgreSQL restarts: clear answers while it is down, no unrecorded write, recovery by itself', {
  timeout: 120_000,
}, async () => {
  const uid = uidOf(t.sim.state.list('vbr')[0] as never);
  const asked = await requestAndConfirm(t, `license update vbr ${uid}`, {
    user: APPROVER,
    channel: CHANNEL,
    confirm: false,
  });
  const card = asked.card as PostedCard;
  expect(card).toBeDefined();

  await pg.down();

  // A read command still answers (VSPC is up); a write request says what went wrong instead of a card.
  const since = t.fake.mark();
  const read = await t.command('licenses vbr', APPROVER, CHANNEL);
  expect(read.status).toBe(200);
  expect(await answerTo(t, read.responseUrl, since)).toMatch(/\w/);
  const write = await t.command(`license update vbr ${uidOf(t.sim.state.list('vbr')[1] as never)}`, APPROVER, CHANNEL);
  expect(write.status).toBe(200);
  const writeAnswer = await answerTo(t, write.responseUrl, since);
  expect(writeAnswer).toMatch(/database is not available/);
  expect(writeAnswer).not.toMatch(/\n\s+at /);

  // Confirm while the database is down: the click is refused in words and nothing is sent to VSPC.
  const clickSince = t.fake.mark();
  const click = await clickConfirm(t, card, APPROVER);
  expect(click.status).toBe(200);
  await eventually(
    () =>
      t.fake
        .calls()
        .some((call) => call.seq > clickSince && /database is not available/.test(messageText(call.params))) ||
      undefined,
    { timeoutMs: 20_000, what: 'the clicker to be told' },
  );
  expect(t.sim.writes()).toHaveLength(0);
  expect(hasConfirm(t.fake.message(CHANNEL, card.ts)?.blocks)).toBe(true);

  await pg.up();

  // Back: the same card confirms and runs exactly once; readiness and the digest work again.
  await clickConfirm(t, card, APPROVER);
  const final = await eventually(
    () => {
      const message = t.fake.message(CHANNEL, card.ts);
      return message && !hasConfirm(message.blocks) && /Done/.test(messageText(message))
        ? messageText(message)
        : undefined;
    },
    { timeoutMs: 20_000, what: 'the card to end Done' },
  );
  expect(final).toMatch(/Done/);
  expect(t.sim.writes()).toHaveLength(1);
  await eventually(async () => ((await fetch(`${t.url}/readyz`)).status === 200 ? true : undefined), {
    timeoutMs: 20_000,
    what: '/readyz 200 again',
  });
  const digest = await t.command('digest now', APPROVER, CHANNEL);
  expect(await answerTo(t, digest.responseUrl, since)).toMatch(/Posted the digest|already/i);

  const store = await createStore(databaseUrl);
  try {
    expect(await store.getAction(card.actionId)).toMatchObject({ status: 'succeeded', confirmedBy: APPROVER });
    const trail = (await store.listAudit(200)).filter((entry) => entry.actionId === card.actionId).map((e) => e.event);
    expect(trail).toEqual(expect.arrayContaining(['request', 'transition', 'outcome']));
  } finally {
    await store.close();
  }
});

it('a write that ends while PostgreSQL is down: the audit entries of the outage reach the store once it is back, in order, once each', {
  timeout: 120_000,
}, async () => {
  const url = await pg.newDatabase();
  let outage = true;
  // The database goes away right after the VSPC call, before the outcome is recorded.
  const faults = faulty(await createStore(url), {
    beforeOutcome: async () => {
      if (!outage) return;
      outage = false;
      await pg.down();
    },
  });
  const bot = await startTestBot({ env: { APPROVERS: APPROVER }, store: faults.store, sweepIntervalMs: 200 });
  try {
    const uid = uidOf(bot.sim.state.list('vbr')[2] as never);
    const done = await requestAndConfirm(bot, `license update vbr ${uid}`, { user: APPROVER, channel: CHANNEL });
    expect(done.final).toMatch(/Done/);
    expect(bot.sim.writes()).toHaveLength(1);
    const since = bot.fake.mark();
    const read = await bot.command(OUTAGE_COMMAND, APPROVER, CHANNEL);
    expect(await answerTo(bot, read.responseUrl, since)).toMatch(/licen/i);
    expect(bot.bot.services.auditBacklog.size).toBe(3);

    await pg.up();
    // Nothing else happens: the sweeper's round writes what waited.
    const check = await createStore(url);
    try {
      const trail = await trailAfterOutage(check, OUTAGE_COMMAND);
      const lines = linesOf(trail, APPROVER, (done.card as PostedCard).actionId, OUTAGE_COMMAND);
      expect(lines).toEqual(expectedLines(OUTAGE_COMMAND).map((line) => expect.stringMatching(line)));
    } finally {
      await check.close();
    }
    expect(bot.bot.services.auditBacklog.size).toBe(0);
  } finally {
    await bot.stop();
  }
});
