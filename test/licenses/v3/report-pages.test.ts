/**
 * Report pages read in worker threads: the same reports and the same errors as on the main thread,
 * and the main thread takes over when a worker cannot start or dies on a page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReportPage } from '../../../src/licenses/v3/report-pages/decode.js';
import { ReportPageReader } from '../../../src/licenses/v3/report-pages/pool.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulator/index.js';
import { type RawResponse, VspcUnexpectedResponseError } from '../../../src/vspc/index.js';

const EXCHANGE = { endpoint: 'GET /licensing/reports/2026-01-01', requestId: 'r-1' };
const CRASHING = new URL('./fixtures/crashing-report-worker.mjs', import.meta.url);

let sim: RunningSimulator;
let month: RawResponse;

beforeAll(async () => {
  sim = await startSimulator({ seed: 'pages', now: new Date('2026-03-17T10:00:00Z'), companies: 40 });
  const answer = await fetch(`${sim.url}/api/v3/licensing/reports/2026-01-01?limit=500`, {
    headers: { authorization: 'Bearer k' },
  });
  month = { status: 200, headers: {}, body: Buffer.from(await answer.arrayBuffer()) };
});

afterAll(async () => {
  await sim?.close();
});

function recordingLogger() {
  const warnings: string[] = [];
  const logger = { warn: (_: unknown, message: string) => warnings.push(message) } as never;
  return { logger, warnings };
}

describe('ReportPageReader', () => {
  it('reads a page in a worker exactly as the main thread does', async () => {
    const reader = new ReportPageReader({ workers: 1, minBytes: 0 });
    try {
      await reader.ready();
      const page = await reader.decode(month, EXCHANGE);
      expect(reader.counts).toEqual({ worker: 1, main: 0 });
      expect(page.items.length).toBeGreaterThan(1);
      expect(page).toEqual(decodeReportPage(month, EXCHANGE));
    } finally {
      await reader.close();
    }
  });

  it('answers a page that does not match the schema with the error the main thread gives', async () => {
    const reader = new ReportPageReader({ workers: 1, minBytes: 0 });
    const bad: RawResponse = {
      status: 200,
      headers: {},
      body: Buffer.from(JSON.stringify({ data: [{ reportParameters: { reportId: 'seven' } }] })),
    };
    try {
      await reader.ready();
      let onMain: unknown;
      try {
        decodeReportPage(bad, EXCHANGE);
      } catch (error) {
        onMain = error;
      }
      expect(onMain).toBeInstanceOf(VspcUnexpectedResponseError);
      const inWorker = await reader.decode(bad, EXCHANGE).catch((error: unknown) => error);
      expect(inWorker).toBeInstanceOf(VspcUnexpectedResponseError);
      expect(inWorker).toMatchObject({
        message: (onMain as Error).message,
        endpoint: EXCHANGE.endpoint,
        requestId: 'r-1',
      });
      expect(reader.counts.worker + reader.counts.main).toBe(0);
    } finally {
      await reader.close();
    }
  });

  it('reads small pages on the main thread without starting a worker', async () => {
    const reader = new ReportPageReader({ workers: 1, minBytes: month.body.byteLength + 1 });
    expect(await reader.decode(month, EXCHANGE)).toEqual(decodeReportPage(month, EXCHANGE));
    expect(reader.counts).toEqual({ worker: 0, main: 1 });
    await reader.close();
  });

  it('reads pages on the main thread, and says so once, when the worker cannot start', async () => {
    const { logger, warnings } = recordingLogger();
    const missing = new URL('./fixtures/no-such-worker.mjs', import.meta.url);
    const reader = new ReportPageReader({ workers: 2, minBytes: 0, logger, entry: missing });
    await reader.ready();
    expect(await reader.decode(month, EXCHANGE)).toEqual(decodeReportPage(month, EXCHANGE));
    expect(await reader.decode(month, EXCHANGE)).toEqual(decodeReportPage(month, EXCHANGE));
    expect(reader.counts).toEqual({ worker: 0, main: 2 });
    expect(warnings).toEqual(['usage reports: reading report pages on the main thread']);
    await reader.close();
  });

  it('reads the page on the main thread when its worker dies on it, and gives workers up after three deaths', async () => {
    const { logger, warnings } = recordingLogger();
    const reader = new ReportPageReader({ workers: 1, minBytes: 0, logger, entry: CRASHING });
    const expected = decodeReportPage(month, EXCHANGE);
    for (let i = 0; i < 4; i++) {
      await reader.ready();
      expect(await reader.decode(month, EXCHANGE)).toEqual(expected);
    }
    expect(reader.counts).toEqual({ worker: 0, main: 4 });
    expect(warnings).toEqual([
      'usage reports: a report-page worker failed; another one starts',
      'usage reports: a report-page worker failed; another one starts',
      'usage reports: reading report pages on the main thread',
    ]);
    await reader.close();
  });
});
