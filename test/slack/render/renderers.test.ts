/** Facts about the renderers: what a reader sees, which buttons run what, dates in the reader's zone. */
import { describe, expect, it } from 'vitest';
import { channelMention, userMention } from '../../../src/mention.js';
import { renderInstallModal } from '../../../src/slack/render/install-modal.js';
import { escapeMrkdwn, packCapped, truncate } from '../../../src/slack/render/limits.js';
import { describeRange, pagingButtons, withPage } from '../../../src/slack/render/paging.js';
import { renderPicker } from '../../../src/slack/render/picker.js';
import { formatDate } from '../../../src/slack/render/render-context.js';
import { renderReply } from '../../../src/slack/render/reply.js';
import { RENDER, report, row, uid } from '../support/fixtures.js';

type Block = {
  type: string;
  block_id?: string;
  elements?: Record<string, unknown>[];
  accessory?: Record<string, unknown>;
};

describe('limits helpers', () => {
  it('truncate keeps short text and marks cut text', () => {
    expect(truncate('abc', 5)).toBe('abc');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });

  it('escapes text whole: only the mentions the bot builds become mentions; never broadcasts', () => {
    expect(escapeMrkdwn('A & B <x>')).toBe('A &amp; B &lt;x&gt;');
    expect(escapeMrkdwn('by <@U0ALICE> in <#C0LIC>')).toBe('by &lt;@U0ALICE&gt; in &lt;#C0LIC&gt;');
    expect(escapeMrkdwn(`by ${userMention('U0ALICE')} in ${channelMention('C0LIC')}`)).toBe(
      'by <@U0ALICE> in <#C0LIC>',
    );
    expect(escapeMrkdwn('<!channel> <!here>')).toBe('&lt;!channel&gt; &lt;!here&gt;');
  });

  it('packCapped counts what did not fit', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${i} ${'x'.repeat(50)}`);
    const chunks = packCapped(lines, 2, (n) => `…and ${n} more`);
    expect(chunks.length).toBeLessThanOrEqual(2);
    const last = chunks.at(-1) ?? '';
    const shownLines = chunks.join('\n').split('\n').length - 1;
    expect(last).toContain(`…and ${1000 - shownLines} more`);
  });
});

describe('paging', () => {
  it('sets --page in the command text, replacing an earlier one', () => {
    expect(withPage('licenses vbr --expiring 30', 2)).toBe('licenses vbr --expiring 30 --page 2');
    expect(withPage('licenses vbr --page 3 --status Warning', 4)).toBe('licenses vbr --status Warning --page 4');
    expect(withPage('licenses vbr --page 3', 1)).toBe('licenses vbr');
  });

  it('describes the range and offers previous and next', () => {
    const paging = { offset: 20, pageSize: 20, total: 312, commandText: 'licenses --page 2' };
    expect(describeRange(paging, 20, 'license')).toBe('showing 21–40 of 312 licenses');
    const buttons = pagingButtons(paging);
    expect(buttons?.block_id).toBe('paging');
    expect(buttons?.elements.map((e) => (e as { value?: string }).value)).toEqual(['licenses', 'licenses --page 3']);
  });

  it('prefers the command texts the handler gave', () => {
    const buttons = pagingButtons({
      offset: 0,
      pageSize: 20,
      total: 40,
      commandText: 'licenses vbr',
      nextCommandText: 'licenses vbr --page 2 --share',
    });
    expect(buttons?.elements.map((e) => (e as { value?: string }).value)).toEqual(['licenses vbr --page 2 --share']);
  });
});

describe('dates', () => {
  it("shows instants in the reader's time zone and calendar dates unshifted", () => {
    expect(formatDate('2025-03-22T02:00:00Z', RENDER)).toBe('21 Mar 2025');
    expect(formatDate('2025-03-22T02:00:00Z', { ...RENDER, userTimeZone: 'Asia/Tokyo' })).toBe('22 Mar 2025');
    expect(formatDate('2025-02-01', RENDER)).toBe('1 Feb 2025');
    expect(formatDate('not a date', RENDER)).toBe('not a date');
    expect(formatDate('2025-03-22T02:00:00Z', { ...RENDER, userTimeZone: 'Not/AZone' })).toBe('22 Mar 2025');
  });
});

describe('licenses and the license card', () => {
  it('each license row has a Details button that runs `license <kind> <uid>`', () => {
    const message = renderReply(
      {
        type: 'licenses',
        title: 'VBR licenses',
        summary: '2 licenses',
        rows: [row(1), row(2, {}, -3)],
        paging: { offset: 0, pageSize: 20, total: 2, commandText: 'licenses vbr' },
      },
      RENDER,
    );
    const accessories = (message.blocks as Block[]).map((b) => b.accessory).filter(Boolean);
    expect(accessories.map((a) => a?.value)).toEqual([`license vbr ${uid(1)}`, `license vbr ${uid(2)}`]);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('12 days left');
    expect(text).toContain('expired 3 days ago');
    expect(text).toContain('40/50 instances');
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it("the card renders the command's buttons in order with run_command ids and styles", () => {
    const message = renderReply(
      {
        type: 'license',
        row: row(1, { statusMessage: 'License is about to expire' }),
        buttons: [
          { label: 'Update now', commandText: `license update vbr ${uid(1)}`, style: 'primary' },
          { label: 'Delete', commandText: `license delete vbr ${uid(1)}`, style: 'danger' },
        ],
      },
      RENDER,
    );
    const actions = (message.blocks as Block[]).find((b) => b.type === 'actions');
    expect(actions?.elements).toEqual([
      expect.objectContaining({ action_id: 'run_command:0', value: `license update vbr ${uid(1)}`, style: 'primary' }),
      expect.objectContaining({ action_id: 'run_command:1', value: `license delete vbr ${uid(1)}`, style: 'danger' }),
    ]);
    expect(JSON.stringify(message.blocks)).toContain('License is about to expire');
  });
});

describe('picker', () => {
  const options = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ label: `Acme ${i}`, commandText: `license vbr ${uid(i)}` }));

  it('up to five options are buttons in the picker block', () => {
    const blocks = renderPicker({ type: 'picker', prompt: 'Which Acme?', options: options(5) }).blocks as Block[];
    const actions = blocks.find((b) => b.type === 'actions');
    expect(actions?.block_id).toBe('picker');
    expect(actions?.elements?.map((e) => e.action_id)).toEqual([
      'run_command:0',
      'run_command:1',
      'run_command:2',
      'run_command:3',
      'run_command:4',
    ]);
  });

  it('more than five become a static select whose option values are the commands', () => {
    const blocks = renderPicker({ type: 'picker', prompt: 'Which Acme?', options: options(8) }).blocks as Block[];
    const select = blocks.find((b) => b.type === 'actions')?.elements?.[0] as {
      type: string;
      action_id: string;
      options: { value: string }[];
    };
    expect(select.type).toBe('static_select');
    expect(select.action_id).toBe('run_command_select');
    expect(select.options.map((o) => o.value)).toEqual(options(8).map((o) => o.commandText));
  });
});

describe('install modal (conventions)', () => {
  it('has the callback id, metadata, target select and file input', () => {
    const view = renderInstallModal(
      { type: 'installModal', kind: 'vbr', targets: [{ label: 'VBR 00000001 (Acme)', uid: uid(1) }] },
      'C0LIC',
    );
    expect(view.callback_id).toBe('install_license');
    expect(JSON.parse(view.private_metadata ?? '')).toEqual({ channel: 'C0LIC', kind: 'vbr' });
    const [, target, file] = view.blocks as unknown as Record<string, Record<string, unknown>>[];
    expect(target?.block_id).toBe('target');
    expect(target?.element).toMatchObject({
      type: 'static_select',
      action_id: 'target',
      initial_option: { value: uid(1) },
    });
    expect(file?.block_id).toBe('file');
    expect(file?.element).toEqual({ type: 'file_input', action_id: 'file', filetypes: ['lic', 'xml'], max_files: 1 });
  });
});

describe('reports', () => {
  it('a report shows its totals and a button that uploads the CSV', () => {
    const message = renderReply({ type: 'report', report: report(42) }, RENDER);
    const text = JSON.stringify(message.blocks);
    expect(text).toContain('Usage report #1042');
    expect(text).toContain('1,234.5');
    expect(text).toContain('report 1042 csv');
  });
});
