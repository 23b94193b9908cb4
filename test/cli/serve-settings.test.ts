/**
 * `serve` warns about settings that contradict each other, and listens where HOST says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { configWarnings } from '../../src/config-warnings.js';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { botEnv, type SpawnedBot, spawnBot, tempDatabase } from '../support/app.js';
import { type FakeSlack, startFakeSlack } from '../support/slack/index.js';

const BASE = {
  SLACK_BOT_TOKEN: 'xoxb-1',
  SLACK_SIGNING_SECRET: 'secret',
  VSPC_URL: 'https://vspc.example.com:1280',
  VSPC_API_KEY: 'key',
};
const warningsFor = (env: Record<string, string>) => {
  const full = { ...BASE, ...env };
  return configWarnings(loadConfig(full, { slack: true, vspc: true }), full);
};

describe('contradictory settings', () => {
  it.each([
    [{ VSPC_API: 'v2' }, /VSPC_API=v2 with VSPC_API_KEY/],
    [{ VSPC_USERNAME: 'u', VSPC_PASSWORD: 'p' }, /API key is used/],
    [{ VSPC_URL: 'http://127.0.0.1:1280', VSPC_TLS_INSECURE: 'true' }, /no TLS to verify/],
    [{ APPROVERS: 'U0ONLY', REQUIRE_SECOND_PERSON: 'true' }, /their own requests can never be confirmed/],
    [{ OPERATORS: 'U0ONLY', REQUIRE_SECOND_PERSON: 'true' }, /no write can ever run/],
    [{ REQUIRE_SECOND_PERSON: 'true' }, /REQUIRE_SECOND_PERSON=true but writes are off/],
    [{ WRITE_CHANNELS: 'C0WRITE' }, /WRITE_CHANNELS is set but writes are off/],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, /Socket Mode is used/],
    [{ DIGEST_CRON: '0 9 * * *' }, /DIGEST_CHANNEL is empty/],
  ])('%j is reported', (env, expected) => {
    expect(warningsFor(env)).toEqual([expect.stringMatching(expected)]);
  });

  it('a consistent configuration gets none', () => {
    expect(warningsFor({})).toEqual([]);
    expect(warningsFor({ APPROVERS: 'U0A,U0B', REQUIRE_SECOND_PERSON: 'true', WRITE_CHANNELS: 'C0W' })).toEqual([]);
    expect(warningsFor({ APPROVERS: 'S0GROUP', REQUIRE_SECOND_PERSON: 'true' })).toEqual([]);
  });
});

describe('serve', () => {
  let sim: RunningSimulator;
  let fake: FakeSlack;
  let bot: SpawnedBot | undefined;
  const database = tempDatabase();
  beforeAll(async () => {
    [sim, fake] = await Promise.all([startSimulator({ vbr: 2 }), startFakeSlack()]);
  });
  afterAll(async () => {
    await bot?.stop();
    await Promise.all([sim?.close(), fake?.close()]);
    database.remove();
  });

  it('logs the warnings at start and listens only on HOST', { timeout: 30_000 }, async () => {
    bot = await spawnBot(
      { ...botEnv(fake, sim, database.url), HOST: '127.0.0.1', VSPC_TLS_INSECURE: 'true' },
      { readyTimeoutMs: 25_000 },
    );
    expect(bot.stdout()).toMatch(/"level":40[^\n]*no TLS to verify/);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    // 127.0.0.2 is loopback too: a listener on every interface would answer there, one on HOST does not.
    await expect(fetch(`http://127.0.0.2:${bot.port}/healthz`)).rejects.toThrow();
  });
});
