/**
 * Recognisable fake secrets (bot token, signing secret, VSPC API key, VSPC password, and the access
 * tokens VSPC issues) must never show up in what the bot prints (stdout and stderr of the real
 * process at debug level), in anything it sends to Slack, or in its error replies, whatever
 * happens: reads, writes, VSPC refusing credentials, VSPC failing with 500s, forged requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { uidOf } from '../../src/simulator/kinds.js';
import { ROOT, type SpawnedBot, slackDriver, spawnBot, tempDatabase } from '../support/app.js';
import { type FakeSlack, RESPONSE_URL, sendSlashCommand, startFakeSlack } from '../support/slack/index.js';
import { eventually } from './support/eventually.js';
import { requestAndConfirm } from './support/write-flow.js';

const SECRETS = {
  botToken: 'xoxb-SECRETBOTTOKEN-4f1d9a',
  signingSecret: 'SECRETSIGNING-7c2e51b0',
  apiKey: 'SECRETAPIKEY-93ab10',
  password: 'SECRETPASSWORD-e81f',
};
const USERNAME = 'COMPANY\\licensing-bot';
const APPROVER = 'U0APPROVER';

let fake: FakeSlack;
const sims: RunningSimulator[] = [];
const databases: ReturnType<typeof tempDatabase>[] = [];

beforeAll(async () => {
  fake = await startFakeSlack({ botToken: SECRETS.botToken });
});
afterAll(async () => {
  await fake?.close();
  for (const sim of sims) await sim.close();
  for (const database of databases) database.remove();
});

async function startWith(auth: 'apiKey' | 'password'): Promise<{ bot: SpawnedBot; sim: RunningSimulator }> {
  const sim = await startSimulator(
    auth === 'apiKey' ? { apiKey: SECRETS.apiKey } : { username: USERNAME, password: SECRETS.password },
  );
  sims.push(sim);
  const database = tempDatabase();
  databases.push(database);
  const bot = await spawnBot({
    SLACK_API_URL: fake.apiUrl,
    SLACK_BOT_TOKEN: SECRETS.botToken,
    SLACK_SIGNING_SECRET: SECRETS.signingSecret,
    VSPC_URL: sim.url,
    ...(auth === 'apiKey'
      ? { VSPC_API_KEY: SECRETS.apiKey }
      : { VSPC_USERNAME: USERNAME, VSPC_PASSWORD: SECRETS.password }),
    DATABASE_URL: database.url,
    APPROVERS: APPROVER,
    LOG_LEVEL: 'debug',
  });
  return { bot, sim };
}

/** Everything a person or a log reader could see; the bot token in Authorization headers is meant to be there. */
function visibleToPeople(): string {
  return JSON.stringify(fake.calls().map(({ method, params, result, target }) => ({ method, params, result, target })));
}

/** Access and refresh tokens VSPC issued (the simulator's, taken from the requests it got). */
function issuedTokens(sim: RunningSimulator): string[] {
  const bearers = sim.requests.map((req) => String(req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
  return [...new Set(bearers)].filter((token) => token.length > 16 && token !== SECRETS.apiKey);
}

async function exercise(bot: SpawnedBot, sim: RunningSimulator, channel: string): Promise<void> {
  const slack = slackDriver(bot.url, SECRETS.signingSecret, fake);
  const uid = uidOf(sim.state.list('vbr')[0] as never);
  const reads = [
    'licenses',
    `license vbr ${uid}`,
    'reports',
    'usage',
    'audit',
    'whoami',
    'digest preview',
    'nonsense --x',
  ];
  const sent = await Promise.all(reads.map((text) => slack.command(text, APPROVER, channel)));
  // A write that succeeds, one that VSPC refuses for credentials, one that fails with a 500.
  await requestAndConfirm(slack, `license update vbr ${uid}`, { user: APPROVER, channel });
  sim.faults.push({ kind: 'status', status: 401, match: (req) => req.method !== 'GET', times: 10 });
  await requestAndConfirm(slack, `license autoupdate vbr ${uid} off`, { user: APPROVER, channel });
  sim.faults.splice(0);
  sim.faults.push({ kind: 'status', status: 500, message: 'Internal error', times: 10 });
  await slack.command('licenses vone', APPROVER, channel);
  await requestAndConfirm(slack, `license autoupdate vbr ${uid} on`, { user: APPROVER, channel });
  sim.faults.splice(0);
  // A forged request (wrong signature) and a stale one.
  const forged = await sendSlashCommand(
    bot.url,
    SECRETS.signingSecret,
    {
      text: 'whoami',
      userId: APPROVER,
      channelId: channel,
      responseUrl: fake.responseUrl(),
    },
    { forgeSignature: true },
  );
  expect(forged.status).toBe(401);
  await eventually(
    () => {
      const answered = new Set(fake.calls(RESPONSE_URL).map((call) => call.target));
      return sent.every((s) => answered.has(decodeURIComponent(s.responseUrl.split('/').pop() ?? '')))
        ? true
        : undefined;
    },
    { timeoutMs: 15_000, what: 'every read answered' },
  );
}

describe('secrets stay secret', () => {
  for (const auth of ['apiKey', 'password'] as const) {
    it(`with VSPC ${auth === 'apiKey' ? 'API key' : 'user name and password'}: not in logs, Slack messages or replies`, {
      timeout: 60_000,
    }, async () => {
      const { bot, sim } = await startWith(auth);
      try {
        await exercise(bot, sim, `C0SECRET${auth === 'apiKey' ? 'K' : 'P'}`);
      } finally {
        await bot.stop();
      }
      const logs = bot.stdout() + bot.stderr();
      expect(logs.length).toBeGreaterThan(0);
      const seen = visibleToPeople();
      // The capture works: the flow is in it (so "not found" below means something).
      expect(seen).toContain('Done: Update license');
      expect(logs).toContain(APPROVER);
      const secrets = [...Object.values(SECRETS), ...issuedTokens(sim)];
      if (auth === 'password') expect(issuedTokens(sim).length).toBeGreaterThan(0);
      for (const secret of secrets) {
        expect(logs.includes(secret), `a secret (${secret.slice(0, 6)}…) in the logs`).toBe(false);
        expect(seen.includes(secret), `a secret (${secret.slice(0, 6)}…) sent to Slack`).toBe(false);
      }
    });
  }

  it('a configuration error names the variable but never echoes its value', { timeout: 30_000 }, async () => {
    const { execFile } = await import('node:child_process');
    const output = await new Promise<string>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli/main.ts', 'serve'],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            SLACK_BOT_TOKEN: SECRETS.botToken,
            SLACK_APP_TOKEN: 'SECRETAPPTOKEN-not-xapp',
            VSPC_URL: 'http://127.0.0.1:9',
            VSPC_PASSWORD: SECRETS.password,
          },
          timeout: 20_000,
        },
        (_error, stdout, stderr) => resolve(stdout + stderr),
      );
    });
    expect(output).toMatch(/SLACK_APP_TOKEN/);
    for (const secret of [...Object.values(SECRETS), 'SECRETAPPTOKEN']) expect(output).not.toContain(secret);
  });
});
