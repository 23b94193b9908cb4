/**
 * Big pages of items that rarely change (usage reports: ~2.7 MB of JSON a month at 1,000
 * companies) answered from each item's serialized JSON, kept until the item changes. Serializing
 * 24 months on every request cost the single-threaded simulator about a second, which the bench
 * then counted against the bot. The body is byte-for-byte what `ok(slice, pagingInfo)` writes.
 */
import type { SimResponse } from './types.js';

export interface ItemJsonCache<T extends object> {
  /** `200 {data, meta: {pagingInfo}, errors: null}` for a page of items. */
  page(items: readonly T[], paging: { limit: number; offset: number }): SimResponse;
}

/** `version` says when an item's JSON must be written again (it changes whenever the item does). */
export function itemJsonCache<T extends object>(version: (item: T) => string): ItemJsonCache<T> {
  const cache = new WeakMap<T, { version: string; json: string }>();
  const jsonOf = (item: T): string => {
    const now = version(item);
    const known = cache.get(item);
    if (known && known.version === now) return known.json;
    const json = JSON.stringify(item);
    cache.set(item, { version: now, json });
    return json;
  };
  return {
    page(items, paging) {
      const slice = items.slice(paging.offset, paging.offset + paging.limit);
      const meta = JSON.stringify({ pagingInfo: { total: items.length, count: slice.length, offset: paging.offset } });
      const body = `{"data":[${slice.map(jsonOf).join(',')}],"meta":${meta},"errors":null}`;
      return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(body) };
    },
  };
}
