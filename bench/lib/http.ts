/**
 * One timed HTTP request. Bursts go over connections opened beforehand (a keep-alive agent warmed
 * with a burst of the same size), so a burst of healthz probes and a burst of slash commands differ
 * only in what the app does, not in 100 TCP handshakes landing on the app at once.
 */
import { Agent, request } from 'node:http';

/** Keeps up to `sockets` connections open between requests. */
export function keepAliveAgent(sockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

export interface Timed {
  status: number;
  ms: number;
}

export function timedRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number; agent?: Agent } = {},
): Promise<Timed> {
  const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
  const headers = { ...options.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(url, {
      method: options.method ?? 'GET',
      headers,
      agent: options.agent ?? false,
      timeout: options.timeoutMs ?? 10_000,
    });
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url}`)));
    req.on('error', reject);
    req.on('response', (res) => {
      res.resume();
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.end(body);
  });
}
