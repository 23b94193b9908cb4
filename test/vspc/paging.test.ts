import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VspcCollectionTooLargeError, VspcServerError } from '../../src/vspc/index.js';
import { pagesOf } from '../../src/vspc/page-pipeline.js';
import { testClient } from './support/client.js';
import { type RecordedRequest, type ScriptedServer, startScriptedServer } from './support/scripted-server.js';

const TOTAL = 10_000;
const uid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const vbr = (i: number) => ({
  backupServerUid: uid(i),
  autoUpdateEnabled: i % 2 === 0,
  units: 10,
  usedUnits: 1,
  status: 'Valid',
});

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => server.stop());
afterEach(() => server.reset());

/** A VSPC collection of `total` items that honours limit/offset and caps pages at `maxPage`. */
function collection(total: number, maxPage = 500, delayMs = 15) {
  return (req: RecordedRequest) => {
    const limit = Math.min(Number(req.query.get('limit') ?? 100), maxPage);
    const offset = Number(req.query.get('offset') ?? 0);
    const items = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) items.push(vbr(i));
    return {
      delayMs,
      json: { data: items, meta: { pagingInfo: { total, count: items.length, offset } }, errors: null },
    };
  };
}

describe('paging', () => {
  it('fetches a 10,000-item collection completely, in order, with bounded concurrency', async () => {
    server.on('GET', '/api/v3/licensing/backupServers', collection(TOTAL));
    const { client } = testClient(server, { pageConcurrency: 4 });
    const all = await client.backupServers.list();
    expect(all).toHaveLength(TOTAL);
    expect(new Set(all.map((l) => l.backupServerUid)).size).toBe(TOTAL);
    expect(all.map((l) => l.backupServerUid)).toEqual(Array.from({ length: TOTAL }, (_, i) => uid(i)));
    const requests = server.requestsTo('GET', '/api/v3/licensing/backupServers');
    expect(requests).toHaveLength(20);
    expect(requests.every((r) => r.query.get('limit') === '500')).toBe(true);
    expect(requests.map((r) => Number(r.query.get('offset'))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i * 500),
    );
    expect(new Set(requests.map((r) => r.headers['x-request-id'])).size).toBe(20);
    expect(server.maxInFlight).toBeGreaterThan(1);
    expect(server.maxInFlight).toBeLessThanOrEqual(4);
    await client.close();
  });

  it('respects a concurrency of 2 through the async iterator', async () => {
    server.on('GET', '/api/v3/licensing/voneServers', collection(3_000));
    const { client } = testClient(server, { pageConcurrency: 2 });
    let count = 0;
    for await (const _ of client.voneServers.collection()) count++;
    expect(count).toBe(3_000);
    expect(server.maxInFlight).toBe(2);
    await client.close();
  });

  it('steps by the page size the server really gives (a lowered MaxPageSize)', async () => {
    server.on('GET', '/api/v3/licensing/vb365Servers', collection(1_050, 100, 0));
    const { client } = testClient(server);
    const all = await client.vb365Servers.list();
    expect(all).toHaveLength(1_050);
    expect(server.requests).toHaveLength(11);
    await client.close();
  });

  it('stops with a clear error when the collection is over the cap, without fetching it', async () => {
    server.on('GET', '/api/v3/licensing/backupServers', collection(TOTAL));
    const { client } = testClient(server, { maxItems: 1_000 });
    const error = await client.backupServers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VspcCollectionTooLargeError);
    expect((error as Error).message).toBe(
      'VSPC GET /licensing/backupServers holds 10000 items, more than the limit of 1000; narrow the query',
    );
    expect(server.requests).toHaveLength(1);
    await client.close();
  });

  it('converts each item once as its page is read, gives them in order, with the same cap', async () => {
    server.on('GET', '/api/v3/licensing/backupServers', collection(2_500));
    const { client } = testClient(server, { pageConcurrency: 3 });
    const converted: string[] = [];
    const uids = await client.backupServers.listAs((wire) => {
      converted.push(String(wire.backupServerUid));
      return wire.backupServerUid;
    });
    expect(uids).toEqual(Array.from({ length: 2_500 }, (_, i) => uid(i)));
    // Pages are read as they arrive, which may be out of order: each item is converted exactly once.
    expect(converted.toSorted()).toEqual(uids);
    const capped = testClient(server, { maxItems: 2_000 });
    await expect(capped.client.backupServers.listAs((wire) => wire)).rejects.toBeInstanceOf(
      VspcCollectionTooLargeError,
    );
    await capped.client.close();
    await client.close();
  });

  it('a failing page fails the whole fetch', async () => {
    server.on('GET', '/api/v3/licensing/backupServers', (req) =>
      req.query.get('offset') === '1500' ? { status: 404, json: { errors: [] } } : collection(2_500)(req),
    );
    const { client } = testClient(server);
    await expect(client.backupServers.list()).rejects.toMatchObject({ status: 404 });
    await client.close();
  });

  it('sends filter and sort as JSON in the query', async () => {
    server.on('GET', '/api/v3/licensing/backupServers', collection(3));
    const { client } = testClient(server);
    await client.backupServers.list({
      filter: [{ property: 'status', operation: 'notEquals', collation: 'ignorecase', value: 'Valid' }],
      sort: [{ property: 'company', direction: 'descending' }],
    });
    const [req] = server.requests;
    expect(JSON.parse(req?.query.get('filter') ?? '')).toEqual([
      { property: 'status', operation: 'notEquals', collation: 'ignorecase', value: 'Valid' },
    ]);
    expect(JSON.parse(req?.query.get('sort') ?? '')).toEqual([{ property: 'company', direction: 'descending' }]);
    await client.close();
  });
});

