import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeMrkdwn } from '../../src/mrkdwn.js';
import { createStore } from '../../src/store/create-store.js';
import type { DigestRecord, Store } from '../../src/store/types.js';
import { VspcServerError } from '../../src/vspc/errors.js';
import { createFakeBackend } from './support/fake-backend.js';
import { generateInventory } from './support/generate-inventory.js';
import { CHANNELS, createFakeSlack, createHarness, type Harness } from './support/harness.js';
import { makeLicense, makeReport } from './support/license-factory.js';

// 09:30 in Berlin: after the 08:00 schedule.
const AFTER_SCHEDULE = new Date('2026-03-10T08:30:00Z');
// 07:30 in Berlin: before it.
const BEFORE_SCHEDULE = new Date('2026-03-10T06:30:00Z');
const DAY = '2026-03-10';

const urgent = () => [
  makeLicense({ expirationDate: '2026-03-09T12:00:00Z' }),
  makeLicense({ expirationDate: '2026-03-15T12:00:00Z', autoUpdateEnabled: false }),
];

const running: Harness[] = [];
function harness(options: Parameters<typeof createHarness>[0]): Harness {
  const h = createHarness(options);
  running.push(h);
  return h;
}

const stores: Store[] = [];
const directories: string[] = [];
async function openStore(databaseUrl = 'sqlite::memory:'): Promise<Store> {
  const store = await createStore(databaseUrl);
  stores.push(store);
  return store;
}

async function records(store: Store): Promise<DigestRecord[]> {
  const found = await Promise.all(CHANNELS.map((channel) => store.getDigest(channel, DAY)));
  return found.filter((record): record is DigestRecord => record !== null);
}

async function postedCount(store: Store): Promise<number> {
  return (await records(store)).filter((record) => record.status === 'posted').length;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((h) => h.service.stop()));
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await Promise.all(directories.splice(0).map((directory) => rm(directory, { recursive: true, force: true })));
  vi.useRealTimers();
});

function vspcOutage() {
  return new VspcServerError('VSPC GET /api/v3/licensing/backupServers answered HTTP 520: Internal error', {
    status: 520,
    errors: [{ message: 'Internal error', type: 'error', code: 1000 }],
    endpoint: 'GET /api/v3/licensing/backupServers',
    requestId: '0c5e7c1e-4d1b-4bd6-9f5e-2b1f9f6d0a11',
  });
}

describe('digest service: once per channel and day', () => {
  it('posts one digest to every channel when the cron fires, and nothing more the same day', async () => {
    const store = await openStore();
    const h = harness({ store, licenses: urgent(), reports: [makeReport()], now: BEFORE_SCHEDULE });
    await h.service.start();
    expect(h.cron.expressions).toEqual([{ expression: '0 8 * * *', timezone: 'Europe/Berlin' }]);
    expect(h.slack.calls).toEqual([]);

    h.clock.now = AFTER_SCHEDULE;
    h.cron.fire();
    await vi.waitFor(async () => expect(await postedCount(store)).toBe(2));
    for (const channel of CHANNELS) {
      const [main] = h.slack.mainMessages(channel);
      expect(h.slack.mainMessages(channel)).toHaveLength(1);
      expect(main?.text).toBe(
        `VSPC license digest ${DAY}: 1 expired · 1 expiring within 30 days · 1 report waits for approval`,
      );
      expect((await store.getDigest(channel, DAY))?.messageTs).toBe(main?.ts);
    }

    await h.service.runScheduled();
    expect(h.slack.mainMessages()).toHaveLength(2);
  });

  it('posts the overflow as replies in the thread of each channel’s main message', async () => {
    const h = harness({ store: await openStore(), licenses: generateInventory(AFTER_SCHEDULE).licenses });
    await h.service.runScheduled();
    for (const channel of CHANNELS) {
      const [main, ...others] = h.slack.calls.filter((call) => call.channel === channel);
      expect(main?.thread_ts).toBeUndefined();
      expect(others.length).toBeGreaterThan(0);
      expect(others.every((reply) => reply.thread_ts === main?.ts)).toBe(true);
    }
  });

  it('does not post again after a restart the same day', async () => {
    const store = await openStore();
    const first = harness({ store, licenses: urgent(), instanceId: 'pid-1' });
    await first.service.start();
    expect(first.slack.mainMessages()).toHaveLength(2);
    await first.service.stop();

    const second = harness({ store, licenses: urgent(), instanceId: 'pid-2' });
    await second.service.start();
    await second.service.runScheduled();
    expect(second.slack.calls).toEqual([]);
    expect(second.backend.loads).toBe(0);
  });

  it('posts once when two replicas on one database race for the same day', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'digest-race-'));
    directories.push(directory);
    // Two store instances on one file: two connections, as two replicas would have.
    const url = `sqlite:${join(directory, 'bot.sqlite')}`;
    const [storeA, storeB] = [await openStore(url), await openStore(url)];
    const slack = createFakeSlack();
    const a = harness({ store: storeA, slack, licenses: urgent(), instanceId: 'replica-a', now: BEFORE_SCHEDULE });
    const b = harness({ store: storeB, slack, licenses: urgent(), instanceId: 'replica-b', now: BEFORE_SCHEDULE });
    await Promise.all([a.service.start(), b.service.start()]);
    a.clock.now = AFTER_SCHEDULE;
    b.clock.now = AFTER_SCHEDULE;
    await Promise.all([a.service.runScheduled(), b.service.runScheduled(), a.service.runScheduled()]);
    expect(slack.mainMessages('C0LICENSES')).toHaveLength(1);
    expect(slack.mainMessages('C0OPS')).toHaveLength(1);
    expect((await records(storeB)).map((r) => [r.status, r.attempts])).toEqual([
      ['posted', 1],
      ['posted', 1],
    ]);
  });

  it('catches up on start when today’s scheduled time passed during downtime', async () => {
    const store = await openStore();
    const early = harness({ store, licenses: urgent(), now: BEFORE_SCHEDULE });
    await early.service.start();
    expect(early.slack.calls).toEqual([]);
    await early.service.stop();

    const late = harness({ store, licenses: urgent(), now: AFTER_SCHEDULE, instanceId: 'after-downtime' });
    expect(await late.service.catchUp()).toBe(true);
    expect(late.slack.mainMessages().map((call) => call.channel)).toEqual(CHANNELS);
    expect((await records(store)).map((r) => [r.status, r.claimedBy])).toEqual([
      ['posted', 'after-downtime'],
      ['posted', 'after-downtime'],
    ]);
  });

  it('stops the cron job on stop', async () => {
    const h = harness({ store: await openStore(), licenses: urgent(), now: BEFORE_SCHEDULE });
    await h.service.start();
    await h.service.stop();
    expect(h.cron.stopped).toBe(1);
    h.cron.fire();
    expect(h.backend.loads).toBe(0);
  });
});

