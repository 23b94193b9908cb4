import { describe, expect, it } from 'vitest';
import { addMonths, calendarOf, isMonth, monthsEndingWith } from '../../src/insight/months.js';

describe('months', () => {
  it('adds months across years', () => {
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2026-03', -25)).toBe('2024-02');
    expect(monthsEndingWith('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(isMonth('2026-13')).toBe(false);
  });

  it('tells this month in the team time zone', () => {
    const now = new Date('2026-02-28T23:30:00Z');
    expect(calendarOf(now, 'UTC')).toEqual({ month: '2026-02', day: 28, daysInMonth: 28 });
    expect(calendarOf(now, 'Pacific/Auckland')).toEqual({ month: '2026-03', day: 1, daysInMonth: 31 });
  });
});
