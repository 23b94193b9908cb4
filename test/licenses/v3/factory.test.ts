import { afterAll, beforeAll, expect, it } from 'vitest';
import { createV3Backend } from '../../../src/licenses/v3/index.js';
import { fixture } from '../../vspc/support/fixtures.js';
import { type ScriptedServer, startScriptedServer } from '../../vspc/support/scripted-server.js';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(async () => server.stop());

it('createV3Backend builds a working v3 backend from client options', async () => {
  server.on('GET', '/api/v3/licensing/sites', { json: fixture('v3-get-site-licenses.json') });
  const backend = createV3Backend({ url: server.url, auth: { type: 'apiKey', apiKey: 'k-1234' } });
  expect(backend.apiVersion).toBe('v3');
  await expect(backend.listLicenses('site')).resolves.toHaveLength(3);
  await backend.close();
});
