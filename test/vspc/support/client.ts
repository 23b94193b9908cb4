/** A client wired to a scripted server with fast, recorded retries and a log capture. */
import { Writable } from 'node:stream';
import { createLogger } from '../../../src/log.js';
import { createVspcClient, type VspcClient, type VspcClientOptions } from '../../../src/vspc/index.js';
import type { ScriptedServer } from './scripted-server.js';

export const FAKE_API_KEY = 'APIKEY-s3cr3t-7f3a9c';
export const FAKE_PASSWORD = 'PASSWORD-s3cr3t-51d2e8';
export const FAKE_USERNAME = 'licensing-bot';

export interface TestClient {
  client: VspcClient;
  /** Every delay the client asked to sleep, in order. */
  sleeps: number[];
  /** Every JSON log line. */
  logLines: string[];
}

export function testClient(server: ScriptedServer, overrides: Partial<VspcClientOptions> = {}): TestClient {
  const sleeps: number[] = [];
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const client = createVspcClient({
    url: server.url,
    auth: { type: 'apiKey', apiKey: FAKE_API_KEY },
    logger: createLogger('debug', sink),
    retry: {
      maxRetries: 3,
      baseDelayMs: 1,
      maxDelayMs: 4,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    },
    asyncPoll: { initialDelayMs: 1, maxDelayMs: 5, timeoutMs: 2_000 },
    timeoutMs: 2_000,
    ...overrides,
  });
  return { client, sleeps, logLines };
}

export const envelope = (data: unknown, total?: number) => ({
  data,
  meta: total === undefined ? null : { pagingInfo: { total, count: Array.isArray(data) ? data.length : 1, offset: 0 } },
  errors: null,
});

export const vspcError = (message: string, code = 1000) => ({ errors: [{ message, type: 'logical', code }] });
