/**
 * The chart in words, for screen readers and for anyone with images off: the total of every
 * month, the change from first to last, and the largest series in the newest month. Always
 * within Slack's limit for an image description; the least important detail goes first.
 */
import { drawable, formatPoints } from './numbers.js';
import { ALT_TEXT_LIMIT, type TrendChartInput } from './types.js';

function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

function change(first: number, last: number): string {
  if (first === 0) return last === 0 ? 'no change' : 'up from zero';
  const percent = ((last - first) / first) * 100;
  const rounded = Math.round(percent * 10) / 10;
  return rounded === 0 ? 'no change' : `${rounded > 0 ? '+' : ''}${rounded}%`;
}

function sentences(input: TrendChartInput, nameLength: number, monthsShown: number): string[] {
  const totals = input.months.map((_, m) => input.series.reduce((sum, s) => sum + drawable(s.values[m]), 0));
  const perMonth = input.months.map((month, m) => `${month} ${formatPoints(totals[m] ?? 0)}`);
  const listed =
    perMonth.length <= monthsShown
      ? perMonth.join('; ')
      : `${perMonth.slice(0, 1).join('')}; …; ${perMonth.slice(-(monthsShown - 1)).join('; ')}`;
  const lastIndex = input.months.length - 1;
  const first = totals[0] ?? 0;
  const last = totals[lastIndex] ?? 0;
  const out = [`Stacked bar chart: ${clip(input.title, 200)}.`, `Total points per month: ${listed}.`];
  if (input.months.length > 1) {
    out.push(`From ${input.months[0]} to ${input.months[lastIndex]}: ${change(first, last)}.`);
  }
  const latest = input.series
    .map((s) => ({ name: clip(s.name || '(unnamed)', nameLength), value: drawable(s.values[lastIndex]) }))
    .filter((s) => s.value > 0);
  if (latest.length > 0) {
    const share = (v: number): string => (last > 0 ? ` (${Math.round((v / last) * 100)}%)` : '');
    const items = latest.map((s) => `${s.name} ${formatPoints(s.value)}${share(s.value)}`);
    out.push(`${input.months[lastIndex]} by organization: ${items.join(', ')}.`);
  }
  return out;
}

export function chartAltText(input: TrendChartInput): string {
  if (input.months.length === 0) return clip(`Empty chart: ${input.title}. No months to show.`, ALT_TEXT_LIMIT);
  // Shorten names first, then the month list, then cut: the limit must always hold.
  for (const [nameLength, monthsShown] of [
    [60, 36],
    [30, 36],
    [30, 13],
    [20, 7],
  ] as const) {
    const text = sentences(input, nameLength, monthsShown).join(' ');
    if ([...text].length <= ALT_TEXT_LIMIT) return text;
  }
  return clip(sentences(input, 16, 4).join(' '), ALT_TEXT_LIMIT);
}
