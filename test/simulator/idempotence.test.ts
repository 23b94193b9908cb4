/** VSPC's X-Request-id idempotence: the same id within five minutes is answered, not applied again. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { call, login } from './http.js';

describe('X-Request-id idempotence', () => {
  let now = new Date('2026-02-01T12:00:00Z');
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 51, now: () => now, vbr: 4 });
    token = await login(sim);
  });
  afterAll(async () => {
    await sim.close();
  });

  const update = (uid: string, id?: string) =>
    call(sim, 'POST', `/api/v3/licensing/backupServers/${uid}/update`, {
      token,
      ...(id !== undefined && { headers: { 'x-request-id': id } }),
    });

  it('applies a repeated write once and answers the same both times', async () => {
    const license = sim.state.inventory.backupServers[0]!;
    const id = randomUUID();
    const first = await update(license.backupServerUid, id);
    const expiry = license.expirationDate;
    const second = await update(license.backupServerUid, id.toUpperCase());
    expect(second.status).toBe(first.status);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(license.expirationDate).toBe(expiry);
    expect(sim.writes().filter((w) => w.requestId?.toLowerCase() === id)).toHaveLength(2);
  });

  it('applies writes with different ids, or without an id, each time', async () => {
    const license = sim.state.inventory.backupServers[1]!;
    const start = license.expirationDate!;
    await update(license.backupServerUid, randomUUID());
    await update(license.backupServerUid, randomUUID());
    await update(license.backupServerUid);
    expect(new Date(license.expirationDate!).getUTCFullYear()).toBe(new Date(start).getUTCFullYear() + 3);
  });

  it('applies the write again after the five-minute window', async () => {
    const license = sim.state.inventory.backupServers[2]!;
    const id = randomUUID();
    await update(license.backupServerUid, id);
    const once = license.expirationDate;
    now = new Date(now.getTime() + 4 * 60_000);
    await update(license.backupServerUid, id);
    expect(license.expirationDate).toBe(once);
    now = new Date(now.getTime() + 2 * 60_000);
    token = await login(sim);
    await update(license.backupServerUid, id);
    expect(license.expirationDate).not.toBe(once);
  });

  it('rejects an X-Request-id that is not a UUID', async () => {
    const reply = await update(sim.state.inventory.backupServers[3]!.backupServerUid, 'not-a-uuid');
    expect(reply.status).toBe(400);
  });
});
