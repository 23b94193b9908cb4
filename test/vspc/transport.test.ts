import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { envelope, testClient } from './support/client.js';
import { type ScriptedServer, startScriptedServer } from './support/scripted-server.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
  server.on('GET', '/api/v3/licensing/console/settings', { json: envelope({ isAutoUpdateEnabled: true }) });
});
afterAll(async () => server.stop());

it('tlsInsecure is logged as a loud warning', async () => {
  const { client, logLines } = testClient(server, { url: 'https://vspc.example.com:1280', tlsInsecure: true });
  const warnings = logLines.map((l) => JSON.parse(l)).filter((l) => l.level === 40);
  expect(warnings.map((w) => w.msg)).toEqual([expect.stringContaining('TLS VERIFICATION IS OFF')]);
  await client.close();
});

it('plain HTTP to a remote host is logged as insecure, loopback is not', async () => {
  const remote = testClient(server, { url: 'http://vspc.example.com:1280' });
  expect(remote.logLines.join('')).toContain('plain HTTP');
  const local = testClient(server);
  expect(local.logLines.join('')).not.toContain('plain HTTP');
  await remote.client.close();
  await local.client.close();
});

it('accepts a readable CA file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vspc-ca-'));
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  const { client } = testClient(server, { url: 'https://vspc.example.com:1280', caFile });
  await client.close();
});

it('uses an injected dispatcher and leaves it open on close', async () => {
  const agent = new Agent();
  const { client } = testClient(server, { dispatcher: agent });
  await expect(client.console.settings()).resolves.toEqual({ isAutoUpdateEnabled: true });
  await client.close();
  expect(agent.closed).toBe(false);
  await agent.close();
});

it('keeps the URL path prefix of a VSPC behind a reverse proxy', async () => {
  server.on('GET', '/vspc/api/v3/licensing/console/settings', { json: envelope({ isAutoUpdateEnabled: false }) });
  const { client } = testClient(server, { url: `${server.url}/vspc/` });
  await expect(client.console.settings()).resolves.toEqual({ isAutoUpdateEnabled: false });
  await client.close();
});
