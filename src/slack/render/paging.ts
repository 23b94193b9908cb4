/**
 * Paging of long lists: the "showing 21–40 of 312" line and the Previous/Next buttons, whose value
 * is the command text that produced the page with `--page N` set (1-based, as users type it).
 */
import type { Paging } from '../../commands/reply.js';
import { type ActionsBlock, actions, context, type KnownBlock, runCommandButton } from './block-kit.js';
import { formatNumber, plural } from './limits.js';

/** Block id of the paging buttons: a click on them replaces the page it was on. */
export const PAGING_BLOCK_ID = 'paging';

/** The command text with its `--page` option set to `page` (any earlier `--page` is removed). */
export function withPage(commandText: string, page: number): string {
  const stripped = commandText
    .replace(/(^|\s)--page(?:=|\s+)\S*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return page <= 1 ? stripped : `${stripped} --page ${page}`;
}

export function currentPage(paging: Paging): number {
  return paging.pageSize > 0 ? Math.floor(paging.offset / paging.pageSize) + 1 : 1;
}

/** "showing 21–40 of 312 licenses", "2 licenses", "no licenses". */
export function describeRange(paging: Paging, shown: number, noun: string): string {
  if (paging.total === 0) return `no ${noun}s`;
  if (shown >= paging.total && paging.offset === 0) return plural(paging.total, noun);
  const first = paging.offset + 1;
  const last = paging.offset + shown;
  return `showing ${formatNumber(first)}–${formatNumber(last)} of ${plural(paging.total, noun)}`;
}

export function hasNextPage(paging: Paging): boolean {
  return paging.offset + paging.pageSize < paging.total;
}

/** Previous / Next buttons; null when everything fits on one page. */
export function pagingButtons(paging: Paging): ActionsBlock | null {
  const page = currentPage(paging);
  const previousText = paging.previousCommandText ?? withPage(paging.commandText, page - 1);
  const nextText = paging.nextCommandText ?? withPage(paging.commandText, page + 1);
  const previous = page > 1 ? runCommandButton('◀ Previous page', previousText, 0) : null;
  const next = hasNextPage(paging) ? runCommandButton('Next page ▶', nextText, 1, 'primary') : null;
  return actions([previous, next], PAGING_BLOCK_ID);
}

/** When the next page's command is too long for a button value, say what to type instead. */
export function nextPageHint(paging: Paging): string | null {
  if (!hasNextPage(paging)) return null;
  return `Next page: add \`--page ${currentPage(paging) + 1}\` to the command.`;
}

/** What ends a paged list: the Previous/Next buttons, or the hint when a button cannot carry the command. */
export function pageNavigation(paging: Paging | undefined): KnownBlock | null {
  if (!paging) return null;
  const hint = nextPageHint(paging);
  return pagingButtons(paging) ?? (hint ? context(hint) : null);
}

/** A list reply without paging is one whole page of `count` items. */
export function pagingOrWhole(paging: Paging | undefined, count: number, commandText: string): Paging {
  return paging ?? { offset: 0, pageSize: count, total: count, commandText };
}
