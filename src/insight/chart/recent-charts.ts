/**
 * The last few charts drawn, by their SVG: the same trend asked again (a second person, a button,
 * the digest's "trend" link) costs nothing, and identical requests at the same moment share one
 * render. Eight 1600×900 PNGs are under 1 MB.
 */
import type { RasterImage } from './rasterizer.js';

export const RECENT_CHARTS = 8;

export function recentCharts(
  draw: (svg: string) => Promise<RasterImage>,
  size = RECENT_CHARTS,
): (svg: string) => Promise<RasterImage> {
  const recent = new Map<string, Promise<RasterImage>>();
  return async (svg) => {
    let image = recent.get(svg);
    if (image) {
      recent.delete(svg); // re-inserted below: the most recently used stays longest
    } else {
      image = draw(svg);
      // A failed render is not remembered: the next request tries again.
      image.catch(() => recent.delete(svg));
    }
    recent.set(svg, image);
    while (recent.size > size) recent.delete(recent.keys().next().value as string);
    const { png, width, height } = await image;
    // Each caller gets its own bytes, so none can spoil another's.
    return { png: png.slice(), width, height };
  };
}
