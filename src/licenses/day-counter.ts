/**
 * Calendar-day counts in a time zone, fast enough for 12,000 licenses. `daysLeft` in
 * `./expiry.ts` is the definition (date-fns in the zone) but costs about half a
 * millisecond a call; this gives the same numbers (a property test compares them) by asking Intl
 * for the zone's UTC offset once per week of instants, and searching the exact instant of the rare
 * week that holds an offset change.
 */
import { tzOffset } from '@date-fns/tz';

const DAY_MS = 86_400_000;
/** No time zone changes its offset twice within a week (Casablanca's Ramadan break is the shortest gap: weeks). */
const SEGMENT_MS = 7 * DAY_MS;

interface Segment {
  before: number;
  after: number;
  /** First instant with `after`, or null when the offset holds for the whole segment. */
  changeAt: number | null;
}

export type DayCounter = (instant: string | null) => number | null;

function offsetMs(timeZone: string, at: number): number {
  return tzOffset(timeZone, new Date(at)) * 60_000;
}

/** The calendar day of `now` in `timeZone`, as days since 1970-01-01 (the `today` every count is taken from). */
export function localEpochDayOf(now: Date, timeZone: string): number {
  const at = now.getTime();
  return Math.floor((at + offsetMs(timeZone, at)) / DAY_MS);
}

export function createDayCounter(now: Date, timeZone: string): DayCounter {
  const segments = new Map<number, Segment>();
  const memo = new Map<string, number | null>();

  function segmentOf(at: number): Segment {
    const index = Math.floor(at / SEGMENT_MS);
    let segment = segments.get(index);
    if (segment) return segment;
    const start = index * SEGMENT_MS;
    const end = start + SEGMENT_MS - 1;
    const before = offsetMs(timeZone, start);
    const after = offsetMs(timeZone, end);
    let changeAt: number | null = null;
    if (before !== after) {
      let low = start;
      let high = end;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (offsetMs(timeZone, middle) === before) low = middle;
        else high = middle;
      }
      changeAt = high;
    }
    segment = { before, after, changeAt };
    segments.set(index, segment);
    return segment;
  }

  function localEpochDay(at: number): number {
    const segment = segmentOf(at);
    const offset = segment.changeAt !== null && at >= segment.changeAt ? segment.after : segment.before;
    return Math.floor((at + offset) / DAY_MS);
  }

  const today = localEpochDay(now.getTime());

  return (instant) => {
    if (!instant) return null;
    let days = memo.get(instant);
    if (days !== undefined) return days;
    const at = Date.parse(instant);
    days = Number.isNaN(at) ? null : localEpochDay(at) - today;
    memo.set(instant, days);
    return days;
  };
}
