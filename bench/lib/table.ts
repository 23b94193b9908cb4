/** The bench's result rows and their plain-text table. */
export interface Figure {
  figure: string;
  value: number | null;
  unit: string;
  /** What it is held to, in words (`≤ 25 ms`); empty for context figures. */
  target: string;
  /** true: meets the target; false: misses it; null: no target or not measured. */
  pass: boolean | null;
}

export function figure(
  name: string,
  value: number | null,
  unit: string,
  target?: { text: string; max: number },
): Figure {
  return {
    figure: name,
    value,
    unit,
    target: target?.text ?? '',
    pass: target && value !== null ? value <= target.max : null,
  };
}

function show(value: number | null, unit: string): string {
  if (value === null) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit === '×' ? '×' : ` ${unit}`}`.trim();
}

export function renderTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.figure,
    show(f.value, f.unit),
    f.target,
    f.pass === null ? '' : f.pass ? 'PASS' : 'MISS',
  ]);
  const header = ['figure', 'value', 'target', 'verdict'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
