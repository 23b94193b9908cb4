/**
 * Audit entries the database cannot take wait in memory, in order and with their own timestamps, and
 * are written exactly once when it is back; what cannot be kept (full backlog, shutdown during the
 * outage) is in the log whole.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { withAuditBacklog } from '../../src/store/audit-backlog.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/types.js';
import { capturingLogger } from '../insight/chart/support.js';
import { faulty, READ_ONLY } from '../support/faulty-store.js';
import { auditEntry, minutesAfter, T0 } from './fixtures.js';

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
});

async function setUp(limit?: number) {
  const real = await createStore('sqlite::memory:');
  const faults = faulty(real);
  const log = capturingLogger();
  const { store, backlog } = withAuditBacklog(faults.store, { logger: log.log, ...(limit ? { limit } : {}) });
  opened.push(store);
  return { real, faults, store, backlog, log };
}

const at = (minutes: number) => minutesAfter(T0, minutes);
/** Oldest first, as `/vspc audit` reads them back. */
const whats = async (store: Store) => (await store.listAudit(100)).reverse().map((entry) => entry.what);

describe('audit backlog', () => {
  it('keeps entries the database refused and writes them once it is back, in order, once each', async () => {
    const { faults, store, backlog, real, log } = await setUp();
    await store.appendAudit(auditEntry({ what: 'before', at: at(0) }));
    faults.set(READ_ONLY);
    await store.appendAudit(auditEntry({ what: 'during 1', at: at(1) }));
    await store.appendAudit(auditEntry({ what: 'during 2', at: at(2) }));
    expect(backlog.size).toBe(2);
    expect(await backlog.flush()).toBe(0); // still read-only: they wait
    expect(backlog.size).toBe(2);

    faults.set(null);
    expect(await backlog.flush()).toBe(2);
    expect(await backlog.flush()).toBe(0);
    await store.appendAudit(auditEntry({ what: 'after', at: at(3) }));
    expect(await whats(real)).toEqual(['before', 'during 1', 'during 2', 'after']);
    expect((await real.listAudit(100)).map((entry) => entry.at.getTime()).reverse()).toEqual(
      [0, 1, 2, 3].map((m) => at(m).getTime()),
    );
    const kept = log.lines().filter((line) => /kept in memory/.test(line.msg));
    expect(kept.map((line) => (line as unknown as { audit: { what: string } }).audit.what)).toEqual([
      'during 1',
      'during 2',
    ]);
  });

  it('writes waiting entries before a new one, and `/vspc audit` sees them without waiting for the sweeper', async () => {
    const { faults, store, backlog, real } = await setUp();
    faults.set(READ_ONLY);
    await store.appendAudit(auditEntry({ what: 'one', at: at(1) }));
    faults.set(null);
    await store.appendAudit(auditEntry({ what: 'two', at: at(2) }));
    await backlog.flush(); // the append started the flush without waiting for it
    expect(await whats(real)).toEqual(['one', 'two']);

    faults.set(READ_ONLY);
    await store.appendAudit(auditEntry({ what: 'three', at: at(3) }));
    faults.set(null);
    expect(await whats(store)).toEqual(['one', 'two', 'three']);
    expect(backlog.size).toBe(0);
  });

  it('a full backlog logs the entry it cannot keep, whole', async () => {
    const { faults, store, backlog, real, log } = await setUp(2);
    faults.set(READ_ONLY);
    for (const what of ['a', 'b', 'c']) await store.appendAudit(auditEntry({ what }));
    expect(backlog.size).toBe(2);
    const lost = log.lines().filter((line) => /NOT kept/.test(line.msg));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ audit: { what: 'c', at: T0.toISOString() } });
    faults.set(null);
    await backlog.flush();
    expect(await whats(real)).toEqual(['a', 'b']);
  });

  it('stopping while the database is away logs every entry still waiting', async () => {
    const { faults, store, log } = await setUp();
    faults.set(READ_ONLY);
    await store.appendAudit(auditEntry({ what: 'waiting' }));
    await store.close();
    const lost = log.lines().filter((line) => /never written/.test(line.msg));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ audit: { what: 'waiting' } });
  });

  it('an entry the store refuses for another reason does not hold the others forever', async () => {
    const real = await createStore('sqlite::memory:');
    let poison = true;
    const refusing: Store = {
      ...real,
      async appendAudit(entry) {
        if (entry.what === 'poison' && poison) throw new Error('CHECK constraint failed');
        return real.appendAudit(entry);
      },
    };
    const log = capturingLogger();
    const { store, backlog } = withAuditBacklog(refusing, { logger: log.log });
    opened.push(store);
    await store.appendAudit(auditEntry({ what: 'poison' }));
    await store.appendAudit(auditEntry({ what: 'next' }));
    for (let round = 0; round < 3; round++) await backlog.flush();
    expect(backlog.size).toBe(0);
    expect(await whats(real)).toEqual(['next']);
    expect(log.lines().some((line) => /keeps refusing/.test(line.msg))).toBe(true);
    poison = false;
  });

  it('an entry whose write committed but whose answer was lost is written again and still appears once', async () => {
    const real = await createStore('sqlite::memory:');
    opened.push(real);
    let cut = 1;
    // The INSERT commits, then the connection is cut before its answer arrives.
    const lossy: Store = {
      ...real,
      async appendAudit(entry) {
        await real.appendAudit(entry);
        if (cut-- > 0) throw Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });
      },
    };
    const { store, backlog } = withAuditBacklog(lossy, { logger: capturingLogger().log });
    await store.appendAudit(auditEntry({ what: 'executed', at: at(0) }));
    expect(backlog.size).toBe(1);
    expect(await backlog.flush()).toBe(1);
    expect(await whats(real)).toEqual(['executed']);
  });
});
