/**
 * Loading the whole 12,000-license inventory from the simulator at 50 ms a request: the client's
 * concurrent paging (default concurrency) against one request at a time (what PowerShell scripts
 * do), next to the round-trip limit `(1 + ceil((pages − 1) / C)) × latency` of the largest kind.
 */
import { createInventory } from '../src/licenses/inventory.js';
import { LICENSE_KINDS, type License } from '../src/licenses/model.js';
import { createV3Backend } from '../src/licenses/v3/index.js';
import { silentLogger } from '../src/log.js';
import { startSimulatorProcess } from './lib/children.js';
import { median } from './lib/stats.js';

export const INVENTORY = { sites: 1000, vbr: 10_000, vone: 500, vb365: 500 };
export const LATENCY_MS = 50;
export const CONCURRENCY = 4;
const ROUNDS = 3;

export interface InventoryLoadResult {
  licenses: number;
  /** Requests of the largest kind (VBR), which bounds the load: kinds load side by side. */
  pages: number;
  requests: number;
  concurrentMs: number;
  sequentialMs: number;
  limitMs: number;
  /** The loaded licenses, for the digest measurement. */
  snapshot: License[];
}

export async function measureInventoryLoad(): Promise<InventoryLoadResult> {
  const sim = await startSimulatorProcess([
    ...Object.entries(INVENTORY).flatMap(([kind, count]) => [`--${kind}`, String(count)]),
    '--latency',
    String(LATENCY_MS),
  ]);
  try {
    const requestsOf = new Map<string, number>();
    const backend = (pageConcurrency: number, count = false) =>
      createV3Backend({
        url: sim.url,
        auth: { type: 'apiKey', apiKey: 'bench' },
        pageConcurrency,
        logger: silentLogger,
        ...(count
          ? {
              onRequest: (info: { operation: string }) =>
                requestsOf.set(info.operation, (requestsOf.get(info.operation) ?? 0) + 1),
            }
          : {}),
      });

    // One counted load (also warms both processes up, and has the simulator keep each license's JSON,
    // so that its serializing is not what the rounds measure), then alternating timed rounds.
    const counted = backend(CONCURRENCY, true);
    const snapshot = await createInventory(counted, { ttlMs: 0 }).list();
    await counted.close();
    const pages = Math.max(...requestsOf.values());
    const requests = [...requestsOf.values()].reduce((sum, n) => sum + n, 0);

    const concurrent: number[] = [];
    const sequential: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const fast = backend(CONCURRENCY);
      let started = performance.now();
      await createInventory(fast, { ttlMs: 0 }).list();
      concurrent.push(performance.now() - started);
      await fast.close();

      const slow = backend(1);
      started = performance.now();
      for (const kind of LICENSE_KINDS) await slow.listLicenses(kind);
      sequential.push(performance.now() - started);
      await slow.close();
    }
    return {
      licenses: snapshot.length,
      pages,
      requests,
      concurrentMs: median(concurrent),
      sequentialMs: median(sequential),
      limitMs: (1 + Math.ceil((pages - 1) / CONCURRENCY)) * LATENCY_MS,
      snapshot,
    };
  } finally {
    await sim.stop();
  }
}
