/**
 * The inventory snapshot commands and the digest read: every license of the asked kinds, loaded
 * concurrently through the backend and kept for a short time, so that "Next page", pickers and
 * the digest's buttons see the same list the user just saw. Writes call `invalidate()`.
 */
import type { LicensingBackend } from './backend.js';
import { localEpochDayOf } from './day-counter.js';
import { type Clock, systemClock } from './expiry.js';
import { LICENSE_KINDS, type License, type LicenseKind, type LicenseRow } from './model.js';
import { sortedRows } from './sorted-rows.js';

export interface InventoryOptions {
  /** How long a loaded kind is reused; 0 disables caching. */
  ttlMs?: number;
  clock?: Clock;
}

export interface Inventory {
  /** Licenses of the given kinds (default all), in kind order. A kind the backend lacks is skipped. */
  list(kinds?: readonly LicenseKind[]): Promise<License[]>;
  /**
   * The same licenses as rows with day counts in `timeZone` on the day of `now`, soonest expiry
   * first (`byExpiry`). One table per snapshot, time zone and day, shared by every caller: read
   * it, filter it into new arrays, never change it.
   */
  rows(kinds: readonly LicenseKind[] | undefined, now: Date, timeZone: string): Promise<readonly LicenseRow[]>;
  invalidate(): void;
}

interface RowTable {
  lists: readonly License[][];
  rows: readonly LicenseRow[];
}

/** Tables kept at once (kind selections × time zones); each holds references only, no copies of licenses. */
const MAX_ROW_TABLES = 8;

export function createInventory(backend: LicensingBackend, options: InventoryOptions = {}): Inventory {
  const ttlMs = options.ttlMs ?? 30_000;
  const clock = options.clock ?? systemClock;
  const cache = new Map<LicenseKind, { at: number; licenses: Promise<License[]> }>();
  /** The list the cache currently serves for each kind, once loaded. */
  const loaded = new Map<LicenseKind, License[]>();
  // 100 concurrent `licenses` commands over 12,000 licenses used to count days for and sort 100
  // private copies (about 6 s of blocked event loop and 70 MB more heap, npm run bench); they now
  // share one table per snapshot.
  const tables = new Map<string, RowTable>();

  function load(kind: LicenseKind): Promise<License[]> {
    const now = clock().getTime();
    const hit = cache.get(kind);
    if (hit && now - hit.at < ttlMs) return hit.licenses;
    const licenses = backend.listLicenses(kind);
    cache.set(kind, { at: now, licenses });
    licenses.then(
      (list) => {
        if (cache.get(kind)?.licenses === licenses) loaded.set(kind, list);
      },
      // A failed load must not be served from the cache.
      () => {
        if (cache.get(kind)?.licenses !== licenses) return;
        cache.delete(kind);
        loaded.delete(kind);
      },
    );
    return licenses;
  }

  function loadAll(kinds: readonly LicenseKind[]): Promise<License[][]> {
    return Promise.all(kinds.filter((kind) => backend.supports(kind, 'list')).map(load));
  }

  /** Forget tables built from a snapshot that has since been reloaded, so it can be collected. */
  function dropStale(): void {
    const live = new Set(loaded.values());
    for (const [key, table] of tables) if (table.lists.some((list) => !live.has(list))) tables.delete(key);
    for (const key of tables.keys()) if (tables.size > MAX_ROW_TABLES) tables.delete(key);
  }

  return {
    async list(kinds = LICENSE_KINDS) {
      return (await loadAll(kinds)).flat();
    },
    async rows(kinds = LICENSE_KINDS, now, timeZone) {
      const lists = await loadAll(kinds);
      const key = `${kinds.join(',')}|${timeZone}|${localEpochDayOf(now, timeZone)}`;
      const hit = tables.get(key);
      if (hit && hit.lists.length === lists.length && hit.lists.every((list, i) => list === lists[i])) return hit.rows;
      const rows = sortedRows(lists.flat(), now, timeZone);
      tables.delete(key);
      tables.set(key, { lists, rows });
      dropStale();
      return rows;
    },
    invalidate() {
      cache.clear();
      loaded.clear();
      tables.clear();
    },
  };
}
