import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.js';
import type { Digest } from '../../src/digest/model.js';
import { VspcServerError } from '../../src/vspc/errors.js';
import { makeContext } from './support/context.js';
import { makeReport } from './support/licenses.js';

const ACME_ORG = 'f0f1f2f3-0000-4000-8000-000000000020';
const GLOBEX_ORG = 'f0f1f2f3-0000-4000-8000-000000000021';

function withReports() {
  const ctx = makeContext();
  ctx.backend.reports = [
    makeReport({ reportId: 1, intervalStart: '2026-01-01', intervalEnd: '2026-01-31' }),
    makeReport({ reportId: 2, status: 'ApprovalRequired', organizationName: 'Acme Corp', organizationUid: ACME_ORG }),
    makeReport({ reportId: 3, organizationName: 'Globex', organizationUid: GLOBEX_ORG }),
  ];
  ctx.backend.usageRows = [
    { organizationUid: GLOBEX_ORG, organizationType: 'Company', providerUid: null, servers: [] },
    { organizationUid: ACME_ORG, organizationType: 'Company', providerUid: null, servers: [] },
    {
      organizationUid: 'f0f1f2f3-0000-4000-8000-000000000099',
      organizationType: 'Reseller',
      providerUid: null,
      servers: [],
    },
  ];
  return ctx;
}

describe('reports and report', () => {
  it('reports pending lists ApprovalRequired only, with the auto-approve setting', async () => {
    const ctx = withReports();
    ctx.backend.autoApprove = true;
    const { reply } = await runCommand('reports pending', ctx);
    expect(reply).toMatchObject({ type: 'reports', title: 'Usage reports · waiting for approval', autoApprove: true });
    expect(reply.type === 'reports' && reply.reports.map((r) => r.reportId)).toEqual([2]);
  });

  it('reports all sorts the newest interval first', async () => {
    const { reply } = await runCommand('reports all', withReports());
    expect(reply.type === 'reports' && reply.reports.map((r) => r.reportId)).toEqual([2, 3, 1]);
  });

  it('report <id> finds the report; an unknown id says so', async () => {
    const ctx = withReports();
    expect((await runCommand('report 3', ctx)).reply).toMatchObject({
      type: 'report',
      report: { organizationName: 'Globex' },
    });
    expect((await runCommand('report 99', ctx)).reply).toEqual({
      type: 'error',
      message: 'There is no usage report with id 99. See: reports all',
    });
  });

  it('report <id> csv returns the CSV bytes as a file', async () => {
    const ctx = withReports();
    const { reply } = await runCommand('report 2 csv', ctx);
    if (reply.type !== 'file') throw new Error(reply.type);
    expect(reply.filename).toBe('license-usage-2.csv');
    expect(new TextDecoder().decode(reply.bytes)).toBe('Organization,Points\nAcme Corp,80\n');
    expect(ctx.backend.calls).toContain('reportCsv 2');
  });
});

describe('usage', () => {
  it('maps filters to the query and names organisations from the reports', async () => {
    const ctx = withReports();
    const { reply } = await runCommand('usage --type company --server vbr', ctx);
    expect(ctx.backend.usageQueries).toEqual([{ organizationType: 'Company', serverType: 'BackupAndReplication' }]);
    if (reply.type !== 'usage') throw new Error(reply.type);
    expect(reply.organizations.map((o) => o.organizationUid)).toEqual([ACME_ORG, GLOBEX_ORG]);
    expect(reply.names).toEqual({ [ACME_ORG]: 'Acme Corp', [GLOBEX_ORG]: 'Globex' });
    expect(reply.title).toBe('Current usage · 2 organisations');
  });

  it('--org takes a name, a UID prefix or a full UID', async () => {
    const ctx = withReports();
    const byName = await runCommand('usage --org acme', ctx);
    expect(byName.reply.type === 'usage' && byName.reply.organizations.map((o) => o.organizationUid)).toEqual([
      ACME_ORG,
    ]);
    await runCommand(`usage --org ${GLOBEX_ORG}`, ctx);
    expect(ctx.backend.usageQueries.at(-1)).toEqual({ organizationUid: GLOBEX_ORG });
    const none = await runCommand('usage --org Wayne', ctx);
    expect(none.reply).toMatchObject({
      type: 'error',
      message: expect.stringContaining('No organisation matches "Wayne"'),
    });
  });
});

describe('audit and digest', () => {
  it('audit N reads the newest entries, and every command is audited', async () => {
    const ctx = makeContext({ userId: 'UVIEW' });
    await runCommand('whoami', ctx);
    await runCommand('licences', ctx);
    const { reply } = await runCommand('audit 2', ctx);
    if (reply.type !== 'audit') throw new Error(reply.type);
    expect(reply.entries.map((e) => [e.actor, e.what, e.outcome])).toEqual([
      ['UVIEW', 'licences', 'usage error'],
      ['UVIEW', 'whoami', 'ok'],
    ]);
    expect(ctx.store.audit).toHaveLength(3);
  });

  it('digest without a digest service says it is not configured', async () => {
    const { reply } = await runCommand('digest preview', makeContext());
    expect(reply).toMatchObject({ type: 'error', message: expect.stringContaining('digest is not configured') });
  });

  it('digest preview returns the digest; digest now needs an operator and posts', async () => {
    const digest = { day: '2026-03-10', summary: 'all clear', empty: true } as Digest;
    const posted: string[] = [];
    const service = {
      preview: async () => digest,
      postNow: async (by: string) => {
        posted.push(by);
        return 'Posted to #licensing.';
      },
    };
    const viewer = { ...makeContext({ userId: 'UVIEW' }), digest: service };
    expect((await runCommand('digest', viewer)).reply).toEqual({ type: 'digest', digest });
    expect((await runCommand('digest now', viewer)).reply).toMatchObject({ type: 'error' });
    const operator = { ...makeContext({ userId: 'UOPS' }), digest: service };
    expect((await runCommand('digest now', operator)).reply).toEqual({ type: 'notice', text: 'Posted to #licensing.' });
    expect(posted).toEqual(['UOPS']);
  });
});

describe('failures become replies', () => {
  it('a VSPC error carries its code and request id in detail', async () => {
    const ctx = makeContext();
    ctx.backend.failWith = new VspcServerError('VSPC GET /licensing/backupServers answered HTTP 520', {
      status: 520,
      errors: [{ message: 'Connection to the server was lost', type: 'server', code: 1100 }],
      requestId: 'req-42',
    });
    const { reply, share } = await runCommand('licenses vbr --share', ctx);
    expect(reply).toEqual({
      type: 'error',
      message: 'VSPC answered with an error while running "licenses".',
      detail: 'Connection to the server was lost · VSPC error code 1100 · HTTP 520 · request id req-42',
    });
    expect(share).toBe(false);
  });

  it('anything else is a generic message with a log reference, never a stack', async () => {
    const ctx = makeContext();
    ctx.backend.failWith = new TypeError("Cannot read properties of undefined (reading 'uid')");
    const { reply } = await runCommand('licenses', ctx);
    if (reply.type !== 'error') throw new Error(reply.type);
    expect(reply.message).toMatch(
      /^Something went wrong while running "licenses"\. It was logged with reference [0-9a-f]{8}/,
    );
    expect(JSON.stringify(reply)).not.toContain('Cannot read');
  });

  it('--share is kept for read replies', async () => {
    expect((await runCommand('whoami --share', makeContext())).share).toBe(true);
    expect((await runCommand('whoami', makeContext())).share).toBe(false);
  });
});
