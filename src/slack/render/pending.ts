/**
 * `pending`: the open actions, oldest first — what each does, who asked, until when it waits (or
 * that it runs), and a link to its card. Cards carry the buttons; this list only points at them.
 */
import { describeOperation, operationTitle } from '../../approvals/describe.js';
import type { Reply } from '../../commands/reply.js';
import type { PendingAction } from '../../store/types.js';
import { slackDate } from './action-card.js';
import { compact, context, header, type SlackMessage, section } from './block-kit.js';
import { cardUrl } from './card-link.js';
import {
  code,
  escapeMrkdwn,
  escapeValue,
  fallback,
  LIMITS,
  packCapped,
  plural,
  truncate,
  userMentionMarkup,
} from './limits.js';
import type { RenderContext } from './render-context.js';

/** Header and footer leave room for this many sections of actions. */
const MAX_SECTIONS = 40;

/** "waits for a decision until …", "running since …", "outcome not known yet (the bot asks VSPC)". */
export function openState(action: PendingAction, ctx: RenderContext): string {
  if (action.status === 'pending')
    return `:raised_hand: waits for a decision until ${slackDate(action.expiresAt, ctx)}`;
  if (action.outcome) return ':hourglass_flowing_sand: outcome not known yet (the bot keeps asking VSPC)';
  const since = action.executingSince ? ` since ${slackDate(action.executingSince, ctx)}` : '';
  const by = action.confirmedBy ? `, confirmed by ${userMentionMarkup(action.confirmedBy)}` : '';
  return `:hourglass_flowing_sand: running${since}${by}`;
}

export function actionLines(action: PendingAction, ctx: RenderContext): string {
  const what = describeOperation(action.operation, action.targetLabel);
  const url = cardUrl(action, ctx);
  const link = url ? ` · <${url}|Open the card>` : '';
  return [
    `*${escapeMrkdwn(operationTitle(action.operation))}* · ${openState(action, ctx)}`,
    escapeValue(truncate(what, 600)),
    `Asked by ${userMentionMarkup(action.requestedBy)} ${slackDate(action.createdAt, ctx)}${link} · ${code(action.id)}`,
  ].join('\n');
}

export function renderPending(reply: Extract<Reply, { type: 'pending' }>, ctx: RenderContext): SlackMessage {
  const count = plural(reply.actions.length, 'open action');
  if (reply.actions.length === 0) {
    return {
      text: 'No open actions: nothing waits for a decision or runs.',
      blocks: [header('Open actions'), section('_Nothing waits for a decision or runs right now._')],
    };
  }
  const texts = packCapped(
    reply.actions.map((action) => `${actionLines(action, ctx)}\n`),
    MAX_SECTIONS,
    (more) => `_…and ${plural(more, 'more open action')}: use the CLI \`exec pending\`._`,
    LIMITS.messageTextBudget - 1000,
  );
  return {
    text: fallback(`${count}, oldest first`),
    blocks: compact([
      header('Open actions'),
      ...texts.map((text) => section(text)),
      context(`${count}, oldest first · confirm or cancel on each card`),
    ]),
  };
}
