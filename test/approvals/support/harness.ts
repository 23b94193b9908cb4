/** A ready approval service over the real SQLite store (in memory), a fake backend and a movable clock. */

import { createAccess } from '../../../src/approvals/roles.js';
import { createApprovalService } from '../../../src/approvals/service.js';
import type { Access, ApprovalService, Presenter } from '../../../src/approvals/types.js';
import type { RoleSettings } from '../../../src/config.js';
import { silentLogger } from '../../../src/log.js';
import { createStore } from '../../../src/store/create-store.js';
import type { PendingAction, Store } from '../../../src/store/types.js';
import { type FakeBackend, fakeBackend } from './fake-backend.js';

export const T0 = new Date('2025-06-02T09:00:00.000Z');

export const ROLES: RoleSettings = {
  viewers: [],
  operators: ['UOPERATOR', 'UOPS2'],
  approvers: ['UAPPROVER', 'UAPPROVER2'],
  requireSecondPerson: false,
  writeChannels: [],
};

export interface Harness {
  service: ApprovalService;
  access: Access;
  store: Store;
  backend: FakeBackend;
  clock: { now: Date; advanceMinutes(minutes: number): void };
  presented: { stage: 'executing' | 'finished'; action: PendingAction }[];
  presenter: Presenter;
  /** Cards updated by the sweeper / recovery (presenterFor). */
  swept: PendingAction[];
  invalidations: number;
  close(): Promise<void>;
}

export async function startHarness(
  roles: Partial<RoleSettings> = {},
  groupMembers: (id: string) => Promise<string[]> = async () => [],
  /** What the service sees of the store (e.g. a faulty one); `store` stays the real one. */
  wrapStore: (store: Store) => Store = (store) => store,
): Promise<Harness> {
  const store = await createStore('sqlite::memory:');
  const backend = fakeBackend();
  const clock = {
    now: T0,
    advanceMinutes(minutes: number) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
  };
  const presented: Harness['presented'] = [];
  const swept: PendingAction[] = [];
  const presenter: Presenter = {
    executing: async (action) => void presented.push({ stage: 'executing', action }),
    finished: async (action) => void presented.push({ stage: 'finished', action }),
  };
  const access = createAccess({ ...ROLES, ...roles }, { groupMembers, clock: () => clock.now });
  const harness: Harness = {
    service: undefined as unknown as ApprovalService,
    access,
    store,
    backend,
    clock,
    presented,
    presenter,
    swept,
    invalidations: 0,
    close: () => store.close(),
  };
  harness.service = createApprovalService({
    store: wrapStore(store),
    backend,
    access,
    clock: () => clock.now,
    ttlMinutes: 15,
    logger: silentLogger,
    inventory: {
      list: async () => [],
      rows: async () => [],
      invalidate: () => {
        harness.invalidations++;
      },
    },
    presenterFor: () => ({
      executing: async () => undefined,
      finished: async (action) => void swept.push(action),
    }),
    vspcUrl: 'https://vspc.example.com:1280',
  });
  return harness;
}

export const UPDATE_VBR = { op: 'license.update', kind: 'vbr', uid: '5f1c2a9e-0000-4000-8000-000000000001' } as const;

export function updateRequest(requestedBy = 'UOPERATOR', channel: string | null = 'C0LICENSES') {
  return { operation: UPDATE_VBR, targetLabel: '5f1c2a9e-… (Acme Corp)', requestedBy, channel };
}
