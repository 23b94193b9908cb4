/**
 * The command entry every transport uses: text → parse → handler → reply. Never throws: every
 * failure is an `error` or `usageError` reply. Each command is written to the audit log.
 */
import type { ParsedCommand } from './command.js';
import { isUsageError } from './command.js';
import type { CommandContext } from './context.js';
import { errorReply } from './error-reply.js';
import { HANDLERS, type Handler } from './handlers/index.js';
import { parseCommand } from './parse.js';
import type { Reply, ReplyEnvelope } from './reply.js';

/** The audit log keeps what was typed, not a paste. */
const MAX_AUDITED_TEXT = 300;

/** Runs an already parsed command (the Slack layer parses button values itself to validate them). */
export async function runParsed(cmd: ParsedCommand, ctx: CommandContext): Promise<Reply> {
  try {
    const handler = HANDLERS[cmd.name] as Handler<typeof cmd.name>;
    return await handler(cmd as never, ctx);
  } catch (error) {
    return errorReply(error, cmd.name.replace('.', ' '), ctx.logger);
  }
}

function outcomeOf(reply: Reply): string {
  switch (reply.type) {
    case 'error':
      return `error: ${reply.message}`.slice(0, MAX_AUDITED_TEXT);
    case 'usageError':
      return 'usage error';
    case 'actionCard':
      return reply.created ? 'action requested' : 'action already open';
    default:
      return 'ok';
  }
}

async function audit(text: string, reply: Reply, ctx: CommandContext): Promise<void> {
  const flat = text.replace(/\s+/g, ' ').trim();
  try {
    await ctx.store.appendAudit({
      at: ctx.clock(),
      actor: ctx.userId,
      event: 'command',
      what: flat.length > MAX_AUDITED_TEXT ? `${flat.slice(0, MAX_AUDITED_TEXT)}…` : flat,
      target: reply.type === 'actionCard' ? reply.action.targetLabel : null,
      actionId: reply.type === 'actionCard' ? reply.action.id : null,
      outcome: outcomeOf(reply),
      requestId: null,
    });
  } catch (error) {
    // A full disk must not turn an answer into a failure; the log says what was lost.
    ctx.logger?.error({ err: error }, 'could not write the audit entry of a command');
  }
}

export async function runCommand(text: string, ctx: CommandContext): Promise<ReplyEnvelope> {
  const parsed = parseCommand(text);
  const reply = isUsageError(parsed) ? parsed : await runParsed(parsed, ctx);
  await audit(typeof text === 'string' ? text : '', reply, ctx);
  const share = !isUsageError(parsed) && parsed.share && reply.type !== 'error';
  return { reply, share };
}
