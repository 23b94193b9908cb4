/**
 * While the bot drains on SIGTERM its HTTP listener stays open, so that load balancers and probes get
 * an answer instead of a refused connection: `/readyz` says 503 "draining" (see `health-routes.ts`),
 * `/healthz` still 200 (the process is alive), and Slack traffic 503 (Slack retries it, on another
 * replica behind the balancer). The listener closes once the work in flight is done.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/** Puts `draining()` in front of the server's request handling; `open` paths are always handled. */
export function gateWhileDraining(server: Server, draining: () => boolean, open: readonly string[]): void {
  const handlers = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (draining() && !open.includes(path)) {
      res.writeHead(503, { 'content-type': 'application/json', connection: 'close', 'retry-after': '5' });
      res.end(JSON.stringify({ status: 'draining' }));
      return;
    }
    for (const handler of handlers) handler.call(server, req, res);
  });
}