/** A request whose answer the test releases by hand; reading it is logged. */
function scriptedPages(total: number, step: number) {
  const log: string[] = [];
  const answers = new Map<number, { resolve: () => void; reject: (e: unknown) => void }>();
  const request = (offset: number) => {
    log.push(`request ${offset}`);
    return new Promise<() => { items: number[]; total: number }>((resolve, reject) => {
      answers.set(offset, {
        resolve: () =>
          resolve(() => {
            log.push(`read ${offset}`);
            return { items: Array.from({ length: Math.min(step, total - offset) }, (_, i) => offset + i), total };
          }),
        reject,
      });
    });
  };
  const answer = (offset: number) => answers.get(offset)?.resolve();
  const requested = () => log.filter((line) => line.startsWith('request')).map((line) => Number(line.split(' ')[1]));
  return {
    request,
    answer,
    fail: (offset: number) => answers.get(offset)?.reject(new VspcServerError('boom')),
    log,
    requested,
  };
}

/** Lets promise callbacks and the event loop's next turn run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** Current usage of `orgs` organizations, each with `servers` servers of one workload. */
function usageCollection(orgs: number, servers: number, maxPage = 500) {
  const org = (i: number) => ({
    organizationUid: uid(i),
    organizationType: 'Company',
    servers: Array.from({ length: servers }, (_, s) => ({
      serverUid: uid(i * 1_000 + s),
      serverType: 'BackupAndReplication',
      workloads: [{ description: 'VM', unitType: 'Points', rentalUnits: 1, usedUnits: 0 }],
    })),
  });
  return (req: RecordedRequest) => {
    const limit = Math.min(Number(req.query.get('limit') ?? 100), maxPage);
    const offset = Number(req.query.get('offset') ?? 0);
    const items = [];
    for (let i = offset; i < Math.min(orgs, offset + limit); i++) items.push(org(i));
    return { json: { data: items, meta: { pagingInfo: { total: orgs, count: items.length, offset } }, errors: null } };
  };
}

describe('usage pages sized by bytes', () => {
  const PATH = '/api/v3/licensing/usage/organizations';
  const limits = () => server.requestsTo('GET', PATH).map((r) => Number(r.query.get('limit')));

  it('asks for one organization first, then as many as fit in about 1 MB a page', async () => {
    // ~190 bytes a server: 2,000 servers make an organization of ~0.4 MB, two to a page.
    server.on('GET', PATH, usageCollection(9, 2_000));
    const { client } = testClient(server, { pageConcurrency: 4 });
    const all = await client.usage.organizations().all();
    expect(all.map((o) => o.organizationUid)).toEqual(Array.from({ length: 9 }, (_, i) => uid(i)));
    expect(limits()[0]).toBe(1);
    expect(Math.max(...limits().slice(1))).toBeLessThan(5);
    expect(server.requestsTo('GET', PATH).length).toBeGreaterThan(3);
    await client.close();
  });

  it('small organizations still come 500 to a page', async () => {
    server.on('GET', PATH, usageCollection(1_200, 1));
    const { client } = testClient(server, { pageConcurrency: 4 });
    const all = await client.usage.organizations().all();
    expect(new Set(all.map((o) => o.organizationUid)).size).toBe(1_200);
    expect(limits().sort((a, b) => a - b)).toEqual([1, 199, 500, 500]);
    await client.close();
  });

  it('completes a page that a server with a smaller page size answered short', async () => {
    server.on('GET', PATH, usageCollection(1_200, 1, 100));
    const { client } = testClient(server, { pageConcurrency: 4 });
    const all = await client.usage.organizations().all();
    expect(all.map((o) => o.organizationUid)).toEqual(Array.from({ length: 1_200 }, (_, i) => uid(i)));
    await client.close();
  });
});

