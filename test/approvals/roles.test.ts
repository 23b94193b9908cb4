import { afterEach, describe, expect, it } from 'vitest';
import { createAccess, WRITES_OFF_REASON } from '../../src/approvals/roles.js';
import type { RoleSettings } from '../../src/config.js';
import { escapeMrkdwn } from '../../src/mrkdwn.js';
import type { PendingAction } from '../../src/store/types.js';
import { type Harness, startHarness, T0, updateRequest } from './support/harness.js';

const NONE: RoleSettings = { viewers: [], operators: [], approvers: [], requireSecondPerson: false, writeChannels: [] };
const update = updateRequest().operation;
const finalize = { op: 'reports.finalize' } as const;

function access(settings: Partial<RoleSettings>, groups: Record<string, string[] | Error> = {}) {
  let lookups = 0;
  const result = createAccess(
    { ...NONE, ...settings },
    {
      clock: () => T0,
      groupMembers: async (id) => {
        lookups++;
        const members = groups[id];
        if (members instanceof Error) throw members;
        return members ?? [];
      },
    },
  );
  return Object.assign(result, { lookups: () => lookups });
}

function pendingBy(requestedBy: string, operation: PendingAction['operation'] = update): PendingAction {
  return {
    id: 'a1',
    operation,
    dedupeKey: 'k',
    targetLabel: 't',
    requestedBy,
    channel: 'C1',
    messageTs: null,
    responseUrl: null,
    createdAt: T0,
    expiresAt: T0,
    status: 'pending',
    confirmedBy: null,
    finishedAt: null,
    outcome: null,
  };
}

