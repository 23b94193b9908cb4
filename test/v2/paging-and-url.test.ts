/**
 * Where a v2 server is and how its collections come: `VSPC_URL` given with the `/v2` suffix the
 * reference writes, more than one `$top` page of licenses, and a server that ignores `$skip`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { createVspcV2Client } from '../../src/vspc/v2/index.js';
import type { TestBot } from '../support/app.js';
import { ask, startV2Bot, V2_PASSWORD, V2_USERNAME, v2Simulator } from './support/v2-bot.js';

describe('a v2 server with more licenses than one page, addressed as …/v2', () => {
  let sim: RunningSimulator;
  let t: TestBot;
  beforeAll(async () => {
    sim = await startSimulator(v2Simulator({ seed: 5, sites: 1, vbr: 1_100, vone: 0, vb365: 0, companies: 20 }));
    t = await startV2Bot(sim, { VSPC_URL: `${sim.url}/v2` });
  });
  afterAll(async () => {
    await t?.stop();
    await sim?.close();
  });

  it('logs in at the root /token and reads every VBR license page by page with $top/$skip', async () => {
    const answer = await ask(t, 'licenses vbr');
    expect(answer.text).toContain('1,100 licenses');
    expect(sim.requests[0]?.path).toBe('/token');
    const pages = sim.requests.filter((r) => r.path === '/v2/licensing/backupserverLicenses');
    expect(pages.map((r) => r.query)).toEqual([
      { $top: '500', $skip: '0' },
      { $top: '500', $skip: '500' },
      { $top: '500', $skip: '1000' },
    ]);
    expect(sim.requests.every((r) => !r.path.startsWith('/v2/v2'))).toBe(true);
  });
});

describe('a v2 server that ignores $skip', () => {
  let server: Server;
  let url: string;
  const seen: string[] = [];
  const licenses = Array.from({ length: 500 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  }));
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      if (req.url === '/token') {
        res.end(
          JSON.stringify({ access_token: 'eyJ.a.b', token_type: 'bearer', expires_in: 3599, refresh_token: 'r' }),
        );
        return;
      }
      res.end(JSON.stringify(licenses));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('takes the repeated first page as the end of the collection instead of looping', async () => {
    const client = createVspcV2Client({
      url,
      auth: { type: 'password', username: V2_USERNAME, password: V2_PASSWORD },
    });
    try {
      const listed = await client.backupServerLicenses.list();
      expect(listed.map((l) => l.id)).toEqual(licenses.map((l) => l.id));
      expect(seen.filter((line) => line.startsWith('GET'))).toHaveLength(2);
    } finally {
      await client.close();
    }
  });
});
