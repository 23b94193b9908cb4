/**
 * Request slots shared by collections: never more requests in flight than slots across all of them,
 * a slot given back once (also when the request fails), and waiting requests served in order.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RequestSlots, type VspcClient } from '../../src/vspc/index.js';
import { envelope, testClient, vspcError } from './support/client.js';
import { type ScriptedServer, startScriptedServer } from './support/scripted-server.js';

describe('RequestSlots', () => {
  it('hands out at most its size, serves waiters in order, and a slot is given back only once', async () => {
    const slots = new RequestSlots(2);
    const first = await slots.take();
    const second = await slots.take();
    const order: number[] = [];
    const third = slots.take().then((give) => {
      order.push(3);
      return give;
    });
    const fourth = slots.take().then((give) => {
      order.push(4);
      return give;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    first();
    first();
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([3]);
    second();
    (await third)();
    (await fourth)();
    // Both back: two can be taken at once again.
    await Promise.all([slots.take(), slots.take()]);
  });
});

describe('collections through shared slots', () => {
  let server: ScriptedServer;
  let client: VspcClient;
  beforeAll(async () => {
    server = await startScriptedServer();
    client = testClient(server, { pageConcurrency: 4 }).client;
  });
  afterAll(async () => {
    await client.close();
    await server.stop();
  });
  afterEach(() => server.reset());

  const month = (m: number) => `2026-${String(m).padStart(2, '0')}-01`;

  it('six months at once through two slots: two requests in flight at most, every answer read', async () => {
    for (let m = 1; m <= 6; m++) {
      server.on('GET', `/api/v3/licensing/reports/${month(m)}`, { json: envelope([], 0), delayMs: 25 });
    }
    const slots = new RequestSlots(2);
    server.maxInFlight = 0;
    const answers = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((m) => client.reports.forDate(month(m)).through(slots).all()),
    );
    expect(answers).toEqual([[], [], [], [], [], []]);
    expect(server.maxInFlight).toBe(2);
  });

  it('a failed request gives its slot back: the others still go', async () => {
    server.on('GET', `/api/v3/licensing/reports/${month(1)}`, { status: 403, json: vspcError('no', 403) });
    server.on('GET', `/api/v3/licensing/reports/${month(2)}`, { json: envelope([], 0) });
    const slots = new RequestSlots(1);
    await expect(client.reports.forDate(month(1)).through(slots).all()).rejects.toMatchObject({ status: 403 });
    await expect(client.reports.forDate(month(2)).through(slots).all()).resolves.toEqual([]);
  });
});
