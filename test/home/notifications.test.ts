/**
 * Approver notices with a settable clock, on two replicas sharing one database (issue 13): the people
 * who may decide (user ids and user group members) are told once when the card is posted, reminded once
 * at half the time to live, never after the action ended; the requester is told by DM once when it
 * ended. Each notice is claimed in the store, so the replicas never send one twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { uidOf } from '../../src/simulator/kinds.js';
import { type PostedCard, waitForCard } from '../replicas/support/cards.js';
import { type Replica, type SettableClock, settableClock, startReplica } from '../replicas/support/replica.js';
import { tempDatabase } from '../support/app.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { type FakeSlack, type RecordedCall, startFakeSlack } from '../support/slack/index.js';

const CHANNEL = 'C0LICENSES';
const OPERATOR = 'U0OPS';
const DECIDERS = ['U0ALICE', 'U0BOB', 'U0CAROL'];
const MINUTE = 60_000;

let sim: RunningSimulator;
let fake: FakeSlack;
let database: ReturnType<typeof tempDatabase>;

beforeAll(async () => {
  [sim, fake] = await Promise.all([startSimulator({ seed: 'notify' }), startFakeSlack()]);
  fake.setUserGroup('S0LEADS', ['U0BOB', 'U0CAROL']);
  database = tempDatabase();
}, 30_000);
afterAll(async () => {
  await Promise.all([sim?.close(), fake?.close()]);
  database?.remove();
});

const posts = (where: (call: RecordedCall) => boolean) =>
  fake.calls('chat.postMessage').filter((call) => (call.result as { ok?: boolean })?.ok && where(call));
const threadReplies = (card: PostedCard) => posts((call) => call.params.thread_ts === card.ts);
const dmsTo = (user: string, since: number) => posts((call) => call.seq > since && call.params.channel === user);

async function settled(replicas: Replica[]): Promise<void> {
  for (const replica of replicas) await replica.bot.services.events.idle();
}

async function requestUpdate(replica: Replica, index: number): Promise<PostedCard> {
  const since = fake.mark();
  await replica.command(`license update vbr ${uidOf(sim.state.list('vbr')[index]!)}`, OPERATOR, CHANNEL);
  return waitForCard(fake, since);
}

const DATABASES: { name: string; url(): Promise<string> }[] = [
  { name: 'one SQLite file', url: async () => database.url },
  {
    name: 'one PostgreSQL',
    url: async () => {
      pg = await startPostgres();
      return pg.newDatabase();
    },
  },
];
let pg: PostgresServer | undefined;
afterAll(async () => {
  await pg?.stop();
});

describe.each(DATABASES)('approver notices on two replicas sharing $name (thread mode, the default)', (db) => {
  let time: SettableClock;
  const replicas: Replica[] = [];
  let start: Date;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await db.url();
    start = new Date();
    time = settableClock(start);
    const env = { APPROVERS: 'U0ALICE,S0LEADS', OPERATORS: OPERATOR, APPROVAL_TTL_MINUTES: '15' };
    replicas.push(
      ...(await Promise.all([
        startReplica({ sim, fake, databaseUrl, env, clock: time.clock }),
        startReplica({ sim, fake, databaseUrl, env, clock: time.clock }),
      ])),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
  });

  const sweepAll = (rounds = 3) =>
    Promise.all(
      Array.from({ length: rounds }, () =>
        replicas.map((replica) => replica.bot.notifications.sweep(time.clock())),
      ).flat(),
    );

  it('one notice in the card thread naming every decider, one reminder at half the TTL, none after the end; the requester told once', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const card = await requestUpdate(a, 0);
    const since = fake.mark();
    await fake.waitFor((call) => call.method === 'chat.postMessage' && call.params.thread_ts === card.ts, {
      timeoutMs: 15_000,
    });
    await sweepAll();
    await settled(replicas);
    const [notice, ...others] = threadReplies(card);
    expect(others).toEqual([]);
    for (const user of DECIDERS) expect(String(notice?.params.text)).toContain(`<@${user}>`);
    // The requester is named as who asked, not asked to decide.
    expect(String(notice?.params.text).split('Your decision')[0]).not.toContain(`<@${OPERATOR}>`);
    expect(String(notice?.params.text)).toContain('Your decision is needed');

    // Before half the TTL: no reminder, however often both replicas sweep.
    time.set(new Date(start.getTime() + 7 * MINUTE));
    await sweepAll();
    expect(threadReplies(card)).toHaveLength(1);

    // Past half: exactly one reminder between the two replicas.
    time.set(new Date(start.getTime() + 8 * MINUTE));
    await sweepAll();
    const replies = threadReplies(card);
    expect(replies).toHaveLength(2);
    expect(String(replies[1]?.params.text)).toContain('Reminder');
    for (const user of DECIDERS) expect(String(replies[1]?.params.text)).toContain(`<@${user}>`);

    // A restart (a new replica on the same database) sends nothing again.
    await b.stop();
    const c = await startReplica({
      sim,
      fake,
      databaseUrl,
      env: { APPROVERS: 'U0ALICE,S0LEADS', OPERATORS: OPERATOR, APPROVAL_TTL_MINUTES: '15' },
      clock: time.clock,
    });
    replicas.splice(1, 1, c);
    await sweepAll();
    expect(threadReplies(card)).toHaveLength(2);

    // It expires (both replicas try); the requester hears it once, by DM; no notice after that.
    time.set(new Date(start.getTime() + 16 * MINUTE));
    await Promise.all(replicas.map((replica) => replica.bot.services.approvals.expireDue(time.clock())));
    await settled(replicas);
    await sweepAll();
    await settled(replicas);
    const told = dmsTo(OPERATOR, since);
    expect(told).toHaveLength(1);
    expect(String(told[0]?.params.text)).toContain('expired');
    expect(threadReplies(card)).toHaveLength(2);
    for (const user of DECIDERS) expect(dmsTo(user, since)).toEqual([]);
  }, 60_000);
});

describe('APPROVAL_NOTIFY=dm', () => {
  it('each decider gets one DM with a link to the card; the requester one when it is done', async () => {
    const time = settableClock(new Date());
    const db = tempDatabase();
    const replica = await startReplica({
      sim,
      fake,
      databaseUrl: db.url,
      env: { APPROVERS: 'U0ALICE,S0LEADS', OPERATORS: OPERATOR, APPROVAL_NOTIFY: 'dm' },
      clock: time.clock,
    });
    try {
      const since = fake.mark();
      const card = await requestUpdate(replica, 1);
      await fake.waitFor((call) => call.method === 'chat.postMessage' && call.params.channel === 'U0CAROL', {
        since,
        timeoutMs: 15_000,
      });
      await replica.bot.notifications.sweep(time.clock());
      await settled([replica]);
      for (const user of DECIDERS) {
        const dms = dmsTo(user, since);
        expect(dms).toHaveLength(1);
        expect(String(dms[0]?.params.text)).toContain(`/archives/${CHANNEL}/p${card.ts.replace('.', '')}`);
      }
      expect(threadReplies(card)).toEqual([]);

      await replica.click({
        actionId: 'confirm_action',
        value: card.actionId,
        messageTs: card.ts,
        user: 'U0BOB',
        channel: CHANNEL,
      });
      await fake.waitFor((call) => call.method === 'chat.postMessage' && call.params.channel === OPERATOR, {
        since,
        timeoutMs: 15_000,
      });
      await settled([replica]);
      const told = dmsTo(OPERATOR, since);
      expect(told).toHaveLength(1);
      expect(String(told[0]?.params.text)).toContain('is done');
    } finally {
      await replica.stop();
      db.remove();
    }
  }, 60_000);
});
