import { describe, expect, it } from 'vitest';
import type { RasterImage } from '../../../src/insight/chart/rasterizer.js';
import { recentCharts } from '../../../src/insight/chart/recent-charts.js';

function counting(fail: (svg: string) => boolean = () => false) {
  const drawn: string[] = [];
  const draw = async (svg: string): Promise<RasterImage> => {
    drawn.push(svg);
    if (fail(svg)) throw new Error('bad svg');
    return { png: new TextEncoder().encode(svg), width: 1, height: 1 };
  };
  return { drawn, draw };
}

describe('recentCharts', () => {
  it('draws a chart asked again, or asked twice at once, only once', async () => {
    const { drawn, draw } = counting();
    const cached = recentCharts(draw, 2);
    await Promise.all([cached('a'), cached('a')]);
    await cached('a');
    await cached('b');
    expect(drawn).toEqual(['a', 'b']);
  });

  it('forgets the least recently used beyond its size', async () => {
    const { drawn, draw } = counting();
    const cached = recentCharts(draw, 2);
    for (const svg of ['a', 'b', 'a', 'c', 'a', 'b']) await cached(svg);
    expect(drawn).toEqual(['a', 'b', 'c', 'b']);
  });

  it('does not remember a failure', async () => {
    let failing = true;
    const { drawn, draw } = counting(() => failing);
    const cached = recentCharts(draw, 2);
    await expect(cached('a')).rejects.toThrow('bad svg');
    failing = false;
    expect((await cached('a')).png).toEqual(new TextEncoder().encode('a'));
    expect(drawn).toEqual(['a', 'a']);
  });

  it('gives every caller its own bytes', async () => {
    const cached = recentCharts(counting().draw, 2);
    const first = await cached('a');
    first.png.fill(0);
    expect((await cached('a')).png).toEqual(new TextEncoder().encode('a'));
  });
});
