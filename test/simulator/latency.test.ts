/**
 * `latencyMs` is how long the simulator takes to answer, like a server with threads to spare: a
 * read's answer is built as soon as it arrives and sent when the latency is over (the simulator's
 * own CPU is not added on top), a write is applied only once its latency is over.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { call, patchBody } from './http.js';

const LATENCY_MS = 1000;
/** Any bearer that is not a JWT the simulator issued is an API key: no login (and its latency) needed. */
const API_KEY = 'latency-test';

describe('simulator latency', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ seed: 5, vbr: 3, vone: 1, vb365: 1, sites: 1, latencyMs: LATENCY_MS });
  });
  afterAll(async () => {
    await sim.close();
  });

  /** Resolves once the simulator has received a request for `path` (it records it on arrival). */
  async function arrived(method: string, path: string): Promise<void> {
    while (!sim.requests.some((r) => r.method === method && r.path === path)) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  it('answers a read from the state it arrived at: the answer is built at once, then the latency waited out', async () => {
    const license = sim.state.inventory.backupServers[0]!;
    const path = `/api/v3/licensing/backupServers/${license.backupServerUid}`;
    const before = license.autoUpdateEnabled;
    const reading = call(sim, 'GET', path, { token: API_KEY });
    await arrived('GET', path);
    sim.state.setAutoUpdate('vbr', license.backupServerUid, !before);

    const reply = await reading;
    expect(reply.status).toBe(200);
    expect(reply.json.data.autoUpdateEnabled).toBe(before);
    expect(license.autoUpdateEnabled).toBe(!before);
  });

  it('applies a write only once its latency is over', async () => {
    const license = sim.state.inventory.backupServers[1]!;
    const path = `/api/v3/licensing/backupServers/${license.backupServerUid}`;
    const before = license.autoUpdateEnabled;
    const writing = call(sim, 'PATCH', path, {
      token: API_KEY,
      json: patchBody('/autoUpdateEnabled', String(!before)),
    });
    await arrived('PATCH', path);
    expect(license.autoUpdateEnabled).toBe(before);

    const reply = await writing;
    expect(reply.status).toBe(200);
    expect(reply.json.data.autoUpdateEnabled).toBe(!before);
    expect(license.autoUpdateEnabled).toBe(!before);
  });
});
