/**
 * The native part, loaded only when a chart is first drawn: resvg (Rust, shipped as per-platform
 * npm packages, no system libraries) turns the SVG into PNG in a worker thread, with the Inter
 * font read from its npm package. System fonts are never consulted: the Docker image (node slim)
 * has none, and the picture must not depend on the machine it was drawn on.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import { type FontMetrics, readFontMetrics } from './font-metrics.js';
import { type RasterReply, type RasterRequest, startRasterWorker } from './raster-worker.js';
import { FONT_FAMILY } from './svg-text.js';

export interface RasterImage {
  png: Uint8Array;
  width: number;
  height: number;
}

export interface Rasterizer {
  /** Advance widths of the font the PNG is drawn in, for the layout. */
  metrics: FontMetrics;
  /** `scale` device pixels per SVG pixel; the work happens off the main thread. */
  toPng(svg: string, scale: number): Promise<RasterImage>;
}

export type LoadRasterizer = () => Promise<Rasterizer>;

const FONT_FILES = [
  '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf',
  '@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf',
];

/** Far above a real render (~50–150 ms); only a wedged worker gets here. */
const RENDER_TIMEOUT_MS = 15_000;

export const loadResvgRasterizer: LoadRasterizer = async () => {
  const require = createRequire(import.meta.url);
  const fontFiles = FONT_FILES.map((file) => require.resolve(file));
  const metrics = readFontMetrics(await readFile(fontFiles[0] ?? ''));
  const options = { resvgPath: require.resolve('@resvg/resvg-js'), fontFiles, fontFamily: FONT_FAMILY };
  const start = (): Promise<Worker> => {
    const started = startRasterWorker(options);
    // A worker that crashed or was stopped for hanging is replaced for the next chart.
    started.then(
      (w) => w.once('exit', () => (worker = start())),
      () => undefined,
    );
    return started;
  };
  let worker: Promise<Worker> = start();
  await worker;
  let nextId = 1;
  let inFlight = 0;

  const render = async (svg: string, scale: number): Promise<RasterImage> => {
    const current = await worker;
    const request: RasterRequest = { id: nextId++, svg, scale };
    return new Promise<RasterImage>((resolve, reject) => {
      const settle = (action: () => void): void => {
        clearTimeout(timer);
        current.off('message', onMessage);
        current.off('exit', onExit);
        // Held only while a chart is being drawn, so that a CLI awaiting one does not exit early.
        if (--inFlight === 0) current.unref();
        action();
      };
      const onMessage = (reply: RasterReply): void => {
        if (reply.id !== request.id) return;
        if ('error' in reply) settle(() => reject(new Error(reply.error)));
        else settle(() => resolve({ png: reply.png, width: reply.width, height: reply.height }));
      };
      const onExit = (code: number): void => {
        settle(() => reject(new Error(`chart worker exited with code ${code}`)));
      };
      const timer = setTimeout(() => void current.terminate(), RENDER_TIMEOUT_MS);
      if (inFlight++ === 0) current.ref();
      current.on('message', onMessage);
      current.on('exit', onExit);
      current.postMessage(request);
    });
  };
  return { metrics, toPng: render };
};
