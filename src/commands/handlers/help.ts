/** `help [command]`: only what the caller may do here (DESIGN.md §2), with an example each. */
import type { CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import { COMMAND_USAGES, type CommandUsage } from '../grammar.js';
import { permissionsOf, WRITES_OFF } from '../permissions.js';
import type { Reply } from '../reply.js';

const SECTION_TITLES: Record<CommandUsage['access'], string> = {
  read: 'Look things up',
  post: 'Look things up',
  write: 'Ask for changes (each needs a confirmation)',
  finalize: 'Approve usage reports',
};

/** Usage reports and current usage exist only on VSPC REST v3; help on a v2 server leaves them out. */
const V3_ONLY = new Set(['reports', 'report', 'usage', 'trend', 'forecast', 'reports.autoapprove', 'reports.finalize']);

/** `help license` shows license and license update/install/…; `help reports` the reports commands. */
function matchesTopic(usage: CommandUsage, topic: string): boolean {
  return usage.name === topic || usage.name.startsWith(`${topic}.`) || usage.usage.startsWith(`${topic} `);
}

export async function handleHelp(cmd: CommandOf<'help'>, ctx: CommandContext): Promise<Reply> {
  const p = await permissionsOf(ctx);
  const mayRun: Record<CommandUsage['access'], (usage: CommandUsage) => boolean> = {
    read: (usage) => p.read || usage.name === 'help' || usage.name === 'whoami',
    post: () => p.read,
    write: () => p.writeRefusal === null,
    finalize: () => p.finalizeRefusal === null,
  };
  const available = (usage: CommandUsage) => ctx.backend.apiVersion === 'v3' || !V3_ONLY.has(usage.name);
  const allowed = COMMAND_USAGES.filter((usage) => available(usage) && mayRun[usage.access](usage));
  const topical = cmd.topic ? allowed.filter((u) => matchesTopic(u, cmd.topic!)) : [];
  const shown = topical.length > 0 ? topical : allowed;

  const notes: string[] = [];
  if (cmd.topic && topical.length === 0)
    notes.push(`No command you may run matches "${cmd.topic}"; here is all you may run.`);
  if (!ctx.access.writesEnabled) notes.push(WRITES_OFF);
  else if (p.writeRefusal !== null && p.read) notes.push(`Changes: ${p.writeRefusal}`);
  if (!p.read) notes.push('You may not read licensing data: ask a licensing admin to add you to VIEWERS.');
  notes.push('Add --share to show a reply to the channel.');

  const sections = new Map<string, { usage: string; description: string }[]>();
  for (const usage of shown) {
    const title = SECTION_TITLES[usage.access];
    const entries = sections.get(title) ?? [];
    entries.push({ usage: usage.usage, description: `${usage.description} — e.g. ${usage.example}` });
    sections.set(title, entries);
  }
  return {
    type: 'help',
    title: 'vspc: Veeam Service Provider Console licensing',
    sections: [...sections.entries()].map(([title, entries]) => ({ title, entries })),
    note: notes.join(' '),
  };
}
