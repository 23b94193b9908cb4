/** A bare fetch-based caller for simulator tests: no retries, no cleverness, everything visible. */
import type { RunningSimulator } from '../../src/simulator/index.js';

export interface Reply {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read reply bodies loosely and assert on them
  json: any;
}

export interface CallOptions {
  token?: string | null;
  headers?: Record<string, string>;
  /** JSON body (serialised, `content-type: application/json`). */
  json?: unknown;
  /** Raw body with its own content type in `headers`, or FormData. */
  body?: string | FormData | Buffer;
}

export async function call(
  sim: RunningSimulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'x-client-version': '3.6.1', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | FormData | Buffer | undefined = options.body;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const res = await fetch(`${sim.url}${path}`, { method, headers, ...(body !== undefined && { body }) });
  const bytes = Buffer.from(await res.arrayBuffer());
  let json: unknown;
  if (bytes.length > 0 && /json/.test(res.headers.get('content-type') ?? '')) {
    try {
      json = JSON.parse(bytes.toString('utf8'));
    } catch {
      json = undefined;
    }
  }
  return { status: res.status, headers: res.headers, bytes, json };
}

export async function login(sim: RunningSimulator, username = 'admin', password = 'secret'): Promise<string> {
  const reply = await call(sim, 'POST', '/api/v3/token', {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
  });
  if (reply.status !== 200) throw new Error(`login failed: ${reply.status}`);
  return reply.json.access_token as string;
}

export function licenseFile(content: string, field = 'license', name = 'new.lic'): FormData {
  const form = new FormData();
  form.append(field, new Blob([Buffer.from(content)]), name);
  return form;
}

export const patchBody = (path: string, value: string) => [{ op: 'replace', path, value }];

/** Polls until `check` is true (bounded); for async actions that finish on a timer. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met in time');
}
