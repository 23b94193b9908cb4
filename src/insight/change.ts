/** Changes between two point counts, and the one rounding every percentage of insight uses. */
import type { Change } from './types.js';

/** Round half away from zero to one decimal (so -12.25 and 12.25 mirror each other); never -0. */
export function round1(value: number): number {
  const rounded = Math.round(Math.abs(value) * 10) / 10;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Points to two decimals: sums of VSPC's fractional points stay free of binary noise (0.1 + 0.2). */
export function roundPoints(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `now` against `before`; the percentage is null when `before` is 0 (nothing to compare with). */
export function changeOf(before: number, now: number): Change {
  const points = roundPoints(now - before);
  return { points, percent: before === 0 ? null : round1((points / before) * 100) };
}
