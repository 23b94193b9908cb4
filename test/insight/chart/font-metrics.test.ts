import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readFontMetrics } from '../../../src/insight/chart/font-metrics.js';

const require = createRequire(import.meta.url);
const inter = readFontMetrics(
  readFileSync(require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf')),
);

describe('readFontMetrics (the shipped Inter)', () => {
  it('measures narrow and wide glyphs differently, in proportion to the size', () => {
    expect(inter.width('i', 100)).toBeLessThan(inter.width('W', 100) / 2);
    expect(inter.width('Contoso', 20)).toBeCloseTo(inter.width('Contoso', 10) * 2, 6);
    expect(inter.width('', 12)).toBe(0);
  });

  it('knows accented Latin and counts a generous box for glyphs the font lacks', () => {
    expect(inter.width('é', 10)).toBeCloseTo(inter.width('e', 10), 6);
    expect(inter.width('東', 10)).toBeCloseTo(6, 6);
  });

  it('rejects bytes that are not a font', () => {
    expect(() => readFontMetrics(new Uint8Array(64))).toThrow(/no head table/);
  });
});
