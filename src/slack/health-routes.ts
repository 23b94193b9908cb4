/**
 * `GET /healthz` (the process answers) and `GET /readyz` (store open, VSPC answered lately, not draining), served on
 * the Slack port in HTTP mode and by a small server of their own in Socket Mode.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.js';

const READY_TIMEOUT_MS = 2500;

export interface HealthRoute {
  path: string;
  method: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

function json(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Resolves false after `ms` instead of waiting for a hung check. */
function withTimeout(check: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([check, timeout]).finally(() => clearTimeout(timer));
}

/** `draining`: the bot is shutting down (SIGTERM); `/readyz` then answers 503 without checking anything. */
export function healthRoutes(ready: () => Promise<boolean>, logger: Logger, draining: () => boolean): HealthRoute[] {
  return [
    { path: '/healthz', method: 'GET', handler: (_req, res) => json(res, 200, { status: 'alive' }) },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_req, res) => {
        if (draining()) {
          json(res, 503, { status: 'draining' });
          return;
        }
        withTimeout(
          Promise.resolve()
            .then(ready)
            .catch((error: unknown) => {
              logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'readiness check failed');
              return false;
            }),
          READY_TIMEOUT_MS,
        ).then((ok) => json(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' }));
      },
    },
  ];
}
