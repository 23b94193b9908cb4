/** `help`: the commands the caller may run, grouped, each with its usage and what it does. */
import type { Reply } from '../../commands/reply.js';
import { compact, context, header, type KnownBlock, type SlackMessage, section } from './block-kit.js';
import { code, escapeMrkdwn, fallback, LIMITS, packLines, plural } from './limits.js';

type HelpReply = Extract<Reply, { type: 'help' }>;

export function renderHelp(reply: HelpReply): SlackMessage {
  const groups = reply.sections.map((group) =>
    packLines([
      `*${escapeMrkdwn(group.title)}*`,
      ...group.entries.map((entry) => `${code(entry.usage)} ${escapeMrkdwn(entry.description)}`),
    ]),
  );
  // A group is never split across messages: count how many whole groups fit.
  let shown = 0;
  let blocksUsed = 0;
  let chars = 0;
  for (const chunks of groups) {
    const size = chunks.join('').length;
    if (blocksUsed + chunks.length > LIMITS.blocksPerMessage - 4) break;
    if (shown > 0 && chars + size > LIMITS.messageTextBudget - 3000) break;
    blocksUsed += chunks.length;
    chars += size;
    shown += 1;
  }
  const blocks: (KnownBlock | null)[] = [
    header(reply.title),
    ...groups.slice(0, shown).flatMap((chunks) => chunks.map((chunk) => section(chunk))),
    shown < groups.length
      ? context(`${plural(groups.length - shown, 'more section')} not shown: try \`/vspc help <command>\`.`)
      : null,
    reply.note ? context(escapeMrkdwn(reply.note)) : null,
  ];
  const commands = reply.sections.flatMap((group) => group.entries.map((entry) => entry.usage));
  return {
    text: fallback(`${reply.title}: ${commands.join(', ')}`),
    blocks: compact(blocks),
  };
}
