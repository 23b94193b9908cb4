/**
 * Big pages of items that rarely change (usage reports: ~2.7 MB of JSON a month at 1,000
 * companies; 20 pages of 500 VBR licenses) answered from each item's serialized JSON, kept until
 * the item changes. Serializing on every request cost the single-threaded simulator about a second
 * for 24 months of reports and a few milliseconds a license page, which the benches then counted
 * against the bot. The body is byte-for-byte what `ok(slice, pagingInfo)` writes.
 */
import type { SimResponse } from './types.js';

/** What a request sees of each item (VSPC's `select`): named by `key`, kept per item and key. */
export interface ItemView<T> {
  key: string;
  project(item: T): unknown;
}

export interface ItemJsonCache<T extends object> {
  /** `200 {data, meta: {pagingInfo}, errors: null}` for a page of items (each as `view` shows it). */
  page(items: readonly T[], paging: { limit: number; offset: number }, view?: ItemView<T> | null): SimResponse;
}

/** Whether the JSON kept for an item (with what `stamp` recorded then) still is the item's JSON. */
interface Freshness<T, S> {
  stamp(item: T): S;
  current(item: T, stamp: S): boolean;
}

function cacheWith<T extends object, S>(freshness: Freshness<T, S>): ItemJsonCache<T> {
  const cache = new WeakMap<T, Map<string, { stamp: S; json: string }>>();
  const jsonOf = (item: T, view: ItemView<T> | null): string => {
    const key = view?.key ?? '';
    let views = cache.get(item);
    const known = views?.get(key);
    if (known && freshness.current(item, known.stamp)) return known.json;
    const json = JSON.stringify(view ? view.project(item) : item);
    if (!views) {
      views = new Map();
      cache.set(item, views);
    }
    views.set(key, { stamp: freshness.stamp(item), json });
    return json;
  };
  return {
    page(items, paging, view = null) {
      const slice = items.slice(paging.offset, paging.offset + paging.limit);
      const meta = JSON.stringify({ pagingInfo: { total: items.length, count: slice.length, offset: paging.offset } });
      const body = `{"data":[${slice.map((item) => jsonOf(item, view)).join(',')}],"meta":${meta},"errors":null}`;
      return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(body) };
    },
  };
}

/** `version` says when an item's JSON must be written again (it changes whenever the item does). */
export function itemJsonCache<T extends object>(version: (item: T) => string): ItemJsonCache<T> {
  return cacheWith<T, string>({ stamp: version, current: (item, stamp) => version(item) === stamp });
}

/**
 * For flat items (fields of primitives and arrays of primitives, like licenses) changed in place
 * by any code, tests included: the JSON is kept while every field, and every element of an array
 * field, is the same value as when it was written. An item with a nested object is never kept.
 */
export function flatItemJsonCache<T extends object>(): ItemJsonCache<T> {
  return cacheWith<T, unknown[]>({ stamp: fieldsOf, current: sameFields });
}

/** NaN equals nothing, itself included: a field that holds it never matches its stamp. */
const NEVER_SAME = Number.NaN;

const isObject = (value: unknown) => typeof value === 'object' && value !== null;

/** Key, value, key, value… with each array field followed by its length and elements. */
function fieldsOf(item: object): unknown[] {
  const fields: unknown[] = [];
  for (const [key, value] of Object.entries(item)) {
    fields.push(key, Array.isArray(value) || !isObject(value) ? value : NEVER_SAME);
    if (!Array.isArray(value)) continue;
    fields.push(value.length);
    for (const element of value) fields.push(isObject(element) ? NEVER_SAME : element);
  }
  return fields;
}

/** `fieldsOf(item)` equals `stamp`, walked in place: this runs for every item of every page. */
function sameFields(item: object, stamp: unknown[]): boolean {
  let i = 0;
  for (const key in item) {
    if (!Object.hasOwn(item, key)) continue;
    const value = (item as Record<string, unknown>)[key];
    if (stamp[i++] !== key || stamp[i++] !== value) return false;
    if (!Array.isArray(value)) continue;
    if (stamp[i++] !== value.length) return false;
    for (const element of value) if (stamp[i++] !== element) return false;
  }
  return i === stamp.length;
}
