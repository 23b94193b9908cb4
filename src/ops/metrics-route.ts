/** `GET /metrics` and the labels of the command counter. */
import type { Reply } from '../commands/reply.js';
import type { HealthRoute } from '../slack/health-routes.js';
import type { Metrics } from './metrics.js';

const KNOWN = new Set([
  'help',
  'licenses',
  'license',
  'reports',
  'report',
  'usage',
  'trend',
  'forecast',
  'digest',
  'audit',
  'whoami',
  'pending',
]);

/** The first word, when it is a command; anything else counts as `unknown` (labels stay bounded). */
export function commandName(text: string): string {
  const word = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (word === '') return 'help';
  return KNOWN.has(word) ? word : 'unknown';
}

export function outcomeOf(reply: Reply): string {
  switch (reply.type) {
    case 'error':
      return 'error';
    case 'usageError':
      return 'usage_error';
    default:
      return 'ok';
  }
}

export function metricsRoute(metrics: Metrics): HealthRoute {
  return {
    path: '/metrics',
    method: 'GET',
    handler: (_req, res) => {
      metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(text);
        },
        () => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('metrics unavailable\n');
        },
      );
    },
  };
}