describe('digest service: when VSPC or Slack fail', () => {
  it('says what failed with VSPC’s code and request id, then retries and posts the digest', async () => {
    const store = await openStore();
    const h = harness({ store, licenses: urgent(), retryDelaysMs: [20, 20] });
    h.backend.failNext(1, vspcOutage());
    await h.service.runScheduled();

    const failures = h.slack.mainMessages();
    expect(failures.map((call) => call.channel)).toEqual(CHANNELS);
    for (const call of failures) {
      expect(call.text).toBe(
        `The VSPC license digest for ${DAY} could not be built: Internal error · VSPC error code 1000 · HTTP 520 · ` +
          'request id 0c5e7c1e-4d1b-4bd6-9f5e-2b1f9f6d0a11',
      );
      expect(JSON.stringify(call.blocks)).toContain('Next attempt in 1 second.');
    }

    await vi.waitFor(async () => expect(await postedCount(store)).toBe(2));
    const digests = h.slack.mainMessages().slice(2);
    expect(digests.map((call) => call.channel)).toEqual(CHANNELS);
    for (const call of digests) expect(call.text).toMatch(/^VSPC license digest 2026-03-10: 1 expired/);
    expect((await records(store)).map((r) => r.attempts)).toEqual([2, 2]);
    const audit = await store.listAudit(10);
    expect(audit.some((entry) => entry.requestId === '0c5e7c1e-4d1b-4bd6-9f5e-2b1f9f6d0a11')).toBe(true);
  });

  it('tells the channel when it gives up for the day, and a later run may try again', async () => {
    const store = await openStore();
    const h = harness({ store, licenses: urgent(), retryDelaysMs: [] });
    h.backend.failNext(5, vspcOutage());
    await h.service.runScheduled();
    expect(h.slack.mainMessages()).toHaveLength(2);
    expect(JSON.stringify(h.slack.calls[0]?.blocks)).toContain(
      'No more attempts today. Run /vspc digest now to try again.',
    );
    expect((await records(store)).map((r) => r.status)).toEqual(['failed', 'failed']);

    h.backend.failNext(0, vspcOutage());
    await h.service.runScheduled();
    expect(
      h.slack
        .mainMessages()
        .slice(2)
        .map((call) => call.text.slice(0, 30)),
    ).toEqual(['VSPC license digest 2026-03-10', 'VSPC license digest 2026-03-10']);
  });

  it('posts to the other channels when one channel fails, and retries the failed one', async () => {
    const store = await openStore();
    const h = harness({ store, licenses: urgent(), retryDelaysMs: [20] });
    h.slack.failing.set('C0LICENSES', 'channel_not_found');
    await h.service.runScheduled();
    expect(h.slack.mainMessages().map((call) => call.channel)).toEqual(['C0OPS']);
    expect((await store.getDigest('C0LICENSES', DAY))?.status).toBe('failed');

    h.slack.failing.clear();
    await vi.waitFor(() => expect(h.slack.mainMessages('C0LICENSES')).toHaveLength(1));
    expect(h.slack.mainMessages('C0OPS')).toHaveLength(1);
  });

  it('cancels pending retries on stop', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const h = harness({ store: await openStore(), licenses: urgent(), retryDelaysMs: [60_000] });
    h.backend.failNext(1, vspcOutage());
    await h.service.runScheduled();
    const loads = h.backend.loads;
    await h.service.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(h.backend.loads).toBe(loads);
    expect(h.slack.mainMessages()).toHaveLength(2);
  });
});

