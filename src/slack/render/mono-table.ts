/**
 * Tables of numbers as preformatted text: Block Kit has no table block for replies like these,
 * and columns of figures only line up in a fixed-width font. Wide tables are split into several
 * that repeat the first column, so that none wraps on a narrow screen.
 */
import { escapeValue } from './limits.js';

export interface MonoColumn {
  title: string;
  /** One cell per row. */
  cells: string[];
  align: 'left' | 'right';
}

/** About what a Slack code block shows without wrapping on a laptop, and still readable on a phone turned sideways. */
export const MONO_TABLE_WIDTH = 76;
const GAP = '  ';

function widthOf(column: MonoColumn): number {
  return Math.max(column.title.length, ...column.cells.map((cell) => cell.length));
}

function pad(text: string, width: number, align: MonoColumn['align']): string {
  return align === 'right' ? text.padStart(width) : text.padEnd(width);
}

/** The table as lines: titles, a rule, one line per row. */
export function monoLines(columns: readonly MonoColumn[]): string[] {
  const widths = columns.map(widthOf);
  const rows = Math.max(0, ...columns.map((c) => c.cells.length));
  const line = (cell: (column: MonoColumn) => string) =>
    columns
      .map((column, i) => pad(cell(column), widths[i]!, column.align))
      .join(GAP)
      .trimEnd();
  return [
    line((c) => c.title),
    widths.map((w) => '-'.repeat(w)).join(GAP),
    ...Array.from({ length: rows }, (_, r) => line((c) => c.cells[r] ?? '')),
  ];
}

/**
 * A code block Slack shows as is: cells carry names from VSPC, so they are escaped like any value
 * (the zero-width fences take no room, columns stay aligned) and backticks cannot close the block.
 */
export function codeBlock(lines: readonly string[]): string {
  return `\`\`\`\n${lines.map((l) => escapeValue(l.replace(/`/g, "'"))).join('\n')}\n\`\`\``;
}

/**
 * A command to type, as inline code, when it carries a name from VSPC: escaped as a value so the
 * name cannot format; the parser drops the zero-width fences, so a copied command still works.
 */
export function commandCode(command: string): string {
  return `\`${escapeValue(command.replace(/`/g, "'"))}\``;
}

/**
 * Splits `columns` into tables no wider than `maxWidth`, each led by `key` (the month, the name).
 * A column wider than the room left still gets a table of its own.
 */
export function splitColumns(
  key: MonoColumn,
  columns: readonly MonoColumn[],
  maxWidth: number = MONO_TABLE_WIDTH,
): MonoColumn[][] {
  const tables: MonoColumn[][] = [];
  let current: MonoColumn[] = [key];
  let width = widthOf(key);
  for (const column of columns) {
    const more = GAP.length + widthOf(column);
    if (current.length > 1 && width + more > maxWidth) {
      tables.push(current);
      current = [key];
      width = widthOf(key);
    }
    current.push(column);
    width += more;
  }
  if (current.length > 1 || tables.length === 0) tables.push(current);
  return tables;
}

/** Cuts a label to fit a column title, keeping its start (names differ at the start). */
export function shortLabel(label: string, max: number): string {
  const flat = label.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
