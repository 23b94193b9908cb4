/** A CommandContext over the fakes, with a fixed clock; pieces can be replaced per test. */

import type { CommandContext } from '../../../src/commands/context.js';
import { createInsightService, DEFAULT_USAGE_THRESHOLDS } from '../../../src/insight/create-service.js';
import { createInventory } from '../../../src/licenses/inventory.js';
import { silentLogger } from '../../../src/log.js';
import { type AccessLists, createFakeAccess } from './fake-access.js';
import { createFakeBackend, type FakeBackend } from './fake-backend.js';
import { createFakeDesk, type FakeDesk } from './fake-desk.js';
import { NOW, sampleLicenses } from './licenses.js';
import { createMemoryStore, type MemoryStore } from './memory-store.js';

export interface TestContext extends CommandContext {
  backend: FakeBackend;
  approvals: FakeDesk;
  store: MemoryStore;
}

export function makeContext(
  options: { userId?: string; channelId?: string | null; access?: AccessLists; backend?: FakeBackend } = {},
): TestContext {
  const backend = options.backend ?? createFakeBackend({ licenses: sampleLicenses() });
  const access = createFakeAccess(options.access ?? { operators: ['UOPS'], approvers: ['ULEAD'] });
  const clock = () => NOW;
  return {
    userId: options.userId ?? 'UOPS',
    channelId: options.channelId === undefined ? 'CLICENSES' : options.channelId,
    backend,
    inventory: createInventory(backend, { ttlMs: 0, clock }),
    access,
    approvals: createFakeDesk(access),
    store: createMemoryStore(),
    digest: null,
    insight: createInsightService({
      backend: backend,
      kept: null,
      clock,
      timeZone: 'UTC',
      thresholds: DEFAULT_USAGE_THRESHOLDS,
      concurrency: 4,
    }),
    clock,
    timeZone: 'UTC',
    logger: silentLogger,
  };
}
