/**
 * `startSimulator`: a real loopback HTTP server speaking VSPC REST v3 (and the legacy v2 endpoints)
 * over a seeded in-memory inventory, with request recording and fault injection for tests.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AsyncActions } from './async-actions.js';
import { TokenIssuer } from './auth.js';
import { type DispatchContext, dispatch } from './dispatch.js';
import { type Fault, takeFault } from './faults.js';
import { errorResponse, json } from './http/respond.js';
import type { SimRequest, SimResponse } from './http/types.js';
import { header } from './http/validate.js';
import { IdempotenceCache } from './idempotence.js';
import { generateInventory } from './inventory/generate.js';
import { resolveOptions, type SimulatorOptions } from './options.js';
import { createRandom } from './random.js';
import { isLicensingWrite, type RecordedRequest, recordRequest } from './recorder.js';
import { Router } from './router.js';
import { asyncActionRoutes } from './routes/async-actions.js';
import { consoleRoutes } from './routes/console.js';
import { licenseRoutes } from './routes/licenses.js';
import { reportRoutes } from './routes/reports.js';
import { usageRoutes } from './routes/usage.js';
import { v2Routes } from './routes/v2.js';
import { SimulatorState } from './state.js';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface RunningSimulator {
  /** `http://127.0.0.1:PORT`: the server root, without `/api/v3`. */
  url: string;
  port: number;
  state: SimulatorState;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  /** Non-GET requests to licensing endpoints (v3 and v2). */
  writes(): RecordedRequest[];
  /** Push faults here; each is used up by the requests it matches. */
  faults: Fault[];
  /** Async actions, for tests that look behind the API. */
  asyncActions: AsyncActions;
  /** Makes every access token issued so far expire now. */
  expireTokens(): void;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, response: SimResponse, truncate = false): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(response.status, { ...response.headers, 'content-length': String(response.body.length) });
  if (!truncate) {
    res.end(response.body);
    return;
  }
  res.write(response.body.subarray(0, Math.floor(response.body.length / 2)));
  // Give the half body a moment to leave before the connection is cut.
  setTimeout(() => res.socket?.destroy(), 20).unref();
}

/** `latencyMs` counted from now: `over()` resolves once that much time has passed (at once after that). */
function latencyFrom(latencyMs: number): { over(): Promise<void> } {
  const end = performance.now() + latencyMs;
  return {
    over: async () => {
      const left = end - performance.now();
      if (left > 0) await sleep(left);
    },
  };
}

function faultResponse(fault: Fault & { kind: 'status' }): SimResponse {
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  if (fault.status === 401) {
    return errorResponse(
      401,
      fault.message ?? 'The access token has expired.',
      'security',
      401,
      {},
      {
        ...headers,
        'www-authenticate': 'Bearer',
      },
    );
  }
  const type = fault.status === 429 ? 'retryableLogical' : fault.status >= 500 ? 'unspecified' : 'logical';
  return errorResponse(
    fault.status,
    fault.message ?? `Injected fault: HTTP ${fault.status}.`,
    type,
    fault.status,
    {},
    headers,
  );
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const inventory =
    options.inventory ??
    generateInventory({
      seed: resolved.seed,
      now: resolved.clock(),
      ...(options.sites !== undefined && { sites: options.sites }),
      ...(options.vbr !== undefined && { vbr: options.vbr }),
      ...(options.vone !== undefined && { vone: options.vone }),
      ...(options.vb365 !== undefined && { vb365: options.vb365 }),
      ...(options.companies !== undefined && { companies: options.companies }),
      ...(options.reportMonths !== undefined && { reportMonths: options.reportMonths }),
    });
  const state = new SimulatorState(inventory, resolved.clock, createRandom(`${resolved.seed}:state`));
  const actions = new AsyncActions(resolved.asyncDurationMs);
  const issuer = new TokenIssuer({
    username: resolved.username,
    password: resolved.password,
    apiKey: resolved.apiKey,
    tokenTtlSeconds: resolved.tokenTtlSeconds,
    clock: resolved.clock,
  });
  const ctx: DispatchContext = {
    options: resolved,
    router: new Router([
      ...licenseRoutes(state),
      ...consoleRoutes(state),
      ...reportRoutes(state),
      ...usageRoutes(state),
      ...asyncActionRoutes(actions, resolved.resultRetentionTime),
      ...v2Routes(state),
    ]),
    issuer,
    actions,
    idempotence: new IdempotenceCache(resolved.clock),
    failures: createRandom(`${resolved.seed}:failures`),
  };
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const hanging = new Set<ServerResponse>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) send(res, errorResponse(413, 'The request body is too large.'));
      else res.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const record = recordRequest(method, url, req.headers, body, resolved.clock());
    requests.push(record);

    const fault = takeFault(faults, record);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (fault?.kind === 'hold') await fault.until.catch(() => undefined);
    const latency = latencyFrom(resolved.latencyMs);
    // A write takes effect after the latency, as before; a read's answer is built while it runs, as
    // on a server with threads to spare: the simulator's one thread serializing 500-license pages
    // (~3 ms each) would otherwise add to every page of a concurrent load on top of `latencyMs`.
    if (method !== 'GET') await latency.over();
    if (fault?.kind === 'status' || fault?.kind === 'raw') {
      await latency.over();
      const response =
        fault.kind === 'status'
          ? faultResponse(fault)
          : {
              status: fault.status,
              headers: { 'content-type': 'application/json; charset=utf-8', ...fault.headers },
              body: Buffer.from(fault.body),
            };
      record.status = response.status;
      send(res, response);
      return;
    }
    const simReq: SimRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      params: {},
      requestId: record.requestId,
      origin: `http://${header(req.headers.host) ?? `${resolved.host}:${port}`}`,
    };
    const response = dispatch(simReq, ctx);
    await latency.over();
    record.status = response.status;
    send(res, response, fault?.kind === 'truncate');
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() =>
      send(res, json(520, { errors: [{ message: 'Simulator failure.', type: 'unspecified', code: 500 }] })),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;

  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    state,
    requests,
    writes: () => requests.filter(isLicensingWrite),
    faults,
    asyncActions: actions,
    expireTokens: () => issuer.expireAll(),
    close: async () => {
      actions.close();
      for (const res of hanging) res.destroy();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
