/**
 * The notification claims of every Store (issue 13): one winner among concurrent claimers and
 * store instances, no second send once sent or skipped, a failed or abandoned claim taken again a
 * bounded number of times.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_NOTIFICATION_LEASE_MS, MAX_NOTIFICATION_ATTEMPTS } from '../../src/store/notification-claims.js';
import type { Store } from '../../src/store/types.js';
import { minutesAfter, T0 } from './fixtures.js';
import type { StoreHarness } from './store-suite.js';

export function describeNotificationClaims(harness: StoreHarness): void {
  describe(`notification claims: ${harness.name}`, () => {
    const opened: Store[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });

    async function stores(count: number): Promise<Store[]> {
      const db = await harness.newDatabase();
      const wanted = harness.manyInstances ? count : 1;
      const list: Store[] = [];
      for (let i = 0; i < wanted; i++) list.push(await db.open());
      opened.push(...list);
      return list;
    }

    it('50 concurrent claims over the store instances: exactly one wins', async () => {
      const list = await stores(2);
      const actionId = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          list[i % list.length]!.claimNotification({ actionId, kind: 'remind', claimedBy: `r${i}`, now: T0 }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      // Another kind of the same action is its own notification.
      expect(await list[0]!.claimNotification({ actionId, kind: 'ended', claimedBy: 'x', now: T0 })).toBe(true);
    });

    it('sent and skipped are never claimed again, not even after the lease', async () => {
      const [store] = await stores(1);
      const later = new Date(T0.getTime() + DEFAULT_NOTIFICATION_LEASE_MS * 10);
      for (const outcome of ['sent', 'skipped'] as const) {
        const actionId = randomUUID();
        expect(await store!.claimNotification({ actionId, kind: 'decide', claimedBy: 'a', now: T0 })).toBe(true);
        await store!.finishNotification(actionId, 'decide', outcome);
        expect(await store!.claimNotification({ actionId, kind: 'decide', claimedBy: 'b', now: later })).toBe(false);
      }
    });

    it('a failed claim, or one whose claimer died, is taken again, at most a few times in all', async () => {
      const [store] = await stores(1);
      const actionId = randomUUID();
      const claim = (now: Date) => store!.claimNotification({ actionId, kind: 'remind', claimedBy: 'a', now });
      expect(await claim(T0)).toBe(true);
      // Still held within its lease.
      expect(await claim(minutesAfter(T0, 1))).toBe(false);
      await store!.finishNotification(actionId, 'remind', 'failed');
      expect(await claim(minutesAfter(T0, 2))).toBe(true);
      // Abandoned: the lease ran out.
      expect(await claim(minutesAfter(T0, 2 + DEFAULT_NOTIFICATION_LEASE_MS / 60_000))).toBe(
        MAX_NOTIFICATION_ATTEMPTS >= 3,
      );
      await store!.finishNotification(actionId, 'remind', 'failed');
      expect(await claim(minutesAfter(T0, 60))).toBe(false);
    });
  });
}
