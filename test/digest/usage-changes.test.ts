/** The digest's "Usage changes": built, rendered within Block Kit's budget, and said when it fails. */
import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { loadDigest } from '../../src/digest/load-digest.js';
import type { DigestUsage } from '../../src/digest/model.js';
import { renderDigestBlocks } from '../../src/digest/render-blocks.js';
import { digestToText } from '../../src/digest/render-text.js';
import type { InsightService } from '../../src/insight/service.js';
import type { License } from '../../src/licenses/model.js';
import { VspcServerError } from '../../src/vspc/errors.js';
import { usageChange, usageChanges } from '../support/insight-fixtures.js';
import { buttonsOf, expectWithinBlockKitLimits } from './support/block-kit.js';
import { createFakeBackend } from './support/fake-backend.js';
import { generateInventory } from './support/generate-inventory.js';
import { makeLicense } from './support/license-factory.js';

const NOW = new Date('2026-03-10T11:00:00Z');

function digestOf(licenses: License[], usage: DigestUsage | null) {
  return buildDigest({
    licenses,
    reports: [],
    autoApprove: false,
    now: NOW,
    timeZone: 'Europe/Berlin',
    horizonDays: 30,
    usage,
  });
}

function texts(blocks: KnownBlock[]): string {
  return JSON.stringify(blocks);
}

const PLANTED = usageChanges([
  usageChange('jump', 1, 400, 700),
  usageChange('new', 2, 0, 80),
  usageChange('zero', 3, 250, 0),
]);

describe('Usage changes in the digest', () => {
  it('names each organization with both numbers, the change and the trend command, and counts them', () => {
    const digest = digestOf([], { status: 'ok', changes: PLANTED });
    expect(digest.empty).toBe(false);
    expect(digest.summary).toBe('3 usage changes');
    const { main } = renderDigestBlocks(digest);
    expectWithinBlockKitLimits(main);
    const all = texts(main.blocks);
    expect(all).toContain('*Usage changes* (3)');
    expect(all).toContain('Org 1 · up*\\n700 points now · 400 in the last report · +300 (+75%)');
    expect(all).toContain('Org 2 · new*\\n80 points now · not in the last report · new');
    expect(all).toContain('Org 3 · at zero*\\n0 points now · 250 in the last report · -250 (-100%)');
    expect(all).toContain('`/vspc trend --org \\"Org 1\\"`');
    expect(all).toContain('at least 25% above the last report and at least 50 points more');
    const trendButtons = buttonsOf(main.blocks).filter((b) => b.label === 'Show trend');
    expect(trendButtons.map((b) => b.command)).toEqual([
      'trend --org "Org 1"',
      'trend --org "Org 2"',
      'trend --org "Org 3"',
    ]);
  });

  it('says "none today" when nobody crosses the thresholds, and stays all clear', () => {
    const digest = digestOf([], { status: 'ok', changes: usageChanges([]) });
    expect(digest.empty).toBe(true);
    const all = texts(renderDigestBlocks(digest).main.blocks);
    expect(all).toContain('none today');
    expect(all).not.toContain('*Usage changes*');
  });

  it('when reading them failed, says what failed and still shows the licenses', () => {
    const licenses = [makeLicense({ expirationDate: '2026-03-01T00:00:00Z' })];
    const digest = digestOf(licenses, { status: 'failed', reason: 'VSPC answered with an error (boom · HTTP 520)' });
    expect(digest.summary).toContain('usage changes could not be read');
    const { main } = renderDigestBlocks(digest);
    const all = texts(main.blocks);
    expect(all).toContain(':warning: Usage changes could not be read: VSPC answered with an error (boom · HTTP 520)');
    expect(all).toContain('*Expired* (1)');
    expect(digestToText(digest)).toContain('Usage changes could not be read: VSPC answered with an error');
  });

  it('500 changes beside 12,000 licenses stay within the budget; every change is placed or counted', () => {
    const { licenses } = generateInventory(NOW);
    const many = usageChanges(Array.from({ length: 500 }, (_, i) => usageChange('jump', i, 100 + i, 400 + i * 2)));
    const rendered = renderDigestBlocks(digestOf(licenses, { status: 'ok', changes: many }));
    const messages = [rendered.main, ...rendered.threadReplies];
    for (const message of messages) expectWithinBlockKitLimits(message);
    const shown = messages.flatMap((m) => buttonsOf(m.blocks)).filter((b) => b.label === 'Show trend').length;
    const all = messages.map((m) => texts(m.blocks)).join('\n');
    const counted = /(\d+) usage changes \(`\/vspc forecast`\)/.exec(all);
    expect(shown + Number(counted?.[1] ?? 0)).toBe(500);
    expect(all).toContain('*Usage changes* (500)');
  });

  it('the text digest lists every change with the command', () => {
    const text = digestToText(digestOf([], { status: 'ok', changes: PLANTED }));
    expect(text).toContain('Usage changes (3)');
    expect(text).toContain(
      '  - Org 1 · up — 700 points now · 400 in the last report · +300 (+75%) · `/vspc trend --org "Org 1"`',
    );
  });
});

describe('loadDigest reads the usage changes beside the licenses', () => {
  function insight(overrides: Partial<InsightService>): InsightService {
    const fail = async () => {
      throw new Error('not used');
    };
    return {
      supported: true,
      thresholds: { percent: 25, minPoints: 50 },
      history: fail,
      trend: fail,
      forecast: fail,
      usageChanges: async () => PLANTED,
      compareReport: fail,
      settled: async () => {},
      ...overrides,
    };
  }
  const options = { now: NOW, timeZone: 'UTC', horizonDays: 30 };

  it('takes them from the insight service', async () => {
    const digest = await loadDigest({ backend: createFakeBackend(), insight: insight({}) }, options);
    expect(digest.usage).toEqual({ status: 'ok', changes: PLANTED });
  });

  it('turns a VSPC failure into what failed, with VSPC’s words and request id', async () => {
    const error = new VspcServerError('VSPC GET /licensing/usage/organizations answered HTTP 520', {
      status: 520,
      errors: [{ message: 'Connection to the server was lost', type: 'server', code: 1100 }],
      requestId: 'req-9',
    });
    const failing = insight({
      usageChanges: async () => {
        throw error;
      },
    });
    const digest = await loadDigest({ backend: createFakeBackend([makeLicense()]), insight: failing }, options);
    expect(digest.usage).toEqual({
      status: 'failed',
      reason:
        'VSPC answered with an error (Connection to the server was lost · VSPC error code 1100 · HTTP 520 · request id req-9)',
    });
  });

  it('leaves the section out where usage reports do not exist (v2) or nobody gave a source', async () => {
    const v2 = await loadDigest({ backend: createFakeBackend(), insight: insight({ supported: false }) }, options);
    expect(v2.usage).toBeNull();
    expect((await loadDigest({ backend: createFakeBackend() }, options)).usage).toBeNull();
  });
});
