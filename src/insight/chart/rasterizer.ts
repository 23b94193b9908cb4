/**
 * The native part, loaded only when a chart is first drawn: resvg (Rust, shipped as per-platform
 * npm packages, no system libraries) turns the SVG into PNG, with the Inter font read from its
 * npm package. System fonts are never consulted: the Docker image (node slim) has none, and the
 * picture must not depend on the machine it was drawn on.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type FontMetrics, readFontMetrics } from './font-metrics.js';
import { FONT_FAMILY } from './svg-text.js';

export interface RasterImage {
  png: Uint8Array;
  width: number;
  height: number;
}

export interface Rasterizer {
  /** Advance widths of the font the PNG is drawn in, for the layout. */
  metrics: FontMetrics;
  /** Renders off the event loop (resvg's thread pool), `scale` device pixels per SVG pixel. */
  toPng(svg: string, scale: number): Promise<RasterImage>;
}

export type LoadRasterizer = () => Promise<Rasterizer>;

const FONT_FILES = [
  '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
];

export const loadResvgRasterizer: LoadRasterizer = async () => {
  const { renderAsync } = await import('@resvg/resvg-js');
  const require = createRequire(import.meta.url);
  const fontFiles = FONT_FILES.map((file) => require.resolve(file));
  const metrics = readFontMetrics(await readFile(fontFiles[0] ?? ''));
  const font = { loadSystemFonts: false, fontFiles, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY };
  return {
    metrics,
    async toPng(svg, scale) {
      const image = await renderAsync(svg, { fitTo: { mode: 'zoom', value: scale }, font, background: 'white' });
      return { png: new Uint8Array(image.asPng()), width: image.width, height: image.height };
    },
  };
};
