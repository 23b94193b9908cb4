/** `audit [N]`: the newest audit entries, one line each. */
import type { Reply } from '../../commands/reply.js';
import type { AuditEntry } from '../../store/types.js';
import { compact, context, header, type SlackMessage, section } from './block-kit.js';
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
import { formatDateTime, type RenderContext, timeZoneNote } from './render-context.js';

function actor(id: string): string {
  return id === 'cli' ? id : userMentionMarkup(id);
}

function entryLine(entry: AuditEntry, ctx: RenderContext): string {
  const parts = [
    `${formatDateTime(entry.at, ctx)} ${actor(entry.actor)} ${escapeMrkdwn(entry.event)}: ${code(truncate(entry.what, 200))}`,
  ];
  if (entry.target) parts.push(`on ${escapeValue(truncate(entry.target, 120))}`);
  if (entry.outcome) parts.push(`→ ${escapeMrkdwn(truncate(entry.outcome, 300))}`);
  if (entry.requestId) parts.push(`(request ${code(entry.requestId)})`);
  return parts.join(' ');
}

export function renderAudit(reply: Extract<Reply, { type: 'audit' }>, ctx: RenderContext): SlackMessage {
  const lines = reply.entries.map((entry) => entryLine(entry, ctx));
  const texts = packCapped(
    lines,
    12,
    (count) => `_…and ${plural(count, 'older entry', 'older entries')}: use the CLI \`audit\`._`,
    LIMITS.messageTextBudget - 1000,
  );
  return {
    text: fallback(`Audit log: ${plural(reply.entries.length, 'entry', 'entries')}`),
    blocks: compact([
      header('Audit log'),
      ...(lines.length > 0 ? texts.map((text) => section(text)) : [section('_The audit log is empty._')]),
      context(`${plural(reply.entries.length, 'entry', 'entries')}, newest first · ${timeZoneNote(ctx)}`),
    ]),
  };
}
