/**
 * Every Reply type, rendered with inputs far larger than Slack accepts, stays inside every Block
 * Kit limit and says what it left out.
 */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/commands/reply.js';
import { trendChartInput } from '../../../src/commands/trend-chart.js';
import { renderInstallModal } from '../../../src/slack/render/install-modal.js';
import { renderReply } from '../../../src/slack/render/reply.js';
import { comparison, forecast, trend } from '../../support/insight-fixtures.js';
import { messageProblems, modalProblems, visibleTextLength } from '../support/block-kit-limits.js';
import { auditEntry, digest, organizationUsage, pendingAction, RENDER, report, row, uid } from '../support/fixtures.js';

const huge = (n: number) => 'x'.repeat(n);
const manyRows = Array.from({ length: 500 }, (_, i) =>
  row(i, { company: `Company ${i} ${huge(300)}`, statusMessage: huge(5000) }),
);
const manyReports = Array.from({ length: 200 }, (_, i) => report(i, { organizationName: huge(400) }));

const LARGE_REPLIES: Reply[] = [
  {
    type: 'help',
    title: huge(400),
    sections: Array.from({ length: 80 }, (_, s) => ({
      title: `Section ${s}`,
      entries: Array.from({ length: 30 }, (_, e) => ({ usage: `cmd ${e} ${huge(100)}`, description: huge(200) })),
    })),
    note: huge(5000),
  },
  { type: 'usageError', message: huge(10_000), suggestion: huge(5000), usage: huge(5000) },
  { type: 'error', message: huge(10_000), detail: huge(10_000) },
  { type: 'notice', text: huge(20_000) },
  {
    type: 'licenses',
    title: huge(300),
    summary: huge(5000),
    rows: manyRows,
    paging: { offset: 20, pageSize: 500, total: 12_000, commandText: `licenses vbr --company ${huge(1990)}` },
  },
  {
    type: 'license',
    row: row(1, {
      company: huge(3000),
      licenseIds: Array.from({ length: 300 }, (_, i) => `lic-${i}`),
      units: Array.from({ length: 100 }, (_, i) => ({ unit: `unit${i}`, used: i, licensed: i })),
      statusMessage: huge(8000),
    }),
    buttons: Array.from({ length: 40 }, (_, i) => ({ label: huge(200), commandText: `license update vbr ${uid(i)}` })),
  },
  {
    type: 'picker',
    prompt: huge(5000),
    options: Array.from({ length: 300 }, (_, i) => ({ label: huge(200), commandText: `license vbr ${uid(i)}` })),
  },
  {
    type: 'picker',
    prompt: 'Which?',
    options: Array.from({ length: 300 }, (_, i) => ({
      label: `o${i}`,
      commandText: `license vbr ${uid(i)} ${huge(80)}`,
    })),
  },
  {
    type: 'reports',
    title: huge(300),
    reports: manyReports,
    autoApprove: true,
    paging: { offset: 0, pageSize: 200, total: 201, commandText: 'reports' },
  },
  {
    type: 'report',
    report: report(1, {
      products: Array.from({ length: 200 }, (_, i) => ({
        productType: `P${i} ${huge(100)}`,
        licenseEdition: huge(50),
        totalPoints: i,
        workloads: Array.from({ length: 20 }, (_, w) => ({
          workloadType: `W${w}`,
          description: huge(60),
          usedPoints: w,
          count: w,
        })),
      })),
      organizations: Array.from({ length: 1000 }, (_, i) => ({ name: huge(200), type: 'Company', usedPoints: i })),
      notCollectedCloudServers: Array.from({ length: 100 }, (_, i) => uid(i)),
    }),
  },
  {
    type: 'usage',
    title: huge(300),
    organizations: Array.from({ length: 400 }, (_, i) => {
      const org = organizationUsage(i);
      return { ...org, servers: Array.from({ length: 30 }, () => org.servers[0]).filter((s) => s !== undefined) };
    }),
    names: {},
    paging: { offset: 0, pageSize: 400, total: 4000, commandText: 'usage' },
  },
  {
    type: 'whoami',
    userId: 'U0ALICE',
    roles: ['viewer', 'operator', 'approver'],
    may: Array.from({ length: 500 }, () => huge(100)),
  },
  {
    type: 'audit',
    entries: Array.from({ length: 1000 }, (_, i) => ({ ...auditEntry(i), what: huge(2000), outcome: huge(2000) })),
  },
  { type: 'actionCard', action: pendingAction({ targetLabel: huge(5000) }), created: true },
  {
    type: 'actionCard',
    action: pendingAction({ targetLabel: huge(5000), messageTs: '1700000000.000100' }),
    created: false,
  },
  { type: 'digest', digest: digest(manyRows, manyReports) },
  {
    type: 'pending',
    actions: Array.from({ length: 500 }, (_, i) =>
      pendingAction({ id: `action-${i}`, targetLabel: huge(5000), channel: 'C0LIC', messageTs: '1700000000.000100' }),
    ),
  },
  { type: 'file', filename: 'report.csv', title: 'Report', bytes: new Uint8Array(10), comment: huge(5000) },
  largeTrend(),
  { type: 'forecast', forecast: { ...forecast(3000, (i) => `${huge(300)} ${i}`), method: huge(5000) } },
  {
    type: 'report',
    report: report(2, {
      organizations: Array.from({ length: 1000 }, (_, i) => ({ name: huge(200), type: 'Company', usedPoints: i })),
    }),
    comparison: comparison(1000, (i) => `${huge(300)} ${i}`),
    comparisonProblem: huge(5000),
  },
];