describe('roles', () => {
  it('with no roles set, writes are off and the answer names the variables that turn them on', async () => {
    const a = access({});
    expect(a.writesEnabled).toBe(false);
    expect(await a.refuseRequest('U1', 'C1', update)).toBe(WRITES_OFF_REASON);
    expect(WRITES_OFF_REASON).toMatch(/APPROVERS/);
    expect(WRITES_OFF_REASON).toMatch(/OPERATORS/);
    expect(await a.refuseConfirm('U1', pendingBy('U1'))).toBe(WRITES_OFF_REASON);
    expect(await a.canRead('U1')).toBe(true);
    // The CLI acts for whoever holds the VSPC credentials; it still needs --yes (or a typed confirmation).
    expect(await a.refuseRequest('cli', null, update)).toBeNull();
    expect(await a.refuseConfirm('cli', pendingBy('cli'))).toBeNull();
  });

  it('viewers are everyone unless VIEWERS is set; operators and approvers may always read', async () => {
    const a = access({ viewers: ['UVIEW'], operators: ['UOP'], approvers: ['UAPP'] });
    expect(await a.canRead('UVIEW')).toBe(true);
    expect(await a.canRead('UOP')).toBe(true);
    expect(await a.canRead('UAPP')).toBe(true);
    expect(await a.canRead('USTRANGER')).toBe(false);
    expect(await a.rolesOf('UVIEW')).toEqual(['viewer']);
    expect(await a.rolesOf('UAPP')).toEqual(['viewer', 'approver']);
  });

  it('a viewer cannot request; an operator can; approvers confirm', async () => {
    const a = access({ operators: ['UOP'], approvers: ['UAPP'] });
    expect(await a.refuseRequest('UVIEW', 'C1', update)).toMatch(/only the people in OPERATORS/);
    expect(await a.refuseRequest('UOP', 'C1', update)).toBeNull();
    expect(await a.refuseConfirm('UOP', pendingBy('UOP'))).toMatch(/Only approvers/);
    expect(await a.refuseConfirm('UAPP', pendingBy('UOP'))).toBeNull();
  });

  it('with APPROVERS empty the requester confirms their own request, and nobody else does', async () => {
    const a = access({ operators: ['UOP', 'UOP2'] });
    expect(await a.refuseConfirm('UOP', pendingBy('UOP'))).toBeNull();
    expect(escapeMrkdwn((await a.refuseConfirm('UOP2', pendingBy('UOP'))) ?? '')).toMatch(/Only <@UOP>/);
  });

  it('REQUIRE_SECOND_PERSON forbids confirming your own request', async () => {
    const withApprovers = access({ operators: ['UOP'], approvers: ['UAPP', 'UAPP2'], requireSecondPerson: true });
    expect(await withApprovers.refuseConfirm('UAPP', pendingBy('UAPP'))).toMatch(/second person/);
    expect(await withApprovers.refuseConfirm('UAPP2', pendingBy('UAPP'))).toBeNull();
    const operatorsOnly = access({ operators: ['UOP', 'UOP2'], requireSecondPerson: true });
    expect(await operatorsOnly.refuseConfirm('UOP', pendingBy('UOP'))).toMatch(/second person/);
    expect(await operatorsOnly.refuseConfirm('UOP2', pendingBy('UOP'))).toBeNull();
  });

  it('with OPERATORS empty the approvers request', async () => {
    const a = access({ approvers: ['UAPP'] });
    expect(await a.refuseRequest('UAPP', 'C1', update)).toBeNull();
    expect(await a.refuseRequest('UOTHER', 'C1', update)).toMatch(/APPROVERS/);
    expect(await a.rolesOf('UAPP')).toEqual(['viewer', 'operator', 'approver']);
  });

  it('finalizing reports needs an approver when APPROVERS is set', async () => {
    const a = access({ operators: ['UOP'], approvers: ['UAPP'] });
    expect(await a.refuseRequest('UOP', 'C1', finalize)).toMatch(/Only approvers/);
    expect(await a.refuseRequest('UAPP', 'C1', finalize)).toBeNull();
    expect(await a.refuseConfirm('UOP', pendingBy('UAPP', finalize))).toMatch(/approve finalizing/);
  });

  it('WRITE_CHANNELS limits where writes may be requested', async () => {
    const a = access({ operators: ['UOP'], writeChannels: ['CWRITE'] });
    expect(escapeMrkdwn((await a.refuseRequest('UOP', 'COTHER', update)) ?? '')).toMatch(/<#CWRITE>/);
    expect(await a.refuseRequest('UOP', null, update)).toMatch(/WRITE_CHANNELS/);
    expect(await a.refuseRequest('UOP', 'CWRITE', update)).toBeNull();
  });

  it('the CLI has every role', async () => {
    const a = access({ operators: ['UOP'], approvers: ['UAPP'], requireSecondPerson: true, writeChannels: ['C1'] });
    expect(await a.rolesOf('cli')).toEqual(['viewer', 'operator', 'approver']);
    expect(await a.refuseRequest('cli', null, finalize)).toBeNull();
    expect(await a.refuseConfirm('cli', pendingBy('cli'))).toBeNull();
  });

  it('resolves user groups once within the TTL', async () => {
    const a = access({ approvers: ['SAPPROVERS'] }, { SAPPROVERS: ['UMEMBER'] });
    expect(await a.refuseConfirm('UMEMBER', pendingBy('UX'))).toBeNull();
    expect(await a.refuseConfirm('UMEMBER', pendingBy('UY'))).toBeNull();
    expect(await a.refuseConfirm('UOUTSIDER', pendingBy('UY'))).toMatch(/Only approvers/);
    expect(a.lookups()).toBe(1);
  });

  it('a user group Slack will not resolve means no, with the reason', async () => {
    const a = access(
      { approvers: ['SAPPROVERS'], viewers: ['SVIEWERS'] },
      {
        SAPPROVERS: new Error('missing_scope'),
        SVIEWERS: new Error('missing_scope'),
      },
    );
    const reason = await a.refuseConfirm('UMEMBER', pendingBy('UX'));
    expect(reason).toMatch(/Only approvers/);
    expect(reason).toMatch(/user group SAPPROVERS could not be resolved \(missing_scope\)/);
    expect(await a.canRead('UMEMBER')).toBe(false);
  });
});

describe('refusals through the service write nothing', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
  });

  it('a viewer cannot request', async () => {
    h = await startHarness();
    const result = await h.service.request(updateRequest('UVIEWER'));
    expect(result.status).toBe('refused');
    expect(await h.store.listActions({})).toHaveLength(0);
    const audit = await h.store.listAudit(10);
    expect(audit).toMatchObject([{ event: 'request', actor: 'UVIEWER', outcome: expect.stringMatching(/^refused: /) }]);
  });

  it('an operator cannot approve their own request with REQUIRE_SECOND_PERSON', async () => {
    h = await startHarness({ operators: [], approvers: ['UAPPROVER', 'UAPPROVER2'], requireSecondPerson: true });
    const result = await h.service.request(updateRequest('UAPPROVER'));
    if (result.status !== 'created') throw new Error('expected created');
    const own = await h.service.confirm(result.action.id, 'UAPPROVER', h.presenter);
    expect(own).toMatchObject({ ok: false, reason: expect.stringMatching(/second person/) });
    expect((await h.store.getAction(result.action.id))?.status).toBe('pending');
    expect(h.backend.writes).toHaveLength(0);
    expect(h.presented).toHaveLength(0);
  });

  it('a non-approver cannot finalize', async () => {
    h = await startHarness();
    const refused = await h.service.request({
      operation: finalize,
      targetLabel: 'usage reports',
      requestedBy: 'UOPERATOR',
      channel: 'C0LICENSES',
    });
    expect(refused.status).toBe('refused');
    const created = await h.service.request({
      operation: finalize,
      targetLabel: 'usage reports',
      requestedBy: 'UAPPROVER',
      channel: 'C0LICENSES',
    });
    if (created.status !== 'created') throw new Error('expected created');
    const click = await h.service.confirm(created.action.id, 'UOPERATOR', h.presenter);
    expect(click).toMatchObject({ ok: false, reason: expect.stringMatching(/Only approvers/) });
    expect(h.backend.writes).toHaveLength(0);
    expect((await h.service.confirm(created.action.id, 'UAPPROVER2', h.presenter)).ok).toBe(true);
    expect(h.backend.writes.map((w) => [w.method, w.requestId])).toEqual([['finalizeReports', created.action.id]]);
  });

  it('with no roles set, a request is refused with how to turn writes on', async () => {
    h = await startHarness({ operators: [], approvers: [] });
    const result = await h.service.request(updateRequest('UANYONE'));
    expect(result).toEqual({ status: 'refused', reason: WRITES_OFF_REASON });
    expect(await h.store.listActions({})).toHaveLength(0);
  });
});
