/**
 * A scripted loopback HTTP server for client tests: each route answers from a queue of scripted
 * replies (then from its fallback), and every request is recorded with its headers and body.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface Reply {
  status?: number;
  json?: unknown;
  /** Raw body text (for malformed JSON or CSV). */
  text?: string;
  bytes?: Uint8Array;
  headers?: Record<string, string>;
  /** Wait before answering (for timeouts and concurrency). */
  delayMs?: number;
  /** Drop the connection without an answer. */
  destroy?: boolean;
}

export type Responder = (req: RecordedRequest) => Reply | Promise<Reply>;

interface Route {
  method: string;
  path: string | RegExp;
  queue: (Reply | Responder)[];
  fallback: Reply | Responder | null;
}

export class ScriptedServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly server: Server;
  private inFlight = 0;
  maxInFlight = 0;
  url = '';

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Replies given in order, one per request; then `fallback` (default: the last reply repeats). */
  script(method: string, path: string | RegExp, replies: (Reply | Responder)[], fallback?: Reply | Responder): this {
    this.routes.unshift({ method, path, queue: [...replies], fallback: fallback ?? replies.at(-1) ?? null });
    return this;
  }

  /** Always answer with `reply`. */
  on(method: string, path: string | RegExp, reply: Reply | Responder): this {
    return this.script(method, path, [], reply);
  }

  reset(): void {
    this.routes.length = 0;
    this.requests.length = 0;
    this.maxInFlight = 0;
  }

  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && matches(path, r.path));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      this.requests.push(recorded);
      const route = this.routes.find((r) => r.method === recorded.method && matches(r.path, recorded.path));
      const step = route ? (route.queue.shift() ?? route.fallback) : null;
      const reply: Reply = step
        ? typeof step === 'function'
          ? await step(recorded)
          : step
        : {
            status: 404,
            json: {
              errors: [{ message: `no script for ${recorded.method} ${recorded.path}`, type: 'logical', code: 404 }],
            },
          };
      if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
      if (reply.destroy) {
        res.destroy();
        return;
      }
      const headers: Record<string, string> = { ...reply.headers };
      let body: string | Uint8Array = '';
      if (reply.json !== undefined) {
        headers['content-type'] ??= 'application/json; charset=utf-8';
        body = JSON.stringify(reply.json);
      } else if (reply.text !== undefined) body = reply.text;
      else if (reply.bytes) body = reply.bytes;
      res.writeHead(reply.status ?? 200, headers);
      res.end(body);
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    } finally {
      this.inFlight--;
    }
  }
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  return new ScriptedServer().start();
}
