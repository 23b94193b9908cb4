/** The reusable request-body check, and the simulator agreeing with it on a wrong PATCH body. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { call, login } from '../simulator/http.js';
import { findOperation, validateRequestBody, validateResponse } from './openapi.js';

describe('validateRequestBody', () => {
  it('accepts the JSON Patch VSPC documents and rejects a bare object', () => {
    const path = '/api/v3/licensing/backupServers/47664f7a-8f3f-4275-91fc-89a119b5497f';
    expect(
      validateRequestBody('PATCH', path, [{ op: 'replace', path: '/autoUpdateEnabled', value: 'true' }]).valid,
    ).toBe(true);
    const wrong = validateRequestBody('PATCH', path, { autoUpdateEnabled: true });
    expect(wrong.valid).toBe(false);
    expect(wrong.errors.join()).toMatch(/must be array/);
    expect(validateRequestBody('PATCH', path, [{ op: 'replace', path: '/autoUpdateEnabled', value: true }]).valid).toBe(
      false,
    );
    expect(validateRequestBody('PATCH', path, [{ op: 'flip', path: '/autoUpdateEnabled', value: 'true' }]).valid).toBe(
      false,
    );
  });

  it('checks form and multipart bodies and operations without a body', () => {
    expect(validateRequestBody('POST', '/api/v3/token', 'grant_type=password&username=a&password=b').valid).toBe(true);
    expect(validateRequestBody('POST', '/api/v3/token', 'username=a').valid).toBe(false);
    const form = new FormData();
    form.append('license', new Blob(['x']), 'a.lic');
    expect(validateRequestBody('PUT', '/api/v3/licensing/console', form, 'multipart/form-data').valid).toBe(true);
    expect(validateRequestBody('PUT', '/api/v3/licensing/console', { file: 'x' }, 'multipart/form-data').valid).toBe(
      false,
    );
    expect(validateRequestBody('POST', '/api/v3/licensing/console/update', undefined).valid).toBe(true);
    expect(validateRequestBody('POST', '/api/v3/licensing/console/update', { x: 1 }).valid).toBe(false);
  });

  it('finds operations by concrete path, literal segments first', () => {
    expect(findOperation('GET', '/api/v3/licensing/reports/latest?limit=5').operationId).toBe(
      'GetLatestLicensingReports',
    );
    expect(findOperation('GET', '/api/v3/licensing/reports/2026-02').operationId).toBe('GetLicensingReportsForDate');
    expect(findOperation('GET', '/api/v3/asyncActions/config').operationId).toBe('GetAsyncActionsConfig');
    expect(() => findOperation('GET', '/api/v3/nowhere')).toThrow(/No operation/);
  });

  it('treats nullable fields as nullable and enums as closed', () => {
    const license = { autoUpdateEnabled: true, expirationDate: null, status: 'Valid' };
    expect(validateResponse('GetVb365ServerLicense', 200, { data: license, meta: null, errors: null }).valid).toBe(
      true,
    );
    expect(validateResponse('GetVb365ServerLicense', 200, { data: { ...license, status: 'valid' } }).valid).toBe(false);
    expect(validateResponse('GetVb365ServerLicense', 200, { data: { ...license, company: null } }).valid).toBe(false);
  });
});

describe('the simulator rejects what the document rejects', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 5, vbr: 3 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('answers a bare-object PATCH with 400 code 1001 and leaves the license alone', async () => {
    const token = await login(sim);
    const license = sim.state.inventory.backupServers[2]!;
    const before = license.autoUpdateEnabled;
    const reply = await call(sim, 'PATCH', `/api/v3/licensing/backupServers/${license.backupServerUid}`, {
      token,
      json: { autoUpdateEnabled: !before },
    });
    expect(reply.status).toBe(400);
    expect(reply.json.errors[0].code).toBe(1001);
    expect(license.autoUpdateEnabled).toBe(before);
  });
});
