import { afterEach, describe, expect, it } from 'vitest';
import { startApprovalSweeper } from '../../src/approvals/sweeper.js';
import { silentLogger } from '../../src/log.js';
import { withAuditBacklog } from '../../src/store/audit-backlog.js';
import { createStore } from '../../src/store/create-store.js';
import { eventually } from '../reliability/support/eventually.js';
import { auditEntry } from '../store/fixtures.js';
import { faulty, READ_ONLY } from '../support/faulty-store.js';
import { type Harness, startHarness, updateRequest } from './support/harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
});

describe('startApprovalSweeper', () => {
  it('expires lapsed actions and keeps polling recovery while VSPC reports them running', async () => {
    h = await startHarness();
    const lapsed = await h.service.request(updateRequest());
    const running = await h.service.request({
      ...updateRequest(),
      operation: { op: 'reports.autoapprove', enabled: true },
    });
    if (lapsed.status !== 'created' || running.status !== 'created') throw new Error('expected created');
    await h.store.transition(running.action.id, 'pending', 'executing', h.clock.now, { confirmedBy: 'UAPPROVER' });
    h.backend.asyncStates.set(running.action.id, { status: 'running', errors: [] });
    expect(await h.service.recover()).toEqual({ resolved: 0, running: 1 });
    h.backend.asyncStates.set(running.action.id, { status: 'succeed', errors: [] });
    h.clock.advanceMinutes(16);

    const sweeper = startApprovalSweeper(h.service, {
      clock: () => h.clock.now,
      logger: silentLogger,
      intervalMs: 5,
    });
    try {
      const deadline = Date.now() + 3000;
      while (Date.now() < deadline) {
        const statuses = await Promise.all(
          [lapsed, running].map(async (r) => (await h.store.getAction(r.action.id))?.status),
        );
        if (statuses[0] === 'expired' && statuses[1] === 'succeeded') break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      sweeper.stop();
    }
    expect((await h.store.getAction(lapsed.action.id))?.status).toBe('expired');
    expect((await h.store.getAction(running.action.id))?.status).toBe('succeeded');
    expect(h.backend.writes).toHaveLength(0);
  });
});

describe('startApprovalSweeper and the audit backlog', () => {
  it('each round writes the audit entries a database outage left waiting, even when nothing else happens', async () => {
    h = await startHarness();
    const real = await createStore('sqlite::memory:');
    const faults = faulty(real);
    const { store, backlog } = withAuditBacklog(faults.store, { logger: silentLogger });
    faults.set(READ_ONLY);
    await store.appendAudit(auditEntry({ what: 'while read-only' }));
    faults.set(null);
    expect(await real.listAudit(10)).toEqual([]);

    const sweeper = startApprovalSweeper(h.service, {
      clock: () => h.clock.now,
      logger: silentLogger,
      intervalMs: 5,
      flushAudit: () => backlog.flush(),
    });
    try {
      await eventually(async () => ((await real.listAudit(10)).length > 0 ? true : undefined), {
        timeoutMs: 3000,
        what: 'the sweeper to write the waiting entry',
      });
    } finally {
      sweeper.stop();
      await store.close();
    }
    expect(backlog.size).toBe(0);
  });
});
