/** Aligned plain-text tables for the terminal. */

const MAX_CELL = 42;

function cell(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * Columns padded to their widest cell; numbers are right-aligned when the header says so (`>`).
 * Cells are cut at 42 characters except in the last column, which has nothing to its right.
 */
export function table(headers: string[], rows: string[][]): string {
  const right = headers.map((h) => h.startsWith('>'));
  const titles = headers.map((h) => h.replace(/^>/, ''));
  const last = headers.length - 1;
  const cells = rows.map((row) => row.map((value, i) => cell(value, i === last ? 500 : MAX_CELL)));
  const widths = titles.map((t, i) => Math.max(t.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((value, i) => (right[i] ? value.padStart(widths[i]!) : value.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(titles), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
