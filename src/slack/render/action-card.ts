/**
 * The approval card of a pending action, in every state (DESIGN §2): pending with Confirm/Cancel,
 * executing (buttons gone, who confirmed), executing with its outcome not known yet (the call ended
 * without VSPC's answer), and the outcome (who requested, who confirmed, when, the result or VSPC's
 * error with its code and the request id). Pure: action in, message out.
 * Times are Slack date tokens, so every reader sees their own time zone.
 */
import { describeOperation, operationTitle } from '../../approvals/describe.js';
import { isFinalize, WRITES_OFF_REASON } from '../../approvals/roles.js';
import type { Reply } from '../../commands/reply.js';
import type { ActionStatus, PendingAction } from '../../store/types.js';
import { type Button, compact, context, header, type KnownBlock, type SlackMessage, section } from './block-kit.js';
import { cardUrl } from './card-link.js';
import { escapeMrkdwn, escapeValue, fallback, LIMITS, truncate, userMentionMarkup } from './limits.js';
import { formatDateTime, type RenderContext } from './render-context.js';

export const CONFIRM_ACTION_ID = 'confirm_action';
export const CANCEL_ACTION_ID = 'cancel_action';

const HEADINGS: Record<ActionStatus, { emoji: string; lead: string }> = {
  pending: { emoji: ':raised_hand:', lead: 'Confirmation needed' },
  executing: { emoji: ':hourglass_flowing_sand:', lead: 'Executing' },
  succeeded: { emoji: ':white_check_mark:', lead: 'Done' },
  failed: { emoji: ':x:', lead: 'Failed' },
  cancelled: { emoji: ':no_entry_sign:', lead: 'Cancelled' },
  expired: { emoji: ':hourglass:', lead: 'Expired' },
  unknown: { emoji: ':warning:', lead: 'Outcome unknown' },
};

/** An executing action whose call ended without VSPC's answer (its `outcome` says so). */
const NOT_KNOWN_YET = { emoji: ':hourglass_flowing_sand:', lead: 'Outcome not known yet' };

export function renderActionCard(action: PendingAction, ctx: RenderContext): SlackMessage {
  const finalize = isFinalize(action.operation);
  const heading = HEADINGS[action.status];
  const lead = action.status === 'pending' && finalize ? 'Approval needed' : heading.lead;
  const title = `${lead}: ${operationTitle(action.operation)}`;
  const what = describeOperation(action.operation, action.targetLabel);
  const requestId = `request id \`${action.id}\``;

  if (action.status === 'pending') {
    return {
      text: fallback(`${title}. ${what}`),
      blocks: compact([
        header(`${heading.emoji} ${title}`),
        section(`*What will happen:* ${escapeValue(what)}`),
        context(
          `Requested by ${userMentionMarkup(action.requestedBy)} · expires ${slackDate(action.expiresAt, ctx)} · ${requestId}`,
        ),
        approvalButtons(action),
      ]),
    };
  }

  const people = [`Requested by ${userMentionMarkup(action.requestedBy)}`];
  if (action.confirmedBy)
    people.push(`${finalize ? 'approved' : 'confirmed'} by ${userMentionMarkup(action.confirmedBy)}`);
  if (action.status === 'executing' && action.outcome) {
    // The call ended but VSPC has not told how: the action is still open (no second request can
    // start) and the sweeper replaces this card once VSPC answers. Never worded as a failure.
    const open = `${NOT_KNOWN_YET.lead}: ${operationTitle(action.operation)}`;
    return {
      text: fallback(`${open}. ${what}. ${action.outcome}`),
      blocks: [
        header(`${NOT_KNOWN_YET.emoji} ${open}`),
        section(`*Asked for:* ${escapeValue(what)}`),
        section(`*Outcome:* ${escapeValue(action.outcome)}`),
        context(`${people.join(' · ')} · ${requestId}`),
      ],
    };
  }
  if (action.status === 'executing') {
    return {
      text: fallback(`${title}, confirmed by ${action.confirmedBy ?? 'someone'}. ${what}`),
      blocks: [
        header(`${heading.emoji} ${title}`),
        section(`*Running now:* ${escapeValue(what)}`),
        context(`${people.join(' · ')} · ${requestId}`),
      ],
    };
  }

  const when = action.finishedAt ? ` · ${slackDate(action.finishedAt, ctx)}` : '';
  const result = action.outcome ?? defaultOutcome(action.status);
  return {
    text: fallback(`${title}. ${what}. ${result}`),
    blocks: [
      header(`${heading.emoji} ${title}`),
      section(`*Asked for:* ${escapeValue(what)}`),
      section(`*${action.status === 'succeeded' ? 'Result' : 'Outcome'}:* ${escapeValue(result)}`),
      context(`${people.join(' · ')}${when} · ${requestId}`),
    ],
  };
}

