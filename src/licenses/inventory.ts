/**
 * The inventory snapshot commands and the digest read: every license of the asked kinds, loaded
 * concurrently through the backend and kept for a short time, so that "Next page", pickers and
 * the digest's buttons see the same list the user just saw. Writes call `invalidate()`.
 */
import type { LicensingBackend } from './backend.js';
import { type Clock, systemClock } from './expiry.js';
import { LICENSE_KINDS, type License, type LicenseKind } from './model.js';

export interface InventoryOptions {
  /** How long a loaded kind is reused; 0 disables caching. */
  ttlMs?: number;
  clock?: Clock;
}

export interface Inventory {
  /** Licenses of the given kinds (default all), in kind order. A kind the backend lacks is skipped. */
  list(kinds?: readonly LicenseKind[]): Promise<License[]>;
  invalidate(): void;
}

export function createInventory(backend: LicensingBackend, options: InventoryOptions = {}): Inventory {
  const ttlMs = options.ttlMs ?? 30_000;
  const clock = options.clock ?? systemClock;
  const cache = new Map<LicenseKind, { at: number; licenses: Promise<License[]> }>();

  function load(kind: LicenseKind): Promise<License[]> {
    const now = clock().getTime();
    const hit = cache.get(kind);
    if (hit && now - hit.at < ttlMs) return hit.licenses;
    const licenses = backend.listLicenses(kind);
    cache.set(kind, { at: now, licenses });
    // A failed load must not be served from the cache.
    licenses.catch(() => {
      if (cache.get(kind)?.licenses === licenses) cache.delete(kind);
    });
    return licenses;
  }

  return {
    async list(kinds = LICENSE_KINDS) {
      const wanted = kinds.filter((kind) => backend.supports(kind, 'list'));
      const lists = await Promise.all(wanted.map(load));
      return lists.flat();
    },
    invalidate() {
      cache.clear();
    },
  };
}
