import type { KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build-digest.js';
import { renderDigestBlocks } from '../../src/digest/render-blocks.js';
import type { License } from '../../src/licenses/model.js';
import type { UsageReport } from '../../src/reports/model.js';
import { buttonsOf, expectWithinBlockKitLimits } from './support/block-kit.js';
import { generateInventory } from './support/generate-inventory.js';
import { makeLicense, makeReport } from './support/license-factory.js';

const NOW = new Date('2026-03-10T11:00:00Z');

function digestOf(licenses: License[], reports: UsageReport[] = [], autoApprove: boolean | null = false) {
  return buildDigest({ licenses, reports, autoApprove, now: NOW, timeZone: 'Europe/Berlin', horizonDays: 30 });
}

function texts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section' && block.text) return [block.text.text];
    if (block.type === 'context') return block.elements.map((element) => ('text' in element ? element.text : ''));
    if (block.type === 'header') return [block.text.text];
    return [];
  });
}

function allMessages(rendered: ReturnType<typeof renderDigestBlocks>) {
  return [rendered.main, ...rendered.threadReplies];
}

describe('renderDigestBlocks: a 12,000-license inventory', () => {
  const { licenses, expected } = generateInventory(new Date('2026-03-10T11:00:00Z'));
  const reports = [makeReport({ reportId: 7 }), makeReport({ reportId: 8, intervalStart: '2026-01-01' })];
  const digest = digestOf(licenses, reports);
  const rendered = renderDigestBlocks(digest);
  const urgent =
    expected.expired + expected.expiring + expected.unhealthy + expected.overUsed + expected.supportExpiring;

  it('keeps the main message and every thread reply within Block Kit limits', () => {
    expect(rendered.threadReplies.length).toBeGreaterThan(0);
    for (const message of allMessages(rendered)) expectWithinBlockKitLimits(message);
    expect(rendered.main.text).toContain(digest.summary);
  });

  it('shows every urgent license exactly once across main and thread, with an Update now button', () => {
    const updates = allMessages(rendered).flatMap((message) =>
      buttonsOf(message.blocks).filter((button) => button.label === 'Update now'),
    );
    expect(updates).toHaveLength(urgent);
    expect(new Set(updates.map((button) => button.command)).size).toBe(urgent);
    for (const button of updates)
      expect(button.command).toMatch(/^license update (vbr|site|vone|vb365) [0-9a-f-]{36}$/);
  });

  it('offers Enable auto-update exactly for the licenses that have it off', () => {
    const urgentOff = [
      ...digest.expired,
      ...digest.expiring.flatMap((bucket) => bucket.rows),
      ...digest.unhealthy,
      ...digest.overUsed.map((entry) => entry.row),
      ...digest.supportExpiring,
    ].filter((row) => row.license.autoUpdateEnabled === false);
    const enables = allMessages(rendered)
      .flatMap((message) => buttonsOf(message.blocks))
      .filter((button) => button.label === 'Enable auto-update')
      .map((button) => button.command);
    expect(enables.sort()).toEqual(
      urgentOff.map((row) => `license autoupdate ${row.license.kind} ${row.license.uid} on`).sort(),
    );
  });

  it('lists each pending report once, with one Finalize button in the main message', () => {
    const reportLines = allMessages(rendered).flatMap((message) =>
      texts(message.blocks).filter((text) => /^\*Report \d+ ·/.test(text)),
    );
    expect(reportLines).toHaveLength(2);
    expect(buttonsOf(rendered.main.blocks).filter((button) => button.command === 'reports finalize')).toHaveLength(1);
  });

  it('says in the main message how many of each section are in the thread, and the counts add up', () => {
    const mainTexts = texts(rendered.main.blocks);
    const sections: [string, number][] = [
      ['Expired', expected.expired],
      ['In Warning or Error', expected.unhealthy],
      ['Over licensed units', expected.overUsed],
      ['Support contracts expiring within 30 days', expected.supportExpiring],
    ];
    for (const [title, total] of sections) {
      expect(mainTexts).toContainEqual(expect.stringContaining(`*${title}* (${total})`));
      const note = mainTexts.find((text) =>
        text.endsWith(`more ${title.charAt(0).toLowerCase()}${title.slice(1)} in the thread`),
      );
      const inThreadCount = Number(note?.split(' ')[0] ?? 0);
      const mainEntries = rendered.main.blocks.filter((block) => block.type === 'actions').length;
      expect(inThreadCount).toBeGreaterThan(0);
      expect(inThreadCount).toBeLessThan(total);
      expect(mainEntries).toBeGreaterThan(0);
    }
    const promised = mainTexts
      .filter((text) => text.endsWith('in the thread'))
      .reduce((sum, text) => sum + Number(text.split(' ')[0]), 0);
    const threadEntries = rendered.threadReplies.reduce(
      (sum, reply) => sum + reply.blocks.filter((block) => block.type === 'actions').length,
      0,
    );
    // Reports render without an actions block; here both fit in the main message.
    expect(promised).toBe(threadEntries);
    expect(texts(rendered.threadReplies.at(-1)?.blocks ?? []).join('\n')).not.toContain('not shown');
  });

  it('numbers the thread replies as parts', () => {
    const parts = rendered.threadReplies.length + 1;
    rendered.threadReplies.forEach((reply, index) => {
      expect(texts(reply.blocks)[0]).toBe(`VSPC license digest 2026-03-10 · part ${index + 2} of ${parts}`);
    });
  });
});

