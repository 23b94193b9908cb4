/** Pages answered from kept item JSON are byte-for-byte the plain serialization, whatever changed the items. */
import { describe, expect, it } from 'vitest';
import { flatItemJsonCache } from '../../src/simulator/http/item-json.js';
import { ok } from '../../src/simulator/http/respond.js';

interface Item {
  uid: string;
  status: string | null;
  ids: string[];
  extra?: unknown;
}

const items = (): Item[] => Array.from({ length: 5 }, (_, i) => ({ uid: `u${i}`, status: 'Valid', ids: [`id${i}`] }));

function expectPlain(cache: ReturnType<typeof flatItemJsonCache<Item>>, list: Item[]) {
  const paging = { offset: 1, limit: 3 };
  const plain = ok(list.slice(1, 4), { total: list.length, count: 3, offset: 1 });
  expect(cache.page(list, paging).body.toString()).toBe(plain.body.toString());
}

describe('flatItemJsonCache', () => {
  it('writes what JSON.stringify writes, before and after every kind of change in place', () => {
    const cache = flatItemJsonCache<Item>();
    const list = items();
    expectPlain(cache, list);
    (list[1] as Item).status = 'Expired';
    expectPlain(cache, list);
    (list[2] as Item).ids.push('more');
    expectPlain(cache, list);
    (list[2] as Item).ids[0] = 'replaced';
    expectPlain(cache, list);
    (list[3] as Item).ids = [];
    expectPlain(cache, list);
    (list[1] as Item).status = null;
    expectPlain(cache, list);
    (list[2] as Item).extra = 'a field added';
    expectPlain(cache, list);
    delete (list[2] as Item).extra;
    expectPlain(cache, list);
  });

  it('never keeps an item holding a nested object, which could change unseen', () => {
    const cache = flatItemJsonCache<Item>();
    const list = items();
    const nested = { deep: 1 };
    (list[1] as Item).extra = nested;
    (list[2] as Item).ids = [nested as unknown as string];
    expectPlain(cache, list);
    nested.deep = 2;
    expectPlain(cache, list);
  });

  it('answers an unpaged collection as a single page of everything', () => {
    const cache = flatItemJsonCache<Item>();
    const list = items();
    const plain = ok(list, { total: list.length, count: list.length, offset: 0 });
    expect(cache.page(list, { offset: 0, limit: list.length }).body.toString()).toBe(plain.body.toString());
  });
});
