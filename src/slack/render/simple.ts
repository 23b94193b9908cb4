/** The short replies: usage errors, errors, notices. */
import type { Reply } from '../../commands/reply.js';
import { compact, context, type SlackMessage, section } from './block-kit.js';
import { code, escapeMrkdwn, LIMITS, truncate } from './limits.js';

export function renderUsageError(reply: Extract<Reply, { type: 'usageError' }>): SlackMessage {
  const suggestion = reply.suggestion ? `Did you mean ${code(reply.suggestion)}?` : null;
  return {
    text: truncate(
      `${reply.message}${reply.suggestion ? ` Did you mean "${reply.suggestion}"?` : ''}`,
      LIMITS.fallbackText,
    ),
    blocks: compact([
      section(`:grey_question: ${escapeMrkdwn(reply.message)}`),
      suggestion ? section(suggestion) : null,
      context(`Usage: ${code(truncate(reply.usage, 2000))} · \`/vspc help\` lists every command`),
    ]),
  };
}

export function renderError(reply: Extract<Reply, { type: 'error' }>): SlackMessage {
  return {
    text: truncate(`${reply.message}${reply.detail ? ` (${reply.detail})` : ''}`, LIMITS.fallbackText),
    blocks: compact([
      section(`:warning: ${escapeMrkdwn(reply.message)}`),
      reply.detail ? context(escapeMrkdwn(reply.detail)) : null,
    ]),
  };
}

export function renderNotice(reply: Extract<Reply, { type: 'notice' }>): SlackMessage {
  return { text: truncate(reply.text, LIMITS.fallbackText), blocks: [section(escapeMrkdwn(reply.text))] };
}
