/**
 * The chart renderer's contract: plain data in, PNG bytes (or a reason why not) out. Callers
 * (the Slack reply, the CLI's `--png`) build a `TrendChartInput` from the trend they already
 * computed; nothing here knows about VSPC, Slack or the store.
 */

/** One stacked layer: an organization, or the rest summed as "others". */
export interface TrendChartSeries {
  name: string;
  /** Points per month, same length and order as `TrendChartInput.months`. */
  values: number[];
}

export interface TrendChartInput {
  /** Says which months and which organizations, e.g. "Points per month, 2024-07 – 2025-06, top 5 organizations". */
  title: string;
  /** `YYYY-MM`, oldest first. */
  months: string[];
  /** Stacked bottom-up in this order: largest first; the last may be "others". */
  series: TrendChartSeries[];
  unit: 'points';
}

export type ChartResult =
  | {
      ok: true;
      png: Uint8Array;
      /** Pixel size of the PNG (already at the device scale factor). */
      width: number;
      height: number;
      /** For files.uploadV2 `alt_text`: states the numbers; at most ALT_TEXT_LIMIT characters. */
      altText: string;
    }
  | { ok: false; reason: string };

/** Slack rejects a longer image description with `alt_txt_too_large` (files.getUploadURLExternal). */
export const ALT_TEXT_LIMIT = 1000;

/** What `createTrendChartRenderer({ log })` (renderer.ts) returns; never throws. */
export type RenderTrendChart = (input: TrendChartInput) => Promise<ChartResult>;
