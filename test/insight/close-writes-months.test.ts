/**
 * Kept months are written after the trend answered; closing the services writes them before the
 * store closes, so a bot stopped right after a trend still finds them at its next start.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createServices } from '../../src/compose.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { createStore } from '../../src/store/create-store.js';
import { tempDatabase } from '../support/app.js';

const NOW = new Date('2026-03-10T09:00:00Z');
let sim: RunningSimulator;
const database = tempDatabase();
beforeAll(async () => {
  sim = await startSimulator({ seed: 4, now: NOW, companies: 12 });
});
afterAll(async () => {
  await sim.close();
  database.remove();
});

it('close() waits for the kept-month writes of the last trend', async () => {
  const env = { VSPC_URL: sim.url, VSPC_API_KEY: 'key', DATABASE_URL: database.url, LOG_LEVEL: 'silent' };
  const config = loadConfig(env, { slack: false, vspc: true });
  const services = await createServices(config, { logger: silentLogger, clock: () => NOW });
  const trend = await services.insight.trend({ months: 12 });
  await services.close();

  const store = await createStore(database.url);
  const kept = await store.loadUsageMonths(trend.months.map((m) => m.month));
  await store.close();
  // Every final month shown (all but the open newest) was written before the store closed.
  expect(kept.map((row) => row.month).sort()).toEqual(
    trend.months.filter((m) => m.status === 'final').map((m) => m.month),
  );
  expect(trend.months.filter((m) => m.status === 'final')).toHaveLength(11);
});
