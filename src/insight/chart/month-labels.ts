/** Month axis labels: "Jun" under every bar that has room, the year under the first of each year. */

const NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface MonthLabel {
  index: number;
  month: string;
  /** Set on the first labelled month and wherever the year changes. */
  year?: string;
}

function split(month: string): { name: string; year: string | null } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const name = match ? NAMES[Number(match[2]) - 1] : undefined;
  if (!match || name === undefined) return { name: month, year: null };
  return { name, year: match[1] ?? null };
}

/**
 * Labels for `months` (oldest first) when each bar slot is `slotWidth` wide and one label needs
 * `labelWidth`: every k-th month, counted back from the newest, which is always labelled.
 */
export function monthLabels(months: string[], slotWidth: number, labelWidth: number): MonthLabel[] {
  const every = Math.max(1, Math.ceil(labelWidth / Math.max(slotWidth, 1)));
  const labels: MonthLabel[] = [];
  let lastYear: string | null = null;
  months.forEach((month, index) => {
    if ((months.length - 1 - index) % every !== 0) return;
    const { name, year } = split(month);
    const label: MonthLabel = { index, month: name };
    if (year !== null && year !== lastYear) label.year = year;
    lastYear = year;
    labels.push(label);
  });
  return labels;
}
