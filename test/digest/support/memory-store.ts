/**
 * A stand-in Store for digest tests: the digest records with the same claim semantics as the SQLite
 * store (a claim wins once per channel and day; only a failed and released record can be claimed
 * again) and an audit log. The rest of the Store is not used by the digest.
 */
import type { AuditEntry, DigestRecord, Store } from '../../../src/store/types.js';

type Record = DigestRecord & { released: boolean };

function unused(): never {
  throw new Error('not used by the digest');
}

export interface MemoryStore extends Store {
  records(): DigestRecord[];
}

export function createMemoryStore(): MemoryStore {
  const digests = new Map<string, Record>();
  const audit: AuditEntry[] = [];
  const key = (channel: string, day: string) => `${channel}\u0000${day}`;

  return {
    async migrate() {},
    createAction: unused,
    getAction: unused,
    setActionMessage: unused,
    transition: unused,
    listActions: unused,
    listExpired: unused,
    putFile: unused,
    getFile: unused,
    async appendAudit(entry) {
      audit.push({ ...entry, id: audit.length + 1 });
    },
    async listAudit(limit) {
      return audit.slice(-limit).reverse();
    },
    async claimDigest(channel, day, claimedBy, now) {
      const existing = digests.get(key(channel, day));
      if (existing && !existing.released) return false;
      digests.set(key(channel, day), {
        channel,
        day,
        status: 'claimed',
        claimedBy,
        claimedAt: now,
        messageTs: null,
        attempts: (existing?.attempts ?? 0) + 1,
        released: false,
      });
      return true;
    },
    async getDigest(channel, day) {
      const record = digests.get(key(channel, day));
      if (!record) return null;
      const { released: _released, ...rest } = record;
      return rest;
    },
    async finishDigest(channel, day, status, messageTs) {
      const record = digests.get(key(channel, day));
      if (record) Object.assign(record, { status, messageTs });
    },
    async releaseDigest(channel, day) {
      const record = digests.get(key(channel, day));
      if (record?.status === 'failed') record.released = true;
    },
    async ping() {
      return true;
    },
    async close() {},
    records() {
      return [...digests.values()].map(({ released: _released, ...rest }) => rest);
    },
  };
}
