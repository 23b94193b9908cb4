/** The part of Store that commands use (the audit log); everything else refuses loudly. */
import type { AuditEntry, Store } from '../../../src/store/types.js';

export interface MemoryStore extends Store {
  audit: AuditEntry[];
}

export function createMemoryStore(): MemoryStore {
  const unused = async (): Promise<never> => {
    throw new Error('not used by commands');
  };
  const store: MemoryStore = {
    audit: [],
    async migrate() {},
    createAction: unused,
    getAction: unused,
    setActionMessage: unused,
    transition: unused,
    listActions: unused,
    listExpired: unused,
    countActionsByStatus: unused,
    putFile: unused,
    getFile: unused,
    async appendAudit(entry) {
      store.audit.push({ ...entry, id: store.audit.length + 1 });
    },
    async listAudit(limit) {
      return [...store.audit].reverse().slice(0, limit);
    },
    claimDigest: unused,
    getDigest: unused,
    finishDigest: unused,
    releaseDigest: unused,
    claimNotification: unused,
    finishNotification: unused,
    async loadUsageMonths() {
      return [];
    },
    async keepUsageMonth() {},
    async ping() {
      return true;
    },
    async close() {},
  };
  return store;
}
