/** Chart test inputs and a PNG header reader. */
import { Writable } from 'node:stream';
import type { TrendChartInput } from '../../../src/insight/chart/index.js';
import { createLogger, type Logger } from '../../../src/log.js';

export function monthsFrom(year: number, month: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(year, month - 1 + i, 1));
    return d.toISOString().slice(0, 7);
  });
}

const NAMES = [
  'Contoso Backup',
  'Fabrikam Hosting',
  'Northwind',
  'Adventure Works',
  'Tailspin',
  'Litware',
  'Proseware',
];

/** `seriesCount` stacked series (the last is "others") over `monthCount` months from 2024-07. */
export function trendInput(monthCount = 24, seriesCount = 6, base = 3000): TrendChartInput {
  const months = monthsFrom(2024, 7, monthCount);
  const series = Array.from({ length: seriesCount }, (_, s) => ({
    name: s === seriesCount - 1 ? 'others' : (NAMES[s % NAMES.length] ?? 'org'),
    values: months.map((_, m) => Math.round((base / (s + 1)) * (1 + m * 0.03))),
  }));
  return { title: `Points per month, ${months[0]} – ${months.at(-1)}`, months, series, unit: 'points' };
}

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which PNG requires to come first. */
export function pngHeader(png: Uint8Array): { signature: number[]; chunk: string; width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return {
    signature: [...png.subarray(0, 8)],
    chunk: String.fromCharCode(...png.subarray(12, 16)),
    width: view.getUint32(16),
    height: view.getUint32(20),
  };
}

export function capturingLogger(): { log: Logger; lines: () => Array<{ level: number; msg: string }> } {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      raw.push(String(chunk));
      done();
    },
  });
  return { log: createLogger('debug', sink), lines: () => raw.map((line) => JSON.parse(line)) };
}
