/**
 * The urgency buckets of "expiring soon": ≤ 7, 8–14 and 15–horizon days. A horizon below 14 (or 7)
 * drops the buckets it would make empty by construction, so every bucket is a real range.
 */
import type { ExpiryBucket } from './model.js';

const STEPS = [7, 14] as const;

export function bucketBounds(horizonDays: number): Pick<ExpiryBucket, 'fromDays' | 'withinDays'>[] {
  const uppers = [...STEPS.filter((step) => step < horizonDays), horizonDays];
  return uppers.map((withinDays, index) => ({ fromDays: index === 0 ? 0 : (uppers[index - 1] ?? 0) + 1, withinDays }));
}

/** Index of the bucket that holds `days` (0 ≤ days ≤ horizon), given bounds from `bucketBounds`. */
export function bucketIndex(bounds: readonly Pick<ExpiryBucket, 'withinDays'>[], days: number): number {
  for (let index = 0; index < bounds.length; index++) {
    if (days <= (bounds[index]?.withinDays ?? Number.POSITIVE_INFINITY)) return index;
  }
  return bounds.length - 1;
}
