/**
 * One digest a day across two app instances on one PostgreSQL (DESIGN §3): both run the scheduled
 * digest at once and one message reaches the channel; a restart of both the same day posts nothing
 * more; and a claim left `claimed` by an instance that died before posting is taken over and posted
 * once (leader election through the store's claim lease).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { createStore } from '../../src/store/create-store.js';
import { DEFAULT_DIGEST_LEASE_MS, type Store } from '../../src/store/types.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { type FakeSlack, startFakeSlack } from '../support/slack/index.js';
import { mainPosts } from './support/cards.js';
import { eventually } from './support/eventually.js';
import { type Replica, type SettableClock, settableClock, startReplica, todayAtUtc } from './support/replica.js';

const DIGEST = 'C0DIGEST';
const DIGEST_ENV = { DIGEST_CHANNEL: DIGEST, DIGEST_CRON: '0 8 * * *', DIGEST_TIMEZONE: 'UTC', APPROVERS: 'U0ALICE' };
const DAY = todayAtUtc(0).toISOString().slice(0, 10);

let pg: PostgresServer;
let sim: RunningSimulator;
let fake: FakeSlack;
const running: Replica[] = [];
const stores: Store[] = [];

beforeAll(async () => {
  [pg, sim, fake] = await Promise.all([startPostgres(), startSimulator({ seed: 'digest-replicas' }), startFakeSlack()]);
}, 60_000);

afterEach(async () => {
  await Promise.all(running.splice(0).map((replica) => replica.stop()));
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

afterAll(async () => {
  await Promise.all([sim?.close(), fake?.close()]);
  await pg?.stop();
});

/** Two instances on one database, started together (each catches up on start if 08:00 has passed). */
async function startPair(databaseUrl: string, time: SettableClock): Promise<[Replica, Replica]> {
  const start = () => startReplica({ sim, fake, databaseUrl, env: DIGEST_ENV, clock: time.clock });
  const pair = await Promise.all([start(), start()]);
  running.push(...pair);
  return pair;
}

async function stopAll(): Promise<void> {
  await Promise.all(running.splice(0).map((replica) => replica.stop()));
}

async function openStore(databaseUrl: string): Promise<Store> {
  const store = await createStore(databaseUrl);
  stores.push(store);
  return store;
}

/** Each test has its own channel history: count only what came after `since`. */
function digestsSince(since: number): number {
  return mainPosts(fake, DIGEST).filter((call) => call.seq > since).length;
}

describe('the daily digest with two instances on one PostgreSQL', () => {
  it('both run the scheduled digest at once: one message; a restart of both the same day posts nothing more', async () => {
    const databaseUrl = await pg.newDatabase();
    const since = fake.mark();
    // 07:00: before the 08:00 schedule, so starting does not catch up.
    const time = settableClock(todayAtUtc(7));
    const [a, b] = await startPair(databaseUrl, time);
    expect(digestsSince(since)).toBe(0);

    time.set(todayAtUtc(8, 0));
    const a1 = a.bot.services.digest;
    const b1 = b.bot.services.digest;
    await Promise.all([a1.runScheduled(), b1.runScheduled(), a1.runScheduled(), b1.runScheduled()]);
    await fake.waitFor((call) => mainPosts(fake, DIGEST).includes(call), { since, timeoutMs: 15_000 });
    expect(digestsSince(since)).toBe(1);
    const store = await openStore(databaseUrl);
    const record = await store.getDigest(DIGEST, DAY);
    expect(record).toMatchObject({ status: 'posted', attempts: 1 });
    expect(record?.messageTs).toBe((mainPosts(fake, DIGEST).at(-1)?.result as { ts?: string } | undefined)?.ts);

    // Both restart later the same day: catch-up on start and the cron find the day done.
    await stopAll();
    time.set(todayAtUtc(9, 30));
    const [a2, b2] = await startPair(databaseUrl, time);
    await Promise.all([a2.bot.services.digest.runScheduled(), b2.bot.services.digest.runScheduled()]);
    expect(digestsSince(since)).toBe(1);
    expect(await store.getDigest(DIGEST, DAY)).toEqual(record);
  }, 30_000);

  it('takes over a claim a dead instance left behind, and posts it once', async () => {
    const databaseUrl = await pg.newDatabase();
    const since = fake.mark();
    const time = settableClock(todayAtUtc(9));
    // An instance claimed today's digest at 08:00 and died before posting it.
    const seed = await openStore(databaseUrl);
    expect(await seed.claimDigest(DIGEST, DAY, 'dead-host:4242', todayAtUtc(8))).toBe(true);

    // Both start at 09:00 and catch up: the claim is an hour old, past its lease.
    await startPair(databaseUrl, time);
    await fake.waitFor((call) => mainPosts(fake, DIGEST).includes(call), { since, timeoutMs: 15_000 });
    expect(digestsSince(since)).toBe(1);
    const record = await seed.getDigest(DIGEST, DAY);
    expect(record).toMatchObject({ status: 'posted', attempts: 2 });
    expect(record?.claimedBy).not.toBe('dead-host:4242');
    const takeovers = (await seed.listAudit(100)).filter((entry) => entry.what === 'take over digest claim');
    expect(takeovers).toHaveLength(1);
    expect(takeovers[0]?.outcome).toBe('taken over from dead-host:4242');

    await Promise.all(running.map((replica) => replica.bot.services.digest.runScheduled()));
    expect(digestsSince(since)).toBe(1);
  }, 30_000);

  it('waits out the lease of a claim that is still fresh, then takes it over and posts once', async () => {
    const databaseUrl = await pg.newDatabase();
    const since = fake.mark();
    const time = settableClock(todayAtUtc(9));
    // The other instance died 2 s before its lease would run out: nobody may post yet.
    const seed = await openStore(databaseUrl);
    const claimedAt = new Date(time.clock().getTime() - DEFAULT_DIGEST_LEASE_MS + 2000);
    expect(await seed.claimDigest(DIGEST, DAY, 'dead-host:4243', claimedAt)).toBe(true);

    await startPair(databaseUrl, time);
    expect(digestsSince(since)).toBe(0);
    expect(await seed.getDigest(DIGEST, DAY)).toMatchObject({ status: 'claimed', claimedBy: 'dead-host:4243' });

    // Both booked a takeover check for when the lease runs out (+1 s): one of them wins it.
    const posted = await eventually(
      async () => {
        const record = await seed.getDigest(DIGEST, DAY);
        return record?.status === 'posted' ? record : undefined;
      },
      { what: 'the digest record to be posted' },
    );
    expect(posted.attempts).toBe(2);
    expect(posted.claimedBy).not.toBe('dead-host:4243');
    // Whatever the loser's check finds, and however often the cron runs now: still one message.
    await Promise.all(running.map((replica) => replica.bot.services.digest.runScheduled()));
    expect(digestsSince(since)).toBe(1);
  }, 30_000);
});
