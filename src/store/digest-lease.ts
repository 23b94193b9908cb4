/** The lease of a digest claim, checked once for both stores. */
import { StoreError } from './errors.js';

/** A lease is a whole, non-negative number of milliseconds; anything else is a caller's bug. */
export function checkedLease(leaseMs: number): number {
  if (!Number.isSafeInteger(leaseMs) || leaseMs < 0) {
    throw new StoreError(`digest claim lease must be a whole number of milliseconds ≥ 0, got ${leaseMs}`);
  }
  return leaseMs;
}
