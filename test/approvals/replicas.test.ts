/** Two app replicas on one database: the compare-and-set in the store, not process memory, decides. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccess } from '../../src/approvals/roles.js';
import { createApprovalService } from '../../src/approvals/service.js';
import { silentLogger } from '../../src/log.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/types.js';
import { fakeBackend } from './support/fake-backend.js';
import { ROLES, T0, updateRequest } from './support/harness.js';

const stores: Store[] = [];
let dir = '';
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('two replicas', () => {
  it('50 clicks split over two replicas sharing one SQLite file make one VSPC write', async () => {
    dir = await mkdtemp(join(tmpdir(), 'vspc-approvals-'));
    const url = `sqlite:${join(dir, 'bot.sqlite')}`;
    const backend = fakeBackend();
    backend.delayMs = 20;
    const replicas = await Promise.all(
      [0, 1].map(async () => {
        const store = await createStore(url);
        stores.push(store);
        return createApprovalService({
          store,
          backend,
          access: createAccess(ROLES, { groupMembers: async () => [], clock: () => T0 }),
          clock: () => T0,
          ttlMinutes: 15,
          logger: silentLogger,
        });
      }),
    );
    const [first, second] = replicas;
    if (!first || !second) throw new Error('two replicas expected');
    const created = await first.request(updateRequest());
    if (created.status !== 'created') throw new Error('expected created');
    const again = await second.request(updateRequest());
    expect(again).toMatchObject({ status: 'existing', action: { id: created.action.id } });

    const presenter = { executing: async () => undefined, finished: async () => undefined };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? first : second).confirm(created.action.id, 'UAPPROVER', presenter)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(backend.writes).toHaveLength(1);
    expect(backend.writes[0]?.requestId).toBe(created.action.id);
  });
});
