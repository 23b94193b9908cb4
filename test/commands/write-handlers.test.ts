import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.js';
import { makeContext } from './support/context.js';
import { makeReport, UID } from './support/licenses.js';

describe('write commands ask the approval desk, never VSPC', () => {
  it('license update asks with the exact operation and the full UID', async () => {
    const ctx = makeContext();
    const { reply } = await runCommand('license update vbr a0b1c2d3', ctx);
    expect(ctx.approvals.requests).toEqual([
      {
        operation: { op: 'license.update', kind: 'vbr', uid: UID.globexVbr },
        targetLabel: 'Veeam Backup & Replication a0b1c2d3… (Globex)',
        requestedBy: 'UOPS',
        channel: 'CLICENSES',
      },
    ]);
    expect(reply).toMatchObject({ type: 'actionCard', created: true, action: { status: 'pending' } });
  });

  it('asking again shows the open card (created false)', async () => {
    const ctx = makeContext();
    const first = await runCommand('license update vbr globex', ctx);
    const second = await runCommand(`license update vbr ${UID.globexVbr}`, ctx);
    expect(first.reply.type === 'actionCard' && first.reply.created).toBe(true);
    expect(second.reply).toMatchObject({ type: 'actionCard', created: false });
    if (first.reply.type === 'actionCard' && second.reply.type === 'actionCard') {
      expect(second.reply.action.id).toBe(first.reply.action.id);
    }
  });

  it('an ambiguous target gives a picker of the same write with each full UID, and asks nothing', async () => {
    const ctx = makeContext();
    const { reply } = await runCommand('license autoupdate vbr acme on', ctx);
    if (reply.type !== 'picker') throw new Error(reply.type);
    expect(reply.options.map((o) => o.commandText)).toEqual([
      `license autoupdate vbr ${UID.acmeVbr} on`,
      `license autoupdate vbr ${UID.acmeVbr2} on`,
    ]);
    expect(ctx.approvals.requests).toEqual([]);
  });

  it('builds autoupdate, delete and console operations', async () => {
    const ctx = makeContext();
    await runCommand(`license autoupdate vbr ${UID.acmeVbr} on`, ctx);
    await runCommand(`license delete vbr ${UID.acmeVbr} instance`, ctx);
    await runCommand('license delete vone umbrella', ctx);
    await runCommand('license update console', ctx);
    expect(ctx.approvals.requests.map((r) => r.operation)).toEqual([
      { op: 'license.autoupdate', kind: 'vbr', uid: UID.acmeVbr, enabled: true },
      { op: 'license.delete', kind: 'vbr', uid: UID.acmeVbr, section: 'Instance' },
      { op: 'license.delete', kind: 'vone', uid: UID.umbrellaVone, section: null },
      { op: 'license.update', kind: 'console', uid: 'console' },
    ]);
    expect(ctx.approvals.requests.at(-1)?.targetLabel).toBe('VSPC console license');
  });

  it('does not ask for what is already so, or for a section the license lacks', async () => {
    const ctx = makeContext();
    const already = await runCommand(`license autoupdate vbr ${UID.acmeVbr2} on`, ctx);
    expect(already.reply).toEqual({
      type: 'notice',
      text: 'Auto-update is already on for Veeam Backup & Replication 5f1c2a9e… (Acme Corp).',
    });
    const section = await runCommand(`license delete vbr ${UID.acmeVbr} socket`, ctx);
    expect(section.reply).toEqual({
      type: 'error',
      message: 'Veeam Backup & Replication 5f1c2a9e… (Acme Corp) has no Socket section; it has: All, Instance.',
    });
    expect(ctx.approvals.requests).toEqual([]);
  });

  it('refuses what this VSPC API cannot do, before resolving anything', async () => {
    const ctx = makeContext();
    ctx.backend.unsupported.add('vone:delete');
    const { reply } = await runCommand('license delete vone umbrella', ctx);
    expect(reply).toEqual({ type: 'error', message: 'delete of vone licenses is not available on VSPC API v3' });
    expect(ctx.backend.calls).toEqual([]);
  });

  it('license install opens the modal with the candidate targets, full UIDs', async () => {
    const ctx = makeContext();
    const { reply } = await runCommand('license install vbr acme', ctx);
    expect(reply).toEqual({
      type: 'installModal',
      kind: 'vbr',
      targets: [
        { label: 'Acme Corp · 5f1c2a9e… · Valid · expires 2026-03-22', uid: UID.acmeVbr },
        { label: 'Acme Corp · 5f1c2a9e… · Valid · expires 2026-04-24', uid: UID.acmeVbr2 },
      ],
    });
    expect(ctx.approvals.requests).toEqual([]);
  });

  it('reports finalize asks for reports.finalize when reports wait, and says so when none do', async () => {
    const ctx = makeContext({ userId: 'ULEAD' });
    const none = await runCommand('reports finalize', ctx);
    expect(none.reply).toEqual({ type: 'notice', text: 'No usage reports wait for approval.' });
    ctx.backend.reports = [makeReport({ reportId: 7, status: 'ApprovalRequired', totalPoints: 250 })];
    const asked = await runCommand('reports finalize', ctx);
    expect(asked.reply).toMatchObject({
      type: 'actionCard',
      action: {
        operation: { op: 'reports.finalize' },
        targetLabel: '1 usage report waiting for approval (250 points)',
      },
    });
  });

  it('reports autoapprove asks unless it is already so', async () => {
    const ctx = makeContext();
    const off = await runCommand('reports autoapprove off', ctx);
    expect(off.reply).toEqual({ type: 'notice', text: 'Automatic approval of usage reports is already off.' });
    const on = await runCommand('reports autoapprove on', ctx);
    expect(on.reply).toMatchObject({
      type: 'actionCard',
      action: { operation: { op: 'reports.autoapprove', enabled: true } },
    });
  });
});

