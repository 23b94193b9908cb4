/** `whoami`: the caller's roles and what they may do. */
import type { Reply } from '../../commands/reply.js';
import { userMention } from '../../mention.js';
import { compact, type SlackMessage, section } from './block-kit.js';
import { escapeMrkdwn, fallback, packCapped, userMentionMarkup } from './limits.js';

export function renderWhoami(reply: Extract<Reply, { type: 'whoami' }>): SlackMessage {
  const roles = reply.roles.length > 0 ? reply.roles.map(escapeMrkdwn).join(', ') : 'none';
  const may = packCapped(
    reply.may.length > 0 ? reply.may.map((line) => `• ${escapeMrkdwn(line)}`) : ['• nothing: ask an admin to add you'],
    3,
    (count) => `• …and ${count} more`,
  );
  return {
    text: fallback(`${userMention(reply.userId)}: ${reply.roles.join(', ') || 'none'}`),
    blocks: compact([
      section(`${userMentionMarkup(reply.userId)} · roles: *${roles}*`),
      ...may.map((text) => section(text)),
    ]),
  };
}
