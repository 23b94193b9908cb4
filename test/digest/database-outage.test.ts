/**
 * The daily digest while its database is away — PostgreSQL stopped (the real cluster the suite starts)
 * or a SQLite file turned read-only: the run posts or says in the log that it could not run, never
 * posts a channel twice for the day, and gets there by itself once the database is back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/types.js';
import { capturingLogger } from '../insight/chart/support.js';
import { faulty, READ_ONLY } from '../support/faulty-store.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { CHANNELS, createHarness, type Harness } from './support/harness.js';
import { makeLicense } from './support/license-factory.js';

// 09:30 in Berlin: after the 08:00 schedule.
const AFTER_SCHEDULE = new Date('2026-03-10T08:30:00Z');
const DAY = '2026-03-10';
const LEASE_MS = 60_000;
const RETRY = { storeRetryMs: 20, claimLeaseMs: LEASE_MS };
const WAIT = { timeout: 20_000, interval: 20 };

const licenses = () => [makeLicense({ expirationDate: '2026-03-09T12:00:00Z' })];

interface Database {
  store: Store;
  down(): Promise<void>;
  up(): Promise<void>;
}

let pg: PostgresServer;
beforeAll(async () => {
  pg = await startPostgres();
}, 60_000);
afterAll(async () => {
  await pg?.stop();
});

const databases: [string, () => Promise<Database>][] = [
  [
    'PostgreSQL stopped',
    async () => ({ store: await createStore(await pg.newDatabase()), down: () => pg.down(), up: () => pg.up() }),
  ],
  [
    'SQLite read-only',
    async () => {
      const faults = faulty(await createStore('sqlite::memory:'));
      return {
        store: faults.store,
        down: async () => faults.set(READ_ONLY),
        up: async () => faults.set(null),
      };
    },
  ],
];

const running: Harness[] = [];
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.service.stop()));
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function open(make: () => Promise<Database>): Promise<Database> {
  const db = await make();
  stores.push(db.store);
  return db;
}

function harness(options: Parameters<typeof createHarness>[0]): Harness {
  const h = createHarness(options);
  running.push(h);
  return h;
}

async function postedCount(store: Store): Promise<number> {
  const records = await Promise.all(CHANNELS.map((channel) => store.getDigest(channel, DAY)));
  return records.filter((record) => record?.status === 'posted').length;
}

describe.each(databases)('daily digest, %s', (_name, make) => {
  it('down when the run starts: says it could not run, then posts once per channel by itself', {
    timeout: 60_000,
  }, async () => {
    const db = await open(make);
    const log = capturingLogger();
    const h = harness({ store: db.store, licenses: licenses(), now: AFTER_SCHEDULE, logger: log.log, ...RETRY });
    await db.down();
    await h.service.runScheduled();
    expect(h.slack.calls).toEqual([]);
    expect(log.lines().map((line) => line.msg)).toContain(
      'digest could not run: the database is not available; it runs again once the database answers',
    );

    await db.up();
    await vi.waitFor(async () => expect(await postedCount(db.store)).toBe(CHANNELS.length), WAIT);
    h.cron.fire();
    await h.service.runScheduled();
    for (const channel of CHANNELS) expect(h.slack.mainMessages(channel)).toHaveLength(1);
  });

  it('down between the post and its record: recorded once it is back, never posted twice', {
    timeout: 60_000,
  }, async () => {
    const db = await open(make);
    const h = harness({ store: db.store, licenses: licenses(), now: AFTER_SCHEDULE, ...RETRY });
    let first = true;
    h.slack.afterPost = async () => {
      if (!first) return;
      first = false;
      await db.down();
    };
    await h.service.runScheduled();
    for (const channel of CHANNELS) expect(h.slack.mainMessages(channel)).toHaveLength(1);

    await db.up();
    await vi.waitFor(async () => expect(await postedCount(db.store)).toBe(CHANNELS.length), WAIT);
    // This process again, and another replica once the lease of those claims has run out.
    await h.service.runScheduled();
    const later = { now: new Date(AFTER_SCHEDULE.getTime() + 2 * LEASE_MS) };
    const other = harness({
      store: db.store,
      licenses: licenses(),
      instanceId: 'instance-b',
      slack: h.slack,
      clock: later,
    });
    await other.service.runScheduled();
    for (const channel of CHANNELS) expect(h.slack.mainMessages(channel)).toHaveLength(1);
  });

  it('down after the claim, before the post: posts once per channel by itself once it is back', {
    timeout: 60_000,
  }, async () => {
    const db = await open(make);
    const h = harness({ store: db.store, licenses: licenses(), now: AFTER_SCHEDULE, ...RETRY });
    const load = h.backend.listLicenses.bind(h.backend);
    let first = true;
    h.backend.listLicenses = async (kind) => {
      if (first) {
        first = false;
        await db.down();
      }
      return load(kind);
    };
    await h.service.runScheduled();
    await db.up();
    await vi.waitFor(async () => expect(await postedCount(db.store)).toBe(CHANNELS.length), WAIT);
    await h.service.runScheduled();
    for (const channel of CHANNELS) expect(h.slack.mainMessages(channel)).toHaveLength(1);
  });
});
