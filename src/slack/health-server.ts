/** Socket Mode has no HTTP listener of its own for Slack traffic: this serves the health routes. */
import { createServer, type Server } from 'node:http';
import type { HealthRoute } from './health-routes.js';

export function createHealthServer(routes: HealthRoute[]): Server {
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.path === path && r.method === req.method);
    if (route) route.handler(req, res);
    else {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'not found' }));
    }
  });
}