/** 24 months × top 20 + others, long names and large numbers: the widest table trend can ask for. */
function largeTrend(): Reply {
  const t = trend({
    months: 24,
    top: 20,
    others: true,
    openLast: true,
    name: (i) => `${huge(300)} ${i}`,
    points: (s, m) => 12_345_678.91 + s * 1000 + m,
  });
  return { type: 'trend', trend: t, chart: trendChartInput(t), pngPath: null };
}

describe('every reply within Block Kit limits', () => {
  it.each(LARGE_REPLIES.map((reply, index) => [`${index}: ${reply.type}`, reply] as const))('%s', (_name, reply) => {
    const message = renderReply(reply, RENDER);
    expect(messageProblems(message)).toEqual([]);
    // Slack has refused messages at about 13,200 characters of text.
    expect(visibleTextLength(message.blocks)).toBeLessThan(13_200);
  });

  it('small replies are within limits too (nothing empty)', () => {
    const empties: Reply[] = [
      {
        type: 'licenses',
        title: 'Licenses',
        summary: '',
        rows: [],
        paging: { offset: 0, pageSize: 20, total: 0, commandText: 'licenses' },
      },
      { type: 'reports', title: 'Reports', reports: [], autoApprove: null },
      { type: 'usage', title: 'Usage', organizations: [], names: {} },
      { type: 'audit', entries: [] },
      { type: 'whoami', userId: 'U1', roles: [], may: [] },
      { type: 'pending', actions: [] },
      { type: 'help', title: 'Help', sections: [] },
      { type: 'digest', digest: digest([], []) },
      { type: 'picker', prompt: 'Pick', options: [{ label: 'a', commandText: 'license vbr a' }] },
    ];
    for (const reply of empties) expect(messageProblems(renderReply(reply, RENDER)), reply.type).toEqual([]);
  });

  it('the install modal stays within modal limits with 500 targets', () => {
    const view = renderInstallModal(
      {
        type: 'installModal',
        kind: 'vbr',
        targets: Array.from({ length: 500 }, (_, i) => ({ label: huge(200), uid: uid(i) })),
      },
      'C0LIC',
    );
    expect(modalProblems(view as unknown as Record<string, unknown>)).toEqual([]);
  });

  it('says how much it left out instead of dropping silently', () => {
    const licenses = renderReply(LARGE_REPLIES[4] as Reply, RENDER);
    const all = JSON.stringify(licenses.blocks);
    expect(all).toContain('of 12,000 licenses');
    expect(all).toMatch(/\d+ more licenses of this page did not fit/);
    const picker = JSON.stringify(renderReply(LARGE_REPLIES[6] as Reply, RENDER).blocks);
    expect(picker).toContain('200 more not listed');
    const audit = JSON.stringify(renderReply(LARGE_REPLIES[12] as Reply, RENDER).blocks);
    expect(audit).toMatch(/and [\d,]+ older entries/);
    const pending = JSON.stringify(
      renderReply(LARGE_REPLIES.find((r) => r.type === 'pending') as Reply, RENDER).blocks,
    );
    expect(pending).toMatch(/and [\d,]+ more open actions/);
  });
});
