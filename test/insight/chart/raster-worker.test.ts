import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { startRasterWorker } from '../../../src/insight/chart/raster-worker.js';
import { PNG_SIGNATURE, pngHeader } from './support.js';

const require = createRequire(import.meta.url);
const fontFiles = [require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf')];

describe('the raster worker', () => {
  it('rejects with the loader’s reason when resvg cannot be loaded', async () => {
    await expect(
      startRasterWorker({ resvgPath: '/nonexistent/resvg.js', fontFiles, fontFamily: 'Inter' }),
    ).rejects.toThrow(/Cannot find module/);
  });

  it('answers a request with a PNG and reports a bad SVG as an error', async () => {
    const worker = await startRasterWorker({
      resvgPath: require.resolve('@resvg/resvg-js'),
      fontFiles,
      fontFamily: 'Inter',
    });
    try {
      const ask = (id: number, svg: string) =>
        new Promise<Record<string, unknown>>((resolve) => {
          const onMessage = (reply: { id: number }) => {
            if (reply.id !== id) return;
            worker.off('message', onMessage);
            resolve(reply as Record<string, unknown>);
          };
          worker.ref();
          worker.on('message', onMessage);
          worker.postMessage({ id, svg, scale: 2 });
        });
      const ok = await ask(
        1,
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><text y="4">x</text></svg>',
      );
      const header = pngHeader(ok.png as Uint8Array);
      expect(header.signature).toEqual(PNG_SIGNATURE);
      expect([header.width, header.height, ok.width, ok.height]).toEqual([20, 10, 20, 10]);
      const bad = await ask(2, 'not svg');
      expect(bad.error).toEqual(expect.any(String));
    } finally {
      await worker.terminate();
    }
  });
});
