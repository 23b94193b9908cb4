/** Tokens the simulator issues, refresh, expiry, configured credentials and API keys. */
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { call, login } from './http.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const sims: RunningSimulator[] = [];
async function start(options: Parameters<typeof startSimulator>[0] = {}) {
  const sim = await startSimulator({ vbr: 2, vone: 1, vb365: 1, sites: 1, ...options });
  sims.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(sims.splice(0).map((s) => s.close()));
});

describe('authentication', () => {
  it('rejects requests without a bearer, with a forged token, or with another scheme', async () => {
    const sim = await start();
    for (const headers of [
      {},
      { authorization: 'Bearer eyJhbGciOi.eyJzdWIi.forged' },
      { authorization: 'Basic YTpi' },
    ]) {
      const reply = await call(sim, 'GET', '/api/v3/licensing/console', { headers });
      expect(reply.status).toBe(401);
      expect(reply.json.errors[0]).toMatchObject({ type: 'security', code: 401 });
    }
  });

  it('issues tokens with expires_in that work as bearer', async () => {
    const sim = await start({ tokenTtlSeconds: 1800 });
    const reply = await call(sim, 'POST', '/api/v3/token', {
      headers: form,
      body: 'grant_type=password&username=a&password=b',
    });
    expect(reply.json).toMatchObject({ token_type: 'bearer', expires_in: 1800 });
    expect((await call(sim, 'GET', '/api/v3/licensing/console', { token: reply.json.access_token })).status).toBe(200);
  });

  it('refreshes with the refresh token once (rotation), and the new token works', async () => {
    const sim = await start();
    const first = await call(sim, 'POST', '/api/v3/token', {
      headers: form,
      body: 'grant_type=password&username=a&password=b',
    });
    const body = `grant_type=refresh_token&refresh_token=${encodeURIComponent(first.json.refresh_token)}`;
    const second = await call(sim, 'POST', '/api/v3/token', { headers: form, body });
    expect(second.status).toBe(200);
    expect(second.json.access_token).not.toBe(first.json.access_token);
    expect((await call(sim, 'GET', '/api/v3/licensing/sites', { token: second.json.access_token })).status).toBe(200);
    const reused = await call(sim, 'POST', '/api/v3/token', { headers: form, body });
    expect(reused.status).toBe(400);
    expect(reused.json.error).toBe('invalid_grant');
  });

  it('rejects expired tokens with 401', async () => {
    let now = new Date('2026-01-10T08:00:00Z');
    const sim = await start({ now: () => now, tokenTtlSeconds: 60 });
    const token = await login(sim);
    expect((await call(sim, 'GET', '/api/v3/licensing/sites', { token })).status).toBe(200);
    now = new Date(now.getTime() + 61_000);
    const reply = await call(sim, 'GET', '/api/v3/licensing/sites', { token });
    expect(reply.status).toBe(401);
    expect(reply.json.errors[0].message).toMatch(/expired/);
    const other = await start();
    const otherToken = await login(other);
    other.expireTokens();
    expect((await call(other, 'GET', '/api/v3/licensing/sites', { token: otherToken })).status).toBe(401);
  });

  it('checks configured credentials and tells nothing about which part was wrong', async () => {
    const sim = await start({ username: 'admin', password: 'pw' });
    const wrong = await call(sim, 'POST', '/api/v3/token', {
      headers: form,
      body: 'grant_type=password&username=admin&password=nope',
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.json)).not.toContain('nope');
    expect((await login(sim, 'admin', 'pw')).length).toBeGreaterThan(20);
  });

  it('wants a form body and a known grant type', async () => {
    const sim = await start();
    const json = await call(sim, 'POST', '/api/v3/token', { json: { grant_type: 'password' } });
    expect(json.json.error).toBe('invalid_request');
    const grant = await call(sim, 'POST', '/api/v3/token', { headers: form, body: 'grant_type=public_key' });
    expect(grant.json.error).toBe('unsupported_grant_type');
  });

  it('accepts any API key by default, only the configured one otherwise', async () => {
    const open = await start();
    expect((await call(open, 'GET', '/api/v3/licensing/console', { token: 'simple-key-123' })).status).toBe(200);
    const locked = await start({ apiKey: 'the-key' });
    expect((await call(locked, 'GET', '/api/v3/licensing/console', { token: 'the-key' })).status).toBe(200);
    expect((await call(locked, 'GET', '/api/v3/licensing/console', { token: 'other-key' })).status).toBe(401);
  });
});