describe('digest service: empty days and digest now', () => {
  it('posts an all-clear line when DIGEST_SKIP_EMPTY is off', async () => {
    const h = harness({ store: await openStore(), licenses: [makeLicense()] });
    await h.service.runScheduled();
    expect(h.slack.mainMessages().map((call) => call.text)).toEqual([
      expect.stringMatching(/^VSPC license digest 2026-03-10: All clear/),
      expect.stringMatching(/^VSPC license digest 2026-03-10: All clear/),
    ]);
  });

  it('stays silent on an empty day when DIGEST_SKIP_EMPTY is on, and the day still counts as done', async () => {
    const store = await openStore();
    const h = harness({ store, licenses: [makeLicense()], settings: { skipEmpty: true } });
    await h.service.runScheduled();
    await h.service.runScheduled();
    expect(h.slack.calls).toEqual([]);
    expect(h.backend.loads).toBe(5);
    expect((await records(store)).map((r) => [r.channel, r.status, r.messageTs])).toEqual([
      ['C0LICENSES', 'posted', null],
      ['C0OPS', 'posted', null],
    ]);
  });

  it('counts digest now as today’s digest: the scheduled run afterwards posts nothing', async () => {
    const store = await openStore();
    const h = harness({ store, licenses: [makeLicense()], settings: { skipEmpty: true }, now: BEFORE_SCHEDULE });
    const answer = escapeMrkdwn(await h.service.postNow('U0LEAD123'));
    expect(answer).toBe('Posted the digest for 2026-03-10 to <#C0LICENSES>, <#C0OPS>.');
    // Forced: posted even though the day is empty and DIGEST_SKIP_EMPTY is on.
    expect(h.slack.mainMessages()).toHaveLength(2);

    h.clock.now = AFTER_SCHEDULE;
    h.cron.fire();
    await h.service.runScheduled();
    expect(h.slack.mainMessages()).toHaveLength(2);
    const audit = await store.listAudit(10);
    expect(audit.filter((entry) => entry.actor === 'U0LEAD123').map((entry) => entry.target)).toEqual([
      'C0OPS',
      'C0LICENSES',
    ]);
  });

  it('digest now throws VSPC’s error for the caller to show, and posts nothing', async () => {
    const h = harness({ store: await openStore(), licenses: urgent() });
    h.backend.failNext(1, vspcOutage());
    await expect(h.service.postNow('U0LEAD123')).rejects.toBeInstanceOf(VspcServerError);
    expect(h.slack.calls).toEqual([]);
  });

  it('digest now names the channels it could not post to', async () => {
    const h = harness({ store: await openStore(), licenses: urgent() });
    h.slack.failing.set('C0OPS', 'not_in_channel');
    expect(escapeMrkdwn(await h.service.postNow('U0LEAD123'))).toBe(
      'Posted the digest for 2026-03-10 to <#C0LICENSES>. Could not post it to <#C0OPS> (not_in_channel).',
    );
  });

  it('previews without posting or recording', async () => {
    const store = await openStore();
    const h = harness({ store, licenses: urgent(), reports: [makeReport()] });
    const digest = await h.service.preview();
    expect(digest.summary).toBe('1 expired · 1 expiring within 30 days · 1 report waits for approval');
    expect(h.slack.calls).toEqual([]);
    expect(await store.getDigest('C0LICENSES', DAY)).toBeNull();
  });

  it('does nothing without a digest channel', async () => {
    const h = harness({ store: await openStore(), settings: { channels: [] }, backend: createFakeBackend(urgent()) });
    await h.service.start();
    expect(h.cron.expressions).toEqual([]);
    expect(await h.service.postNow('U0LEAD123')).toMatch(/^No digest channel is configured/);
  });
});
