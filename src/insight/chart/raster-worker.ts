/**
 * A worker thread that owns resvg: both the rasterizing and the PNG encoding (~50 ms for
 * 1600×900, synchronous inside resvg) happen off the main thread, so a chart never delays the
 * acknowledgement of someone else's command. The worker's code is a plain CommonJS string
 * evaluated by Node, so it runs the same from sources (tsx), under vitest and from dist/; the
 * packages it needs are resolved by the caller and passed in as absolute paths.
 */
import { Worker } from 'node:worker_threads';

export interface RasterWorkerOptions {
  /** Absolute path of `@resvg/resvg-js`'s entry. */
  resvgPath: string;
  fontFiles: string[];
  fontFamily: string;
}

export interface RasterRequest {
  id: number;
  svg: string;
  scale: number;
}

export type RasterReply =
  | { id: number; png: Uint8Array; width: number; height: number }
  | { id: number; error: string };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvgPath);
// resvg's pixels live outside V8's heap, so V8 never feels the pressure to collect them and RSS
// grows by one pixmap (5.8 MB) per chart (thx/resvg-js#216). A full GC of this small worker's heap
// after each chart (a few ms, off the main thread; measured: placed before the reply it keeps RSS
// flat, placed after it does not) keeps it in bounds.
let collect = () => {};
try {
  const v8 = require('node:v8');
  v8.setFlagsFromString('--expose-gc');
  collect = require('node:vm').runInNewContext('gc');
  // The flag is process-wide: put it back so that no other context grows a global gc().
  v8.setFlagsFromString('--no-expose-gc');
} catch {}
const font = {
  loadSystemFonts: false,
  fontFiles: workerData.fontFiles,
  defaultFontFamily: workerData.fontFamily,
  sansSerifFamily: workerData.fontFamily,
};
parentPort.on('message', ({ id, svg, scale }) => {
  try {
    const image = new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, font, background: 'white' }).render();
    const png = new Uint8Array(image.asPng());
    collect();
    parentPort.postMessage({ id, png, width: image.width, height: image.height }, [png.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.message) || error) });
  }
});
parentPort.postMessage({ ready: true });
`;

/** Starts the worker; resolves once resvg has loaded in it, rejects with the reason if it cannot. */
export function startRasterWorker(options: RasterWorkerOptions): Promise<Worker> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: options });
  // An idle chart worker must not keep the process (or a test run) alive.
  worker.unref();
  return new Promise((resolve, reject) => {
    const fail = (error: unknown): void => {
      worker.off('message', ready);
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const ready = (message: { ready?: boolean }): void => {
      if (!message.ready) return;
      worker.off('error', fail);
      worker.off('message', ready);
      resolve(worker);
    };
    worker.once('error', fail);
    worker.on('message', ready);
  });
}
