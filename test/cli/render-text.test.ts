import { describe, expect, it } from 'vitest';
import { renderText, table } from '../../src/cli/render-text.js';
import type { Reply } from '../../src/commands/reply.js';
import { toRow } from '../../src/licenses/expiry.js';
import type { PendingAction } from '../../src/store/types.js';
import { makeLicense, makeReport, NOW, sampleLicenses, UID } from '../commands/support/licenses.js';

const options = { timeZone: 'UTC' };
const rows = sampleLicenses().map((l) => toRow(l, NOW, 'UTC'));

describe('renderText', () => {
  it('prints licenses as an aligned table with dates and days left, and the next page command', () => {
    const text = renderText(
      {
        type: 'licenses',
        title: 'Licenses',
        summary: '7 licenses',
        rows: rows.slice(1, 4),
        paging: { offset: 0, pageSize: 3, total: 7, commandText: 'licenses', nextCommandText: 'licenses --page 2' },
      },
      options,
    );
    const lines = text.split('\n');
    const header = lines[3]!;
    expect(header).toMatch(/^Kind\s+UID\s+Company\s+Type\s+Status\s+Expires/);
    const acme = lines.find((l) => l.includes('5f1c2a9e'))!;
    expect(acme).toContain('2026-03-22 (12 days left)');
    const globex = lines.find((l) => l.includes('Globex'))!;
    expect(globex).toContain('2026-03-07 (expired 3 days ago)');
    // Columns line up: "Status" starts at the same offset in the header and every row.
    const at = header.indexOf('Status');
    expect(acme.slice(at, at + 5)).toBe('Valid');
    expect(globex.slice(at, at + 7)).toBe('Expired');
    expect(text).toContain('Showing 1–3 of 7 · next page: licenses --page 2');
  });

  it('prints a picker as a numbered list of commands to type', () => {
    const text = renderText(
      {
        type: 'picker',
        prompt: '"acme" matches 2 VBR licenses. Which one?',
        options: [
          { label: 'Acme Corp · 5f1c2a9e…', commandText: `license vbr ${UID.acmeVbr}` },
          { label: 'Acme Corp · 5f1c2a9e…', commandText: `license vbr ${UID.acmeVbr2}` },
        ],
      },
      options,
    );
    expect(text.split('\n')).toEqual([
      '"acme" matches 2 VBR licenses. Which one?',
      '   1. Acme Corp · 5f1c2a9e…',
      `      license vbr ${UID.acmeVbr}`,
      '   2. Acme Corp · 5f1c2a9e…',
      `      license vbr ${UID.acmeVbr2}`,
    ]);
  });

  it('prints errors with VSPC detail, and usage errors with the suggestion and usage line', () => {
    expect(renderText({ type: 'error', message: 'VSPC failed.', detail: 'code 1100 · request id r-1' }, options)).toBe(
      'Error: VSPC failed.\n  code 1100 · request id r-1',
    );
    expect(
      renderText(
        { type: 'usageError', message: 'Unknown command.', suggestion: 'licenses vbr', usage: 'licenses …' },
        options,
      ),
    ).toBe('Error: Unknown command.\nDid you mean: licenses vbr\nUsage: licenses …');
  });

  it('prints one license with its actions', () => {
    const row = toRow(
      makeLicense({ kind: 'vbr', uid: UID.acmeVbr, company: 'Acme Corp', statusMessage: null }),
      NOW,
      'UTC',
    );
    const text = renderText(
      { type: 'license', row, buttons: [{ label: 'Update now', commandText: `license update vbr ${UID.acmeVbr}` }] },
      options,
    );
    expect(text).toContain(`vbr license ${UID.acmeVbr}`);
    expect(text).toContain('Expires:        2027-03-10 (365 days left)');
    expect(text).toContain('Units:          10/100 instances');
    expect(text).toContain(`Update now             license update vbr ${UID.acmeVbr}`);
  });

  it('prints reports with the auto-approve setting and top products', () => {
    const text = renderText(
      { type: 'reports', title: 'Usage reports', reports: [makeReport({ reportId: 42 })], autoApprove: false },
      options,
    );
    expect(text).toContain('Auto-approve: off');
    expect(text).toMatch(/42 {2}Service Provider Inc {2}2026-02-01 – 2026-02-28 {2}Approved {2}\s*120 {2}VBR 120/);
  });

  it('prints current usage per organisation and server, only what is in use', () => {
    const text = renderText(
      {
        type: 'usage',
        title: 'Current usage · 1 organisation',
        names: { o1: 'Acme Corp' },
        organizations: [
          {
            organizationUid: 'o1',
            organizationType: 'Company',
            providerUid: null,
            servers: [
              {
                serverUid: 's1',
                serverType: 'BackupAndReplication',
                workloads: [
                  {
                    description: 'VM',
                    unitType: 'Points',
                    usedUnits: 55,
                    rentalUnits: 0,
                    newUnits: 0,
                    usedCount: 5,
                    rentalCount: 0,
                    newCount: 0,
                  },
                  {
                    description: 'Server',
                    unitType: 'Points',
                    usedUnits: 0,
                    rentalUnits: 0,
                    newUnits: 0,
                    usedCount: 0,
                    rentalCount: 0,
                    newCount: 0,
                  },
                ],
              },
            ],
          },
        ],
      },
      options,
    );
    expect(text).toMatch(/Acme Corp\s+Company\s+BackupAndReplication\s+VM 55 points \(5\)$/m);
    expect(text).not.toContain('Server 0');
  });

  it('prints every kind of reply without throwing', () => {
    const action: PendingAction = {
      id: 'a1',
      operation: { op: 'license.update', kind: 'vbr', uid: UID.acmeVbr },
      dedupeKey: 'k',
      targetLabel: 'Veeam Backup & Replication 5f1c2a9e… (Acme Corp)',
      requestedBy: 'cli',
      channel: null,
      messageTs: null,
      responseUrl: null,
      createdAt: NOW,
      expiresAt: NOW,
      status: 'pending',
      confirmedBy: null,
      finishedAt: null,
      outcome: null,
    };
    const replies: Reply[] = [
      {
        type: 'help',
        title: 'vspc',
        sections: [{ title: 'Read', entries: [{ usage: 'whoami', description: 'you' }] }],
        note: 'n',
      },
      { type: 'notice', text: 'done' },
      { type: 'report', report: makeReport({ reportId: 1 }) },
      { type: 'file', filename: 'a.csv', title: 'A', bytes: new Uint8Array(3), comment: 'c' },
      { type: 'whoami', userId: 'U1', roles: [], may: ['nothing'] },
      {
        type: 'audit',
        entries: [
          {
            at: NOW,
            actor: 'U1',
            event: 'command',
            what: 'whoami',
            target: null,
            actionId: null,
            outcome: 'ok',
            requestId: null,
          },
        ],
      },
      { type: 'audit', entries: [] },
      { type: 'actionCard', action, created: true },
      { type: 'installModal', kind: 'vbr', targets: [{ label: 'Acme', uid: UID.acmeVbr }] },
    ];
    const texts = replies.map((reply) => renderText(reply, options));
    expect(texts[5]).toMatch(/^At \(UTC\)\s+Actor/);
    expect(texts[6]).toBe('The audit log is empty.');
    expect(texts[7]).toContain(
      'Approval requested: Ask VSPC to download and install a fresh license for Veeam Backup & Replication 5f1c2a9e… (Acme Corp).',
    );
    expect(texts[8]).toContain(`(${UID.acmeVbr})`);
  });

  it('cuts long cells except in the last column', () => {
    const text = table(['A', 'B'], [['x'.repeat(60), 'y'.repeat(60)]]);
    expect(text.split('\n')[2]).toBe(`${'x'.repeat(41)}…  ${'y'.repeat(60)}`);
  });
});