describe('pagesOf', () => {
  it('yields a single page when VSPC sends no total', async () => {
    const pages = [];
    for await (const page of pagesOf(async () => () => ({ items: [1, 2], total: null }), { concurrency: 4 }))
      pages.push(page.items);
    expect(pages).toEqual([[1, 2]]);
  });

  it('does not leave unhandled rejections when the consumer stops early', async () => {
    const request = async (offset: number) => {
      if (offset > 2) throw new VspcServerError('boom');
      return () => ({ items: [offset, offset + 1], total: 10 });
    };
    const seen: number[] = [];
    for await (const page of pagesOf(request, { concurrency: 4, limit: 2 })) {
      seen.push(...page.items);
      if (seen.length === 4) break;
    }
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('sends the next requests before the consumer works through the first page', async () => {
    const pages = scriptedPages(100, 10);
    const iterator = pagesOf(pages.request, { concurrency: 3, limit: 10 });
    const first = iterator.next();
    pages.answer(0);
    expect((await first).value?.items[0]).toBe(0);
    expect(pages.requested()).toEqual([0, 10, 20, 30]);
    await iterator.return(undefined);
  });

  it('asks for no other page when the first page fails its check', async () => {
    const pages = scriptedPages(100, 10);
    const iterator = pagesOf(pages.request, {
      concurrency: 3,
      limit: 10,
      checkFirst: (first) => {
        if (first.total !== null && first.total > 50) throw new Error('over the cap');
      },
    });
    const first = iterator.next();
    pages.answer(0);
    await expect(first).rejects.toThrow('over the cap');
    await settle();
    expect(pages.requested()).toEqual([0]);
  });

  it('refills a slot as soon as any answer is in, while the head page is still out', async () => {
    const pages = scriptedPages(100, 10);
    const iterator = pagesOf(pages.request, { concurrency: 2, limit: 10 });
    const first = iterator.next();
    pages.answer(0);
    await first;
    expect(pages.requested()).toEqual([0, 10, 20]);
    // The page after the head answers first: its slot goes to the next page at once.
    pages.answer(20);
    await settle();
    expect(pages.requested()).toEqual([0, 10, 20, 30]);
    pages.answer(30);
    await settle();
    expect(pages.requested()).toEqual([0, 10, 20, 30, 40]);
    // Pages still come out in offset order.
    const second = iterator.next();
    pages.answer(10);
    expect((await second).value?.items[0]).toBe(10);
    expect((await iterator.next()).value?.items[0]).toBe(20);
    await iterator.return(undefined);
  });

  it('sends the refill request before reading the answer that freed its slot', async () => {
    const pages = scriptedPages(40, 10);
    const iterator = pagesOf(pages.request, { concurrency: 1, limit: 10 });
    const first = iterator.next();
    pages.answer(0);
    await first;
    const second = iterator.next();
    pages.answer(10);
    await second;
    expect(pages.log.indexOf('request 20')).toBeGreaterThanOrEqual(0);
    expect(pages.log.indexOf('request 20')).toBeLessThan(pages.log.indexOf('read 10'));
    await iterator.return(undefined);
  });

  it('reads ahead of a stuck head page by at most two pages a slot', async () => {
    const pages = scriptedPages(1_000, 10);
    const iterator = pagesOf(pages.request, { concurrency: 2, limit: 10 });
    const first = iterator.next();
    pages.answer(0);
    await first;
    for (let round = 0; round < 10; round++) {
      for (const offset of pages.requested()) if (offset !== 10) pages.answer(offset);
      await settle();
    }
    // The first page was handed out; 10 is stuck; 4 pages (10 … 40) out or answered, no more.
    expect(pages.requested()).toEqual([0, 10, 20, 30, 40]);
    await iterator.return(undefined);
  });

  it('sends nothing more once a request failed, and fails at that page', async () => {
    const pages = scriptedPages(1_000, 10);
    const iterator = pagesOf(pages.request, { concurrency: 2, limit: 10 });
    const first = iterator.next();
    pages.answer(0);
    await first;
    pages.fail(20);
    await settle();
    expect(pages.requested()).toEqual([0, 10, 20]);
    const second = iterator.next();
    pages.answer(10);
    expect((await second).value?.items[0]).toBe(10);
    await expect(iterator.next()).rejects.toBeInstanceOf(VspcServerError);
  });
});
