/**
 * One behaviour suite for every Store implementation. Each test file (SQLite file, SQLite memory,
 * PostgreSQL) calls `describeStore` with a harness; the same facts must hold for all of them.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { dedupeKey, type WriteOperation } from '../../src/approvals/operation.js';
import { DEFAULT_DIGEST_LEASE_MS, type Store, type StoredFile } from '../../src/store/types.js';
import { auditEntry, minutesAfter, newAction, T0 } from './fixtures.js';
import { describeKeptUsageMonths } from './usage-months-suite.js';

export interface StoreDatabase {
  /** A store instance on this database, migrated; calling it again is a second process or replica. */
  open(): Promise<Store>;
}

export interface StoreHarness {
  name: string;
  /** A fresh, empty database. */
  newDatabase(): Promise<StoreDatabase>;
  /** False when a database can be opened only once (SQLite :memory:). */
  manyInstances: boolean;
}

export function describeStore(harness: StoreHarness): void {
  describe(`Store contract: ${harness.name}`, () => {
    const opened: Store[] = [];

    async function database(): Promise<{ open(): Promise<Store> }> {
      const db = await harness.newDatabase();
      return {
        open: async () => {
          const store = await db.open();
          opened.push(store);
          return store;
        },
      };
    }

    async function freshStore(): Promise<Store> {
      return (await database()).open();
    }

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    describe('migrations', () => {
      it('migrate() again and again keeps the data and changes nothing', async () => {
        const store = await freshStore();
        const { action } = await store.createAction(newAction());
        await store.migrate();
        await store.migrate();
        expect(await store.getAction(action.id)).toEqual(action);
        expect(await store.ping()).toBe(true);
      });

      if (harness.manyInstances) {
        it('two instances migrating a new database at the same time both end up working', async () => {
          const db = await database();
          const [a, b] = await Promise.all([db.open(), db.open()]);
          await Promise.all([a.migrate(), b.migrate(), a.migrate(), b.migrate()]);
          const { action } = await a.createAction(newAction());
          expect(await b.getAction(action.id)).toEqual(action);
        });
      }
    });

    describe('pending actions', () => {
      it('round-trips every field, including the operation and millisecond times', async () => {
        const store = await freshStore();
        const input = newAction();
        const { action, created } = await store.createAction(input);
        expect(created).toBe(true);
        const expected = {
          ...input,
          status: 'pending',
          confirmedBy: null,
          finishedAt: null,
          outcome: null,
          executingSince: null,
        };
        expect(action).toEqual(expected);
        const read = await store.getAction(input.id);
        expect(read).toEqual(expected);
        expect(read?.createdAt.getTime()).toBe(T0.getTime());
      });

      it('round-trips every kind of operation and null message fields', async () => {
        const store = await freshStore();
        const operations: WriteOperation[] = [
          { op: 'license.update', kind: 'console', uid: 'console' },
          { op: 'license.autoupdate', kind: 'site', uid: randomUUID(), enabled: false },
          { op: 'license.delete', kind: 'vbr', uid: randomUUID(), section: null },
          { op: 'license.delete', kind: 'vbr', uid: randomUUID(), section: 'Socket' },
          { op: 'reports.finalize' },
          { op: 'reports.autoapprove', enabled: true },
        ];
        for (const operation of operations) {
          const input = newAction({
            operation,
            dedupeKey: dedupeKey(operation),
            channel: null,
            messageTs: null,
            responseUrl: null,
          });
          await store.createAction(input);
          expect((await store.getAction(input.id))?.operation).toEqual(operation);
          expect(await store.getAction(input.id)).toMatchObject({ channel: null, messageTs: null, responseUrl: null });
        }
      });

      it('answers null for an unknown id', async () => {
        const store = await freshStore();
        expect(await store.getAction(randomUUID())).toBeNull();
      });

      it('keeps one open action per dedupe key, and allows a new one once it ended', async () => {
        const store = await freshStore();
        const first = newAction();
        await store.createAction(first);

        const again = await store.createAction({ ...first, id: randomUUID(), requestedBy: 'U0OTHER' });
        expect(again.created).toBe(false);
        expect(again.action.id).toBe(first.id);
        expect(again.action.requestedBy).toBe('U0REQUESTER');

        expect(await store.transition(first.id, 'pending', 'executing', T0)).toBe(true);
        const whileExecuting = await store.createAction({ ...first, id: randomUUID() });
        expect(whileExecuting).toMatchObject({ created: false, action: { id: first.id, status: 'executing' } });

        expect(await store.transition(first.id, 'executing', 'succeeded', T0)).toBe(true);
        const afterEnd = await store.createAction({ ...first, id: randomUUID() });
        expect(afterEnd.created).toBe(true);
        expect(afterEnd.action.id).not.toBe(first.id);

        const otherTarget = newAction();
        expect((await store.createAction(otherTarget)).created).toBe(true);
      });

      it('creates exactly one action when 20 requests for the same target race', async () => {
        const db = await database();
        const stores = harness.manyInstances ? [await db.open(), await db.open()] : [await db.open()];
        const template = newAction();
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            stores[i % stores.length]!.createAction({ ...template, id: randomUUID() }),
          ),
        );
        expect(results.filter((r) => r.created)).toHaveLength(1);
        expect(new Set(results.map((r) => r.action.id)).size).toBe(1);
        expect(await stores[0]!.listActions({ status: ['pending'] })).toHaveLength(1);
      });

      it('records where the card is; responseUrl is kept when not given and cleared with null', async () => {
        const store = await freshStore();
        const input = newAction({ channel: null, messageTs: null });
        await store.createAction(input);

        await store.setActionMessage(input.id, 'C0OTHER', '1712345678.999999');
        expect(await store.getAction(input.id)).toMatchObject({
          channel: 'C0OTHER',
          messageTs: '1712345678.999999',
          responseUrl: input.responseUrl,
        });

        await store.setActionMessage(input.id, null, null, null);
        expect(await store.getAction(input.id)).toMatchObject({ channel: null, messageTs: null, responseUrl: null });

        await store.setActionMessage(input.id, 'C0X', '1.2', 'https://hooks.slack.com/actions/T0/2/def');
        expect((await store.getAction(input.id))?.responseUrl).toBe('https://hooks.slack.com/actions/T0/2/def');
      });

      it('transition is a compare-and-set that applies the patch', async () => {
        const store = await freshStore();
        const input = newAction();
        await store.createAction(input);

        expect(await store.transition(input.id, 'executing', 'succeeded', T0)).toBe(false);
        expect(await store.transition(randomUUID(), 'pending', 'executing', T0)).toBe(false);
        expect(await store.transition(input.id, 'pending', 'executing', T0, { confirmedBy: 'U0APPROVER' })).toBe(true);
        expect(await store.transition(input.id, 'pending', 'executing', T0, { confirmedBy: 'U0LATE' })).toBe(false);

        const finishedAt = minutesAfter(T0, 1);
        expect(
          await store.transition(input.id, 'executing', 'failed', finishedAt, {
            outcome: 'VSPC 409 · request 5f0c',
            finishedAt,
          }),
        ).toBe(true);
        expect(await store.getAction(input.id)).toMatchObject({
          status: 'failed',
          confirmedBy: 'U0APPROVER',
          outcome: 'VSPC 409 · request 5f0c',
          finishedAt,
          executingSince: T0,
        });
      });

      it('records when an action entered executing, once, and keeps it through later moves', async () => {
        const store = await freshStore();
        const input = newAction();
        await store.createAction(input);
        const confirmedAt = minutesAfter(T0, 3);
        expect(await store.transition(input.id, 'pending', 'executing', confirmedAt, { confirmedBy: 'U0A' })).toBe(
          true,
        );
        expect((await store.getAction(input.id))?.executingSince).toEqual(confirmedAt);

        // "Outcome not known yet": the action stays executing (still open) with words for the card.
        const later = minutesAfter(T0, 8);
        expect(await store.transition(input.id, 'executing', 'executing', later, { outcome: 'not known yet' })).toBe(
          true,
        );
        expect(await store.getAction(input.id)).toMatchObject({
          status: 'executing',
          outcome: 'not known yet',
          finishedAt: null,
          executingSince: confirmedAt,
        });
        expect((await store.createAction({ ...input, id: randomUUID() })).created).toBe(false);

        const end = minutesAfter(T0, 20);
        expect(
          await store.transition(input.id, 'executing', 'succeeded', end, { outcome: 'done', finishedAt: end }),
        ).toBe(true);
        expect(await store.getAction(input.id)).toMatchObject({ status: 'succeeded', executingSince: confirmedAt });
        expect((await store.listActions({ status: ['succeeded'] }))[0]?.executingSince).toEqual(confirmedAt);
      });

      it('lets exactly one of 50 simultaneous confirms win', async () => {
        const store = await freshStore();
        const input = newAction();
        await store.createAction(input);
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) =>
            store.transition(input.id, 'pending', 'executing', T0, { confirmedBy: `U${i}` }),
          ),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results.indexOf(true);
        expect(await store.getAction(input.id)).toMatchObject({ status: 'executing', confirmedBy: `U${winner}` });
      });

      if (harness.manyInstances) {
        it('lets exactly one of 50 simultaneous confirms win across two store instances', async () => {
          const db = await database();
          const [a, b] = [await db.open(), await db.open()];
          const input = newAction();
          await a.createAction(input);
          const results = await Promise.all(
            Array.from({ length: 50 }, (_, i) =>
              (i % 2 === 0 ? a : b).transition(input.id, 'pending', 'executing', T0, { confirmedBy: `U${i}` }),
            ),
          );
          expect(results.filter(Boolean)).toHaveLength(1);
          expect(await b.getAction(input.id)).toMatchObject({ confirmedBy: `U${results.indexOf(true)}` });
        });
      }

      it('refuses to leave pending once expiresAt is reached, except to expired; later states ignore expiry', async () => {
        const store = await freshStore();
        const expired = newAction();
        await store.createAction(expired);
        expect(await store.transition(expired.id, 'pending', 'executing', expired.expiresAt)).toBe(false);
        expect(await store.transition(expired.id, 'pending', 'executing', minutesAfter(expired.expiresAt, 5))).toBe(
          false,
        );
        expect(await store.transition(expired.id, 'pending', 'cancelled', minutesAfter(expired.expiresAt, 5))).toBe(
          false,
        );
        // The expiry sweep runs after expiresAt, by definition, and must still be able to close it.
        expect(await store.transition(expired.id, 'pending', 'expired', minutesAfter(expired.expiresAt, 5))).toBe(true);

        const live = newAction();
        await store.createAction(live);
        const lastMillisecond = new Date(live.expiresAt.getTime() - 1);
        expect(await store.transition(live.id, 'pending', 'executing', lastMillisecond)).toBe(true);
        expect(await store.transition(live.id, 'executing', 'succeeded', minutesAfter(live.expiresAt, 60))).toBe(true);
      });

      it('lists pending actions whose expiresAt is at or before now', async () => {
        const store = await freshStore();
        const now = minutesAfter(T0, 30);
        const longAgo = newAction({ expiresAt: minutesAfter(T0, 5) });
        const exactlyNow = newAction({ expiresAt: now });
        const future = newAction({ expiresAt: minutesAfter(now, 1) });
        const executing = newAction({ expiresAt: minutesAfter(T0, 10) });
        for (const action of [longAgo, exactlyNow, future, executing]) await store.createAction(action);
        await store.transition(executing.id, 'pending', 'executing', T0);

        const expired = await store.listExpired(now);
        expect(expired.map((a) => a.id)).toEqual([longAgo.id, exactlyNow.id]);

        await store.transition(longAgo.id, 'pending', 'expired', now);
        expect((await store.listExpired(now)).map((a) => a.id)).toEqual([exactlyNow.id]);
      });

      it('counts actions per status in one query (the pending-actions gauge)', async () => {
        const store = await freshStore();
        expect(await store.countActionsByStatus()).toEqual({});
        const actions = [0, 1, 2, 3].map((i) => newAction({ createdAt: minutesAfter(T0, i) }));
        for (const action of actions) await store.createAction(action);
        await store.transition(actions[0]!.id, 'pending', 'executing', T0);
        await store.transition(actions[1]!.id, 'pending', 'cancelled', T0);
        expect(await store.countActionsByStatus()).toEqual({ pending: 2, executing: 1, cancelled: 1 });
      });

      it('lists actions by status, newest first, with a limit', async () => {
        const store = await freshStore();
        const actions = [0, 1, 2, 3].map((i) => newAction({ createdAt: minutesAfter(T0, i) }));
        for (const action of actions) await store.createAction(action);
        await store.transition(actions[1]!.id, 'pending', 'executing', T0);

        expect((await store.listActions({})).map((a) => a.id)).toEqual(actions.map((a) => a.id).reverse());
        expect((await store.listActions({ status: ['executing'] })).map((a) => a.id)).toEqual([actions[1]!.id]);
        expect((await store.listActions({ status: ['pending'], limit: 2 })).map((a) => a.id)).toEqual([
          actions[3]!.id,
          actions[2]!.id,
        ]);
        expect(await store.listActions({ status: [] })).toEqual([]);
        expect(await store.listActions({ limit: 0 })).toEqual([]);
      });
    });

    describe('files', () => {
      function storedFile(bytes: Uint8Array): StoredFile {
        return {
          id: randomUUID(),
          name: 'veeam-license.lic',
          size: bytes.byteLength,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bytes,
          uploadedBy: 'U0UPLOADER',
          createdAt: T0,
        };
      }

      it('returns 1 MB of binary bytes exactly, with every other field', async () => {
        const store = await freshStore();
        const bytes = new Uint8Array(randomBytes(1024 * 1024));
        bytes.set([0, 0, 255, 0, 10, 13, 26], 0);
        const file = storedFile(bytes);
        await store.putFile(file);
        const read = await store.getFile(file.id);
        expect(read).not.toBeNull();
        expect(read!.bytes).toBeInstanceOf(Uint8Array);
        expect(Buffer.compare(read!.bytes, bytes)).toBe(0);
        expect({ ...read!, bytes: null }).toEqual({ ...file, bytes: null });
      });

      it('stores every byte value and an empty file', async () => {
        const store = await freshStore();
        const all = storedFile(Uint8Array.from({ length: 512 }, (_, i) => i % 256));
        const empty = storedFile(new Uint8Array(0));
        await store.putFile(all);
        await store.putFile(empty);
        expect(Buffer.compare((await store.getFile(all.id))!.bytes, all.bytes)).toBe(0);
        expect((await store.getFile(empty.id))!.bytes.byteLength).toBe(0);
        expect(await store.getFile(randomUUID())).toBeNull();
      });

      it('refuses bytes that do not match the declared hash or size, and other bytes under a used id', async () => {
        const store = await freshStore();
        const file = storedFile(new Uint8Array([1, 2, 3]));
        await expect(store.putFile({ ...file, sha256: '00'.repeat(32) })).rejects.toThrow(/sha256/);
        await expect(store.putFile({ ...file, size: 4 })).rejects.toThrow(/size/);
        await store.putFile(file);
        await store.putFile(file);
        const other = storedFile(new Uint8Array([9, 9]));
        await expect(store.putFile({ ...other, id: file.id })).rejects.toThrow(/different content/);
        expect(Buffer.compare((await store.getFile(file.id))!.bytes, file.bytes)).toBe(0);
      });
    });

    describe('audit log', () => {
      it('lists newest first, honours the limit, and keeps every field', async () => {
        const store = await freshStore();
        const entries = [0, 1, 2, 3, 4].map((i) => auditEntry({ at: minutesAfter(T0, i), what: `entry ${i}` }));
        for (const entry of entries) await store.appendAudit(entry);

        const latest = await store.listAudit(3);
        expect(latest.map((e) => e.what)).toEqual(['entry 4', 'entry 3', 'entry 2']);
        expect(latest[0]).toEqual({ ...entries[4], id: expect.any(Number) });
        expect(await store.listAudit(0)).toEqual([]);
        expect(await store.listAudit(100)).toHaveLength(5);
      });

      it('orders entries with the same time by insertion, and keeps null fields', async () => {
        const store = await freshStore();
        for (const what of ['first', 'second', 'third']) {
          await store.appendAudit(auditEntry({ what, target: null, actionId: null, outcome: null, requestId: null }));
        }
        const listed = await store.listAudit(10);
        expect(listed.map((e) => e.what)).toEqual(['third', 'second', 'first']);
        expect(listed[0]).toMatchObject({ target: null, actionId: null, outcome: null, requestId: null });
      });

      it('keeps every entry: 200 concurrent appends and a 100 kB text all come back whole', async () => {
        const store = await freshStore();
        const long = 'x'.repeat(100_000);
        await Promise.all(
          Array.from({ length: 200 }, (_, i) => store.appendAudit(auditEntry({ what: `n${i}`, outcome: long }))),
        );
        const listed = await store.listAudit(1000);
        expect(new Set(listed.map((e) => e.what)).size).toBe(200);
        expect(listed.every((e) => e.outcome === long)).toBe(true);
      });

      it('an entry written again with its key (its first answer was lost) is still one entry; unkeyed ones are all kept', async () => {
        const store = await freshStore();
        const keyed = auditEntry({ what: 'confirmed', key: 'entry-7f3a' });
        await store.appendAudit(keyed);
        await store.appendAudit(keyed);
        await store.appendAudit(auditEntry({ what: 'plain' }));
        await store.appendAudit(auditEntry({ what: 'plain' }));
        const listed = await store.listAudit(10);
        expect(listed.map((e) => e.what).sort()).toEqual(['confirmed', 'plain', 'plain']);
        expect(listed.find((e) => e.what === 'confirmed')).not.toHaveProperty('key');
      });
    });

    describe('digest records', () => {
      it('claims a (channel, day) once; a failed one can be claimed again at once, a posted one never', async () => {
        const store = await freshStore();
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-a', T0)).toBe(true);
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-b', T0)).toBe(false);
        expect(await store.claimDigest('C0DIGEST', '2025-03-02', 'replica-b', T0)).toBe(true);
        expect(await store.claimDigest('C0OTHER', '2025-03-01', 'replica-b', T0)).toBe(true);
        expect(await store.getDigest('C0DIGEST', '2025-03-01')).toEqual({
          channel: 'C0DIGEST',
          day: '2025-03-01',
          status: 'claimed',
          claimedBy: 'replica-a',
          claimedAt: T0,
          messageTs: null,
          attempts: 1,
        });

        // Release frees only a failed claim: a live one stays with its holder.
        await store.releaseDigest('C0DIGEST', '2025-03-01');
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-b', T0)).toBe(false);

        await store.finishDigest('C0DIGEST', '2025-03-01', 'failed', '1712345678.000100');
        const later = minutesAfter(T0, 1);
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-b', later)).toBe(true);
        expect(await store.getDigest('C0DIGEST', '2025-03-01')).toEqual({
          channel: 'C0DIGEST',
          day: '2025-03-01',
          status: 'claimed',
          claimedBy: 'replica-b',
          claimedAt: later,
          messageTs: null,
          attempts: 2,
        });
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-a', later)).toBe(false);

        // The old way (failed, then released) still works.
        await store.finishDigest('C0DIGEST', '2025-03-01', 'failed', null);
        await store.releaseDigest('C0DIGEST', '2025-03-01');
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-a', later)).toBe(true);
        expect((await store.getDigest('C0DIGEST', '2025-03-01'))?.attempts).toBe(3);

        await store.finishDigest('C0DIGEST', '2025-03-01', 'posted', '1712345678.000200');
        await store.releaseDigest('C0DIGEST', '2025-03-01');
        const muchLater = minutesAfter(T0, 24 * 60);
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-b', muchLater)).toBe(false);
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-b', muchLater, 0)).toBe(false);
        expect(await store.getDigest('C0DIGEST', '2025-03-01')).toMatchObject({
          status: 'posted',
          claimedBy: 'replica-a',
          messageTs: '1712345678.000200',
        });
        expect(await store.getDigest('C0DIGEST', '1999-01-01')).toBeNull();
      });

      it('takes over a claim whose lease ran out (10 minutes by default), never a live one', async () => {
        const store = await freshStore();
        expect(DEFAULT_DIGEST_LEASE_MS).toBe(10 * 60_000);
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'dead-replica', T0)).toBe(true);
        const almost = new Date(T0.getTime() + DEFAULT_DIGEST_LEASE_MS - 1);
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-b', almost)).toBe(false);
        const expired = new Date(T0.getTime() + DEFAULT_DIGEST_LEASE_MS);
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-b', expired)).toBe(true);
        expect(await store.getDigest('C0DIGEST', '2025-03-01')).toEqual({
          channel: 'C0DIGEST',
          day: '2025-03-01',
          status: 'claimed',
          claimedBy: 'replica-b',
          claimedAt: expired,
          messageTs: null,
          attempts: 2,
        });
        // The taker holds a fresh lease: the dead one's successor cannot take it right back.
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-c', expired)).toBe(false);
        await store.finishDigest('C0DIGEST', '2025-03-01', 'posted', '1712345678.000300');
        expect(await store.getDigest('C0DIGEST', '2025-03-01')).toMatchObject({
          status: 'posted',
          claimedBy: 'replica-b',
          messageTs: '1712345678.000300',
        });
      });

      it('honours the lease the caller gives, and refuses a lease that is not a whole number ≥ 0', async () => {
        const store = await freshStore();
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-a', T0, 60_000)).toBe(true);
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-b', minutesAfter(T0, 0.5), 60_000)).toBe(
          false,
        );
        // A longer lease than the claimer's own still counts from the stored claimedAt.
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-b', minutesAfter(T0, 5), 3_600_000)).toBe(
          false,
        );
        expect(await store.claimDigest('C0DIGEST', '2025-03-01', 'replica-b', minutesAfter(T0, 1), 60_000)).toBe(true);
        for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
          await expect(store.claimDigest('C0DIGEST', '2025-03-09', 'replica-a', T0, bad)).rejects.toThrow(/lease/);
        }
        expect(await store.getDigest('C0DIGEST', '2025-03-09')).toBeNull();
      });

      it('gives a day to exactly one of 20 simultaneous claimers, again after a release', async () => {
        const db = await database();
        const stores = harness.manyInstances ? [await db.open(), await db.open()] : [await db.open()];
        const claimAll = () =>
          Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              stores[i % stores.length]!.claimDigest('C0DIGEST', '2025-03-01', `replica-${i}`, T0),
            ),
          );
        const first = await claimAll();
        expect(first.filter(Boolean)).toHaveLength(1);
        expect((await stores[0]!.getDigest('C0DIGEST', '2025-03-01'))?.claimedBy).toBe(
          `replica-${first.indexOf(true)}`,
        );

        await stores[0]!.finishDigest('C0DIGEST', '2025-03-01', 'failed', null);
        await stores[0]!.releaseDigest('C0DIGEST', '2025-03-01');
        const second = await claimAll();
        expect(second.filter(Boolean)).toHaveLength(1);
        expect((await stores[0]!.getDigest('C0DIGEST', '2025-03-01'))?.attempts).toBe(2);
      });

      it('gives a stale claim to exactly one of 20 simultaneous takers, and a failed day likewise', async () => {
        const db = await database();
        const stores = harness.manyInstances ? [await db.open(), await db.open()] : [await db.open()];
        const [first] = stores as [Store];
        // A replica claimed at T0 and died before finishDigest.
        expect(await first.claimDigest('C0DIGEST', '2025-03-01', 'dead-replica', T0)).toBe(true);
        const takeAll = (at: Date, wave: string) =>
          Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              stores[i % stores.length]!.claimDigest('C0DIGEST', '2025-03-01', `${wave}-${i}`, at),
            ),
          );
        const afterLease = minutesAfter(T0, 11);
        const takeover = await takeAll(afterLease, 'taker');
        expect(takeover.filter(Boolean)).toHaveLength(1);
        expect(await first.getDigest('C0DIGEST', '2025-03-01')).toMatchObject({
          status: 'claimed',
          claimedBy: `taker-${takeover.indexOf(true)}`,
          claimedAt: afterLease,
          attempts: 2,
        });

        await first.finishDigest('C0DIGEST', '2025-03-01', 'failed', null);
        const retry = await takeAll(afterLease, 'retry');
        expect(retry.filter(Boolean)).toHaveLength(1);
        expect((await first.getDigest('C0DIGEST', '2025-03-01'))?.claimedBy).toBe(`retry-${retry.indexOf(true)}`);
        expect((await first.getDigest('C0DIGEST', '2025-03-01'))?.attempts).toBe(3);
      });
    });

    describe('lifecycle', () => {
      it('answers ping while open and not after close; close twice is harmless', async () => {
        const db = await database();
        const store = await db.open();
        expect(await store.ping()).toBe(true);
        await store.close();
        expect(await store.ping()).toBe(false);
        await store.close();
      });

      if (harness.manyInstances) {
        it('a store reopened on the same database sees everything (restart)', async () => {
          const db = await database();
          const before = await db.open();
          const input = newAction();
          await before.createAction(input);
          await before.appendAudit(auditEntry({ what: 'before restart' }));
          await before.claimDigest('C0DIGEST', '2025-03-01', 'replica-a', T0);
          await before.close();

          const after = await db.open();
          expect(await after.getAction(input.id)).toMatchObject({ id: input.id, status: 'pending' });
          expect((await after.listAudit(1))[0]?.what).toBe('before restart');
          expect(await after.claimDigest('C0DIGEST', '2025-03-01', 'replica-b', T0)).toBe(false);
          expect((await after.createAction({ ...input, id: randomUUID() })).created).toBe(false);
        });
      }
    });

    describe('kept usage months', () => describeKeptUsageMonths(database, harness.manyInstances));
  });
}
