/** Pages of 20 with the command texts of this, the next and the previous page (buttons re-run them). */
import type { ParsedCommand } from './command.js';
import { formatCommand } from './format-command.js';
import type { Paging, Reply } from './reply.js';

export const PAGE_SIZE = 20;

type PagedCommand = Extract<ParsedCommand, { page: number }>;

export function pageOf<T>(
  items: readonly T[],
  cmd: PagedCommand,
): { ok: true; items: T[]; paging: Paging } | { ok: false; reply: Reply } {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  if (cmd.page > pages) {
    return {
      ok: false,
      reply: {
        type: 'error',
        message: `There is no page ${cmd.page}: ${items.length} results make ${pages} page${pages === 1 ? '' : 's'}.`,
      },
    };
  }
  const offset = (cmd.page - 1) * PAGE_SIZE;
  const at = (page: number) => formatCommand({ ...cmd, page });
  return {
    ok: true,
    items: items.slice(offset, offset + PAGE_SIZE),
    paging: {
      offset,
      pageSize: PAGE_SIZE,
      total: items.length,
      commandText: at(cmd.page),
      ...(cmd.page < pages ? { nextCommandText: at(cmd.page + 1) } : {}),
      ...(cmd.page > 1 ? { previousCommandText: at(cmd.page - 1) } : {}),
    },
  };
}