/**
 * The `actionCard` reply: a new card, or — when the same change already waits — a pointer to the
 * open card instead of a second one.
 */
export function renderActionCardReply(reply: Extract<Reply, { type: 'actionCard' }>, ctx: RenderContext): SlackMessage {
  if (reply.created) return renderActionCard(reply.action, ctx);
  const { action } = reply;
  const what = describeOperation(action.operation, action.targetLabel);
  const url = cardUrl(action, ctx);
  const link = url ? ` <${url}|Open the card>.` : '';
  const state =
    action.status !== 'executing'
      ? `waits for confirmation until ${slackDate(action.expiresAt, ctx)}`
      : action.outcome
        ? 'is still open: its outcome is not known yet (VSPC may still be working on it), and the bot checks VSPC'
        : 'is running now';
  return {
    text: fallback(`Already requested: ${what}`),
    blocks: [
      section(
        `:information_source: This was already requested by ${userMentionMarkup(action.requestedBy)} and ${state}: ` +
          `${escapeValue(what)}.${link}`,
      ),
      context(`request id \`${action.id}\``),
    ],
  };
}

/** What a refused write request shows when writes are off: how to turn them on. */
export function renderWritesOff(): SlackMessage {
  return {
    text: WRITES_OFF_REASON,
    blocks: [header(':lock: Writes are off'), section(escapeMrkdwn(WRITES_OFF_REASON))],
  };
}

/**
 * Confirm and Cancel of a pending action: `confirm_action`/`cancel_action` with the action id as
 * value. The card and the App Home show exactly these, so every click takes the same path.
 */
export function approvalButtons(action: PendingAction): KnownBlock {
  const what = describeOperation(action.operation, action.targetLabel);
  return {
    type: 'actions',
    block_id: `approval:${action.id}`,
    elements: [confirmButton(action, what, isFinalize(action.operation)), cancelButton(action)],
  };
}

function confirmButton(action: PendingAction, what: string, finalize: boolean): Button {
  const verb = finalize ? 'Approve' : 'Confirm';
  return {
    type: 'button',
    action_id: CONFIRM_ACTION_ID,
    text: { type: 'plain_text', text: verb },
    value: action.id,
    style: 'primary',
    confirm: {
      title: { type: 'plain_text', text: finalize ? 'Approve finalization?' : 'Run this change in VSPC?' },
      text: { type: 'plain_text', text: truncate(`${what}.`, LIMITS.confirmText) },
      confirm: { type: 'plain_text', text: verb },
      deny: { type: 'plain_text', text: 'Not now' },
      style: 'primary',
    },
  };
}

function cancelButton(action: PendingAction): Button {
  return {
    type: 'button',
    action_id: CANCEL_ACTION_ID,
    text: { type: 'plain_text', text: 'Cancel' },
    value: action.id,
  };
}

function defaultOutcome(status: ActionStatus): string {
  return status === 'unknown' ? 'Outcome unknown — check VSPC.' : status;
}

/** `<!date^…>`: Slack shows it in each reader's own time zone; the fallback is for old clients. */
export function slackDate(instant: Date, ctx: RenderContext): string {
  const seconds = Math.floor(instant.getTime() / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${formatDateTime(instant, ctx)}>`;
}
