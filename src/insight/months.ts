/** Month arithmetic on `YYYY-MM` strings, and "this month" in the team's time zone. */
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { Month } from './types.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): text is Month {
  return MONTH.test(text);
}

/** `2025-01` + -2 → `2024-11`. */
export function addMonths(month: Month, delta: number): Month {
  const match = MONTH.exec(month);
  if (!match) throw new Error(`not a month: ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + delta;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: Month, count: number): Month[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

/** This month, the day of it and its length, in `timeZone`. */
export function calendarOf(now: Date, timeZone: string): { month: Month; day: number; daysInMonth: number } {
  const [year, month, day] = format(now, 'yyyy-MM-dd', { in: tz(timeZone) })
    .split('-')
    .map(Number) as [number, number, number];
  return {
    month: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`,
    day,
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
  };
}
