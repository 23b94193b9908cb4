/** Number formatting and the value axis's "nice" ticks, shared by the drawing and the alt text. */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Non-finite or negative points (a caller's bug or a credit) are drawn as zero. */
export function drawable(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

/** "1,234" — exact, for the alt text. */
export function formatPoints(value: number): string {
  return Number.isFinite(value) ? grouped.format(value) : String(value);
}

/**
 * "950", "12.5K", "3M" — short, for bar labels; pass the axis maximum as `scale` so that all
 * ticks of one axis share a form ("5K" beside "10K", never "5,000" beside "10K").
 */
export function formatShort(value: number, scale = value): string {
  return Math.abs(scale) < 10_000 ? grouped.format(value) : compact.format(value);
}

/** Ticks from 0 to a round maximum ≥ `max` in steps of 1, 2, 2.5 or 5 × 10^k; about `target` of them. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 2, 4, 6, 8, 10];
  const rough = max / target;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let i = 0; i * step < max + step; i++) ticks.push(i * step);
  return ticks;
}
