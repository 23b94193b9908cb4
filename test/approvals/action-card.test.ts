import { describe, expect, it } from 'vitest';
import { WRITES_OFF_REASON } from '../../src/approvals/roles.js';
import { userMention } from '../../src/mention.js';
import { escapeMrkdwn } from '../../src/mrkdwn.js';
import { renderActionCard, renderActionCardReply, renderWritesOff } from '../../src/slack/render/action-card.js';
import type { Button, KnownBlock } from '../../src/slack/render/block-kit.js';
import type { ActionStatus, PendingAction } from '../../src/store/types.js';

const ctx = { userTimeZone: 'Europe/Berlin', teamTimeZone: 'Europe/Berlin', now: new Date('2025-06-02T09:00:00Z') };
const ID = '0b7e1d2c-3f4a-4b5c-8d6e-7f8091a2b3c4';

function action(overrides: Partial<PendingAction> = {}): PendingAction {
  return {
    id: ID,
    operation: {
      op: 'license.install',
      kind: 'vbr',
      uid: '5f1c2a9e-0000-4000-8000-000000000001',
      fileId: 'f1',
      fileName: `${'very-long-name-'.repeat(20)}.lic`,
      size: 2150,
      sha256: 'ab'.repeat(32),
    },
    dedupeKey: 'k',
    targetLabel: '5f1c2a9e-… (Acme <Corp> & Sons)',
    requestedBy: 'UREQ',
    channel: 'C1',
    messageTs: '1700000000.000100',
    responseUrl: null,
    createdAt: new Date('2025-06-02T09:00:00Z'),
    expiresAt: new Date('2025-06-02T09:15:00Z'),
    status: 'pending',
    confirmedBy: null,
    finishedAt: null,
    outcome: null,
    ...overrides,
  };
}

function buttons(blocks: KnownBlock[]): Button[] {
  return blocks.flatMap((block) => (block.type === 'actions' ? (block.elements as Button[]) : []));
}

/** Every Block Kit limit of the conventions that applies to a card. */
function expectWithinLimits(message: { text: string; blocks: KnownBlock[] }): void {
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(message.text.length).toBeGreaterThan(0);
  for (const block of message.blocks) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
  }
  for (const button of buttons(message.blocks)) {
    expect(button.text.text.length).toBeLessThanOrEqual(75);
    expect(button.value?.length ?? 0).toBeLessThanOrEqual(2000);
    if (button.confirm) {
      expect(button.confirm.title?.text.length ?? 0).toBeLessThanOrEqual(100);
      expect(button.confirm.text.text.length).toBeLessThanOrEqual(300);
      expect(button.confirm.confirm?.text.length ?? 0).toBeLessThanOrEqual(30);
      expect(button.confirm.deny?.text.length ?? 0).toBeLessThanOrEqual(30);
    }
  }
}

const allText = (message: { blocks: KnownBlock[] }) => JSON.stringify(message.blocks);