describe('roles', () => {
  it('with no VIEWERS everyone reads; a restricted list refuses others', async () => {
    const open = await runCommand('licenses', makeContext({ userId: 'UANYONE' }));
    expect(open.reply.type).toBe('licenses');
    const restricted = makeContext({ userId: 'UANYONE', access: { viewers: ['UVIEW'], operators: ['UOPS'] } });
    const refused = await runCommand('licenses', restricted);
    expect(refused.reply).toMatchObject({ type: 'error', message: expect.stringContaining('not in VIEWERS') });
    expect(restricted.backend.calls).toEqual([]);
    const viewer = await runCommand('licenses', makeContext({ userId: 'UVIEW', access: { viewers: ['UVIEW'] } }));
    expect(viewer.reply.type).toBe('licenses');
  });

  it('a viewer may not ask for writes; with no OPERATORS and APPROVERS writes are off', async () => {
    const viewer = makeContext({ userId: 'UVIEW' });
    const refused = await runCommand('license update vbr globex', viewer);
    expect(refused.reply).toEqual({ type: 'error', message: 'You are not an operator.' });
    expect(viewer.backend.calls).toEqual([]);
    const off = await runCommand('license update vbr globex', makeContext({ access: {} }));
    expect(off.reply).toMatchObject({ type: 'error', message: expect.stringContaining('Writes are off') });
  });

  it('finalize needs an approver when APPROVERS is set', async () => {
    const { reply } = await runCommand('reports finalize', makeContext({ userId: 'UOPS' }));
    expect(reply).toEqual({ type: 'error', message: 'Finalizing reports needs an approver.' });
  });

  it('writes outside WRITE_CHANNELS are refused with the reason', async () => {
    const ctx = makeContext({ channelId: 'CRANDOM', access: { operators: ['UOPS'], writeChannels: ['CLICENSES'] } });
    const { reply } = await runCommand('license update vbr globex', ctx);
    expect(reply).toEqual({ type: 'error', message: 'Changes can be asked for only in the licensing channel.' });
  });

  it('help on a v2 server leaves out usage reports and usage, which v2 lacks', async () => {
    const ctx = makeContext({ userId: 'ULEAD' });
    const { reply } = await runCommand('help', { ...ctx, backend: { ...ctx.backend, apiVersion: 'v2' } });
    if (reply.type !== 'help') throw new Error(reply.type);
    const usages = reply.sections.flatMap((s) => s.entries.map((e) => e.usage));
    expect(usages.some((u) => u.startsWith('licenses'))).toBe(true);
    expect(usages.some((u) => u.startsWith('report') || u.startsWith('usage'))).toBe(false);
  });

  it('help lists only what the caller may do', async () => {
    const usagesOf = async (userId: string) => {
      const { reply } = await runCommand('help', makeContext({ userId }));
      if (reply.type !== 'help') throw new Error(reply.type);
      return reply.sections.flatMap((s) => s.entries.map((e) => e.usage.split(' ').slice(0, 2).join(' ')));
    };
    const viewer = await usagesOf('UVIEW');
    expect(viewer).toContain('licenses [all|console|sites|vbr|vone|vb365]');
    expect(viewer.some((u) => u.startsWith('license update'))).toBe(false);
    expect(viewer).not.toContain('reports finalize');
    const operator = await usagesOf('UOPS');
    expect(operator).toContain('license update');
    expect(operator).not.toContain('reports finalize');
    const approver = await usagesOf('ULEAD');
    expect(approver).toContain('reports finalize');
  });

  it('whoami says the roles and what they allow', async () => {
    const { reply } = await runCommand('whoami', makeContext({ userId: 'ULEAD' }));
    expect(reply).toMatchObject({ type: 'whoami', userId: 'ULEAD', roles: ['viewer', 'approver'] });
    expect(reply.type === 'whoami' && reply.may).toContain('ask to finalize the usage reports that wait for approval');
  });
});
