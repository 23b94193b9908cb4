/** The Home view stays within Slack's limits for a view (100 blocks, each block's own limits) however much there is. */
import { describe, expect, it } from 'vitest';
import type { HomeData } from '../../src/slack/home/home-data.js';
import { renderHome } from '../../src/slack/home/render-home.js';
import { blockProblems } from '../slack/support/block-kit-limits.js';
import { pendingAction, report, row } from '../slack/support/fixtures.js';

const ctx = { userTimeZone: 'UTC', teamTimeZone: 'UTC', now: new Date('2026-03-01T10:00:00Z') };
const huge = (n: number) => 'x'.repeat(n);

function data(over: Partial<HomeData> = {}): HomeData {
  return {
    userId: 'U0ALICE',
    now: ctx.now,
    roles: ['viewer', 'approver'],
    may: ['see licenses'],
    canRead: true,
    waiting: [],
    mine: [],
    recent: [],
    team: { soon: [], reports: [], digest: null, problem: null },
    notice: null,
    ...over,
  };
}

describe('renderHome', () => {
  it('200 waiting actions, 1000 licenses, 500 reports, long texts: within 100 valid blocks, saying what it left out', () => {
    const many = (count: number) =>
      Array.from({ length: count }, (_, i) =>
        pendingAction({ id: `a-${i}`, targetLabel: huge(3000), outcome: huge(3000), messageTs: '1700000000.000100' }),
      );
    const view = renderHome(
      data({
        notice: huge(5000),
        waiting: many(200),
        mine: many(200),
        recent: many(5).map((action) => ({ ...action, status: 'failed' as const, finishedAt: ctx.now })),
        may: Array.from({ length: 100 }, () => huge(200)),
        team: {
          soon: Array.from({ length: 1000 }, (_, i) => row(i, { company: huge(500) }, i % 2 ? 3 : -4)),
          reports: Array.from({ length: 500 }, (_, i) => report(i, { organizationName: huge(500) })),
          digest: {
            summary: huge(5000),
            last: { channel: 'C0DIGEST', day: '2026-03-01', messageTs: '1.2' },
            next: ctx.now,
            channels: ['C0DIGEST'],
          },
          problem: huge(5000),
        },
      }),
      ctx,
    );
    expect(view.type).toBe('home');
    expect(blockProblems(view.blocks, 100)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('more action');
    expect(text).toMatch(/and [\d,]+ more/);
  });

  it('someone who may not read sees only their roles, and never a button', () => {
    const view = renderHome(data({ canRead: false, team: null, waiting: [pendingAction()] }), ctx);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Your roles');
    expect(text).not.toContain('button');
    expect(text).not.toContain('Licenses expired');
  });
});