describe('renderActionCard', () => {
  it('pending: what will happen, requester, expiry, Confirm (primary, with a confirm dialog) and Cancel', () => {
    const card = renderActionCard(action(), ctx);
    expectWithinLimits(card);
    const text = allText(card);
    expect(text).toContain('Install the license file');
    expect(text).toContain(`sha256 ${'ab'.repeat(32)}`);
    expect(text).toContain('2.1 KB');
    expect(text).toContain('Acme &lt;Corp&gt; &amp; Sons');
    expect(text).toContain('<@UREQ>');
    expect(text).toContain(`<!date^${Date.parse('2025-06-02T09:15:00Z') / 1000}^`);
    const [confirm, cancel] = buttons(card.blocks);
    expect(confirm).toMatchObject({ action_id: 'confirm_action', value: ID, style: 'primary' });
    expect(confirm?.confirm).toMatchObject({ title: { type: 'plain_text' }, confirm: { text: 'Confirm' }, deny: {} });
    expect(cancel).toMatchObject({ action_id: 'cancel_action', value: ID });
  });

  it('finalization cards say Approve', () => {
    const card = renderActionCard(action({ operation: { op: 'reports.finalize' }, targetLabel: 'usage reports' }), ctx);
    expectWithinLimits(card);
    expect(buttons(card.blocks)[0]?.text.text).toBe('Approve');
    expect(allText(card)).toContain('Approval needed');
  });

  it('executing: no buttons, says who confirmed', () => {
    const card = renderActionCard(action({ status: 'executing', confirmedBy: 'UAPP' }), ctx);
    expectWithinLimits(card);
    expect(buttons(card.blocks)).toHaveLength(0);
    expect(allText(card)).toContain('confirmed by <@UAPP>');
    expect(allText(card)).toContain('Executing');
  });

  it('executing with the outcome not known yet: says so, never "Failed", no buttons, not "executing"', () => {
    const outcome = `Outcome not known yet — VSPC is still working on it (or did not answer); the bot checks VSPC and updates this card · request id ${ID}`;
    const card = renderActionCard(action({ status: 'executing', confirmedBy: 'UAPP', outcome }), ctx);
    expectWithinLimits(card);
    expect(buttons(card.blocks)).toHaveLength(0);
    const text = allText(card);
    expect(text).toContain('Outcome not known yet: Install license');
    expect(text).toContain(outcome);
    expect(text).toContain('confirmed by <@UAPP>');
    expect(text).not.toMatch(/Failed|Executing|Running now/);
    // Reliability tests read a card as settled once its fallback text stops saying "executing".
    expect(card.text).not.toMatch(/executing/i);

    const reply = renderActionCardReply(
      { type: 'actionCard', action: action({ status: 'executing', outcome }), created: false },
      ctx,
    );
    expect(allText(reply)).toMatch(/still open: its outcome is not known yet/);
    expect(allText(reply)).toContain('https://slack.com/archives/C1/p1700000000000100');
  });

  it.each<[ActionStatus, string]>([
    ['succeeded', 'VSPC installed acme.lic: status Valid · request id x'],
    ['failed', 'License is being updated · VSPC error code 1042 · HTTP 409 · request id x'],
    ['cancelled', `Cancelled by ${userMention('UREQ')}; nothing was done.`],
    ['expired', 'Expired: nobody confirmed within 15 minutes; nothing was done.'],
    ['unknown', 'Outcome unknown — check VSPC: … request id x'],
  ])('%s: the outcome, who requested and confirmed, when; no buttons', (status, outcome) => {
    const card = renderActionCard(
      action({
        status,
        outcome,
        confirmedBy: status === 'cancelled' || status === 'expired' ? null : 'UAPP',
        finishedAt: ctx.now,
      }),
      ctx,
    );
    expectWithinLimits(card);
    expect(buttons(card.blocks)).toHaveLength(0);
    const text = allText(card);
    expect(text).toContain('<@UREQ>');
    expect(text).toContain(escapeMrkdwn(outcome));
    expect(text).toContain(ID);
    if (status === 'failed') expect(text).toContain('VSPC error code 1042');
  });

  it('a huge outcome stays within the section limit', () => {
    const card = renderActionCard(action({ status: 'failed', outcome: 'x'.repeat(10_000) }), ctx);
    expectWithinLimits(card);
  });

  it('an already open action points at its card instead of a second one', () => {
    const message = renderActionCardReply({ type: 'actionCard', action: action(), created: false }, ctx);
    expectWithinLimits(message);
    expect(buttons(message.blocks)).toHaveLength(0);
    expect(allText(message)).toContain('https://slack.com/archives/C1/p1700000000000100');
  });

  it('the writes-off variant says how to enable writes', () => {
    const message = renderWritesOff();
    expectWithinLimits(message);
    expect(message.text).toBe(WRITES_OFF_REASON);
    expect(allText(message)).toContain('APPROVERS');
  });
});