describe('renderDigestBlocks: limits of the thread', () => {
  it('counts what a capped thread cannot hold and names the command that lists it', () => {
    const licenses = Array.from({ length: 12_000 }, (_, index) =>
      makeLicense({ expirationDate: new Date(NOW.getTime() - (index + 1) * 86_400_000).toISOString() }),
    );
    const rendered = renderDigestBlocks(digestOf(licenses), { maxThreadReplies: 3 });
    expect(rendered.threadReplies).toHaveLength(3);
    for (const message of allMessages(rendered)) expectWithinBlockKitLimits(message);
    const shown = allMessages(rendered).reduce(
      (sum, message) => sum + buttonsOf(message.blocks).filter((button) => button.label === 'Update now').length,
      0,
    );
    const last = texts(rendered.threadReplies[2]?.blocks ?? []).at(-1) ?? '';
    expect(last).toBe(
      `${12_000 - shown} more not shown in Slack: ${12_000 - shown} expired (\`/vspc licenses --expiring 30\`)`,
    );
    const note = texts(rendered.main.blocks).find((text) => text.includes('more expired'));
    expect(note).toMatch(/^\d+ more expired: \d+ in the thread, all of them with `\/vspc licenses --expiring 30`$/);
  });
});

describe('renderDigestBlocks: a preview without a thread', () => {
  it('renders the main message alone and points to the commands for the rest', () => {
    const { licenses, expected } = generateInventory(NOW);
    const rendered = renderDigestBlocks(digestOf(licenses), { maxThreadReplies: 0 });
    expect(rendered.threadReplies).toEqual([]);
    expectWithinBlockKitLimits(rendered.main);
    const notes = texts(rendered.main.blocks).filter((text) => / more /.test(text));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).toMatch(/^\d+ more .+: see `\/vspc [^`]+`$/);
    const expiredNote = notes.find((note) => note.includes('more expired')) ?? '';
    const shownExpired = Number(
      /\((\d+)\)/.exec(texts(rendered.main.blocks).find((t) => t.includes('*Expired*')) ?? '')?.[1],
    );
    expect(shownExpired).toBe(expected.expired);
    expect(Number(expiredNote.split(' ')[0])).toBeLessThan(expected.expired);
  });
});

describe('renderDigestBlocks: entries', () => {
  it('gives each license Update now, and Enable auto-update only when auto-update is off', () => {
    const on = makeLicense({
      kind: 'vone',
      uid: 'aaaaaaaa-0000-4000-8000-000000000001',
      expirationDate: '2026-03-12T00:00:00Z',
    });
    const off = makeLicense({
      kind: 'vb365',
      uid: 'bbbbbbbb-0000-4000-8000-000000000002',
      autoUpdateEnabled: false,
      expirationDate: '2026-03-13T00:00:00Z',
    });
    const console = makeLicense({ kind: 'console', autoUpdateEnabled: false, expirationDate: '2026-03-14T00:00:00Z' });
    const rendered = renderDigestBlocks(digestOf([on, off, console]));
    expect(buttonsOf(rendered.main.blocks).map((button) => button.command)).toEqual([
      'license update vone aaaaaaaa-0000-4000-8000-000000000001',
      'license update vb365 bbbbbbbb-0000-4000-8000-000000000002',
      'license autoupdate vb365 bbbbbbbb-0000-4000-8000-000000000002 on',
      'license update console',
      'license autoupdate console on',
    ]);
    expect(rendered.threadReplies).toEqual([]);
  });

  it('escapes what VSPC sends and shows dates as Slack date tokens with a fallback in the reader zone', () => {
    const license = makeLicense({
      company: '<Acme & Sons>',
      status: 'Warning',
      statusMessage: 'Use <!channel> & more',
      expirationDate: '2026-03-10T23:30:00Z',
    });
    const rendered = renderDigestBlocks(digestOf([license]), { userTimeZone: 'Pacific/Auckland' });
    const all = texts(rendered.main.blocks).join('\n');
    expect(all).toContain('&lt;Acme &amp; Sons&gt;');
    expect(all).toContain('Use &lt;!channel&gt; &amp; more');
    expect(all).not.toContain('<!channel>');
    expect(all).toContain(`<!date^${Date.parse('2026-03-10T23:30:00Z') / 1000}^{date_short}|2026-03-11>`);
  });

  it('renders an all-clear digest as one short message', () => {
    const rendered = renderDigestBlocks(digestOf([makeLicense()], [], null));
    expect(rendered.threadReplies).toEqual([]);
    expectWithinBlockKitLimits(rendered.main);
    expect(texts(rendered.main.blocks)).toEqual([
      'VSPC license digest · 2026-03-10',
      expect.stringMatching(/^:white_check_mark: All clear/),
      'Auto-approve of usage reports: unknown · day counts in Europe/Berlin',
    ]);
  });
});
