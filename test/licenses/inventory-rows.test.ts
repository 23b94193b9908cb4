/**
 * The inventory's shared row table: every `licenses` command of a snapshot reads the same sorted
 * rows instead of building its own copy, and a new snapshot, day or time zone gives a new table.
 */
import { describe, expect, it } from 'vitest';
import { createInventory } from '../../src/licenses/inventory.js';
import type { LicenseRow } from '../../src/licenses/model.js';
import { byExpiry, sortedRows } from '../../src/licenses/sorted-rows.js';
import { createFakeBackend } from '../commands/support/fake-backend.js';
import { inDays, makeLicense, NOW, sampleLicenses } from '../commands/support/licenses.js';

const DAY_MS = 86_400_000;

function setup(ttlMs = 30_000) {
  const backend = createFakeBackend({ licenses: sampleLicenses() });
  let now = NOW;
  const inventory = createInventory(backend, { ttlMs, clock: () => now });
  return {
    backend,
    inventory,
    setNow(next: Date) {
      now = next;
    },
    loads: () => backend.calls.filter((call) => call.startsWith('listLicenses')).length,
  };
}

const uids = (rows: readonly LicenseRow[]) => rows.map((row) => row.license.uid);

describe('inventory rows', () => {
  it('are the licenses of the asked kinds with their day counts, soonest expiry first', async () => {
    const { inventory } = setup();
    const rows = await inventory.rows(undefined, NOW, 'UTC');
    const expected = sortedRows(sampleLicenses(), NOW, 'UTC');
    expect(uids(rows)).toEqual(uids(expected));
    expect(rows.map((row) => row.daysLeft)).toEqual(expected.map((row) => row.daysLeft));
    expect([...rows].sort(byExpiry)).toEqual(rows);

    const vbr = await inventory.rows(['vbr'], NOW, 'UTC');
    expect(vbr.length).toBeGreaterThan(0);
    expect(vbr.every((row) => row.license.kind === 'vbr')).toBe(true);
  });

  it('are one table shared by every caller of the same snapshot, time zone and day', async () => {
    const { inventory, loads } = setup();
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => inventory.rows(undefined, NOW, 'UTC')));
    const later = await inventory.rows(undefined, new Date(NOW.getTime() + 60_000), 'UTC');
    for (const rows of [...concurrent, later]) expect(rows).toBe(concurrent[0]);
    // One load per kind, however many callers.
    expect(loads()).toBe(5);
  });

  it('count days from the new day once the day changes', async () => {
    const { inventory, setNow } = setup();
    const today = await inventory.rows(['vbr'], NOW, 'UTC');
    const tomorrowAt = new Date(NOW.getTime() + DAY_MS);
    setNow(tomorrowAt);
    const tomorrow = await inventory.rows(['vbr'], tomorrowAt, 'UTC');
    expect(tomorrow).not.toBe(today);
    expect(tomorrow.map((row) => row.daysLeft)).toEqual(today.map((row) => (row.daysLeft ?? 0) - 1));
  });

  it('are counted in the asked time zone', async () => {
    const { backend, inventory } = setup();
    // NOW (noon UTC on 10 March) is already 11 March in Auckland; 10:00 UTC on 10 March is still
    // today in UTC but was yesterday (23:00 on 10 March) in Auckland.
    const early = new Date(Date.UTC(2026, 2, 10, 10, 0)).toISOString();
    backend.licenses = [makeLicense({ kind: 'vbr', uid: 'early', expirationDate: early })];
    const utc = await inventory.rows(['vbr'], NOW, 'UTC');
    const auckland = await inventory.rows(['vbr'], NOW, 'Pacific/Auckland');
    expect(utc[0]?.daysLeft).toBe(0);
    expect(auckland[0]?.daysLeft).toBe(-1);
  });

  it('follow a new snapshot after invalidate() and after the snapshot expires', async () => {
    const { backend, inventory, setNow } = setup(30_000);
    const first = await inventory.rows(['vbr'], NOW, 'UTC');
    backend.licenses = [makeLicense({ kind: 'vbr', uid: 'fresh-after-write', expirationDate: inDays(3) })];
    // Within the snapshot's life the table stays what the user just saw.
    expect(await inventory.rows(['vbr'], NOW, 'UTC')).toBe(first);

    inventory.invalidate();
    expect(uids(await inventory.rows(['vbr'], NOW, 'UTC'))).toEqual(['fresh-after-write']);

    backend.licenses = [makeLicense({ kind: 'vbr', uid: 'after-expiry', expirationDate: inDays(3) })];
    const later = new Date(NOW.getTime() + 31_000);
    setNow(later);
    expect(uids(await inventory.rows(['vbr'], later, 'UTC'))).toEqual(['after-expiry']);
  });

  it('are not kept from a failed load', async () => {
    const { backend, inventory } = setup(0);
    backend.failWith = new Error('VSPC down');
    await expect(inventory.rows(['vbr'], NOW, 'UTC')).rejects.toThrow('VSPC down');
    backend.failWith = null;
    expect((await inventory.rows(['vbr'], NOW, 'UTC')).length).toBeGreaterThan(0);
  });
});
