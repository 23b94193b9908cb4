/**
 * Every request the real VSPC client builds, validated against the vendored OpenAPI document:
 * the backend runs each read and write of the product against the simulator, and each recorded
 * request body (JSON Patch, form, multipart) must be what the document says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LicensingBackend } from '../../src/licenses/backend.js';
import { LICENSE_KINDS } from '../../src/licenses/model.js';
import { createV3Backend } from '../../src/licenses/v3/index.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { validateRequestBody } from './openapi.js';

const LICENSE_FILE = new TextEncoder().encode(
  '<?xml version="1.0"?><Licenses><License>Product=Veeam</License></Licenses>',
);

async function bodyOf(headers: Record<string, unknown>, raw: Buffer): Promise<{ body: unknown; type?: string }> {
  const type = String(headers['content-type'] ?? '');
  if (raw.length === 0) return { body: undefined };
  if (type.startsWith('multipart/form-data')) {
    return { body: await new Response(raw, { headers: { 'content-type': type } }).formData(), type };
  }
  return { body: raw.toString('utf8'), type };
}

describe('request bodies the client builds', () => {
  let sim: RunningSimulator;
  let backend: LicensingBackend;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 11, sites: 3, vbr: 3, vone: 3, vb365: 3 });
    backend = createV3Backend({ url: sim.url, auth: { type: 'password', username: 'bot', password: 'pw' } });
  });

  afterAll(async () => {
    await backend.close();
    await sim.close();
  });

  it('validate against the OpenAPI document for every operation the product uses', async () => {
    let n = 0;
    const ctx = () => ({ requestId: crypto.randomUUID() });
    for (const kind of LICENSE_KINDS) {
      const [license] = await backend.listLicenses(kind);
      if (!license) continue;
      await backend.getLicense(kind, license.uid);
      await backend.updateLicense(kind, license.uid, ctx());
      await backend.installLicense(kind, license.uid, { name: 'new.lic', bytes: LICENSE_FILE, sha256: 'x' }, ctx());
      if (backend.supports(kind, 'autoupdate')) await backend.setAutoUpdate(kind, license.uid, false, ctx());
      if (kind === 'vbr') await backend.deleteLicense(kind, license.uid, 'Instance', ctx());
      if (kind === 'vone') await backend.deleteLicense(kind, license.uid, null, ctx());
      n++;
    }
    expect(n).toBe(LICENSE_KINDS.length);
    for (const scope of [
      { kind: 'all' },
      { kind: 'latest' },
      { kind: 'pending' },
      { kind: 'month', month: '2026-01' },
    ] as const) {
      await backend.listReports(scope);
    }
    const [report] = await backend.listReports({ kind: 'all' });
    if (report) await backend.reportCsv(report.reportId);
    await backend.getReportSettings();
    await backend.setAutoApprove(true, ctx());
    await backend.finalizeReports(ctx());
    await backend.usage({ organizationType: 'Company' });

    const apiRequests = sim.requests.filter((r) => r.path.startsWith('/api/v3/'));
    const writes = apiRequests.filter((r) => r.method !== 'GET');
    // token, 5 updates, 5 installs, 4 patches, 2 deletes, settings patch, finalize at least
    expect(writes.length).toBeGreaterThanOrEqual(18);
    const failures: string[] = [];
    for (const request of apiRequests) {
      const { body, type } = await bodyOf(request.headers, request.body);
      const result = validateRequestBody(request.method, request.path, body, type);
      if (!result.valid) failures.push(`${request.method} ${request.path}: ${result.errors.join('; ')}`);
    }
    expect(failures).toEqual([]);
    const patch = writes.find((r) => r.method === 'PATCH' && r.path.includes('/backupServers/'));
    expect(JSON.parse(patch?.body.toString('utf8') ?? 'null')).toEqual([
      { op: 'replace', path: '/autoUpdateEnabled', value: 'false' },
    ]);
  });
});
