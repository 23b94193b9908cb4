/** The short replies: usage errors, errors, notices. */
import type { Reply } from '../../commands/reply.js';
import { compact, context, type SlackMessage, section } from './block-kit.js';
import { code, escapeMrkdwn, fallback, truncate } from './limits.js';

export function renderUsageError(reply: Extract<Reply, { type: 'usageError' }>): SlackMessage {
  const suggestion = reply.suggestion ? `Did you mean ${code(reply.suggestion)}?` : null;
  return {
    text: fallback(`${reply.message}${reply.suggestion ? ` Did you mean "${reply.suggestion}"?` : ''}`),
    blocks: compact([
      section(`:grey_question: ${escapeMrkdwn(reply.message)}`),
      suggestion ? section(suggestion) : null,
      context(`Usage: ${code(truncate(reply.usage, 2000))} · \`/vspc help\` lists every command`),
    ]),
  };
}

export function renderError(reply: Extract<Reply, { type: 'error' }>): SlackMessage {
  return {
    text: fallback(`${reply.message}${reply.detail ? ` (${reply.detail})` : ''}`),
    blocks: compact([
      section(`:warning: ${escapeMrkdwn(reply.message)}`),
      reply.detail ? context(escapeMrkdwn(reply.detail)) : null,
    ]),
  };
}

export function renderNotice(reply: Extract<Reply, { type: 'notice' }>): SlackMessage {
  return { text: fallback(reply.text), blocks: [section(escapeMrkdwn(reply.text))] };
}
