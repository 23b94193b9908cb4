/**
 * The whole bot for end-to-end tests, on loopback only.
 *
 * `startTestBot()` runs it in-process (simulator + fake Slack + temporary SQLite + `startBot`) and
 * gives helpers that play Slack's part: `command('licenses')` sends a signed `/vspc` command,
 * `click(...)` a signed button click. `spawnBot(env)` runs it as a child process (`serve`) for
 * restarts, crashes and cold-start timing.
 *
 * ```ts
 * const t = await startTestBot({ env: { APPROVERS: 'U0APPROVER' } });
 * const answer = await t.command('licenses vbr');          // acked with 200…
 * await t.fake.waitFor(RESPONSE_URL, { since: answer.since }); // …answered through its response_url
 * await t.stop();
 * ```
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { createV3Backend } from '../../src/licenses/v3/index.js';
import { type Logger, silentLogger } from '../../src/log.js';
import { type RunningBot, startBot } from '../../src/main.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../src/simulator/index.js';
import type { SlackRetryConfig } from '../../src/slack/deps.js';
import type { Store } from '../../src/store/types.js';
import type { VspcClientOptions } from '../../src/vspc/index.js';
import { type AppResponse, type FakeSlack, sendBlockAction, sendSlashCommand, startFakeSlack } from './slack/index.js';

/** The project root: child processes run from here so `src/…` and `tsx` resolve. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEST_VSPC_API_KEY = 'test-vspc-api-key';
export const DEFAULT_USER = 'U0REQUESTER';
export const DEFAULT_CHANNEL = 'C0LICENSES';
/** Acks take milliseconds; the margin is for a CI machine busy with other test files. */
const REQUEST_TIMEOUT_MS = 20_000;

export interface TestBotOptions {
  /** Use this simulator (the caller closes it); otherwise one is started with `simulator` and closed by stop(). */
  sim?: RunningSimulator;
  simulator?: SimulatorOptions;
  /** Use this fake Slack (the caller closes it); otherwise one is started and closed by stop(). */
  fake?: FakeSlack;
  /** More environment, e.g. `{ APPROVERS: 'U0APPROVER' }`; it wins over the defaults. */
  env?: Record<string, string>;
  logger?: Logger;
  signingSecret?: string;
  /**
   * VSPC client options beyond what the environment can say (short retry pauses, a short async
   * timeout): the bot then gets a v3 backend built with them instead of one built from VSPC_URL.
   */
  vspc?: Partial<VspcClientOptions>;
  /** The Slack client's retries (default none, so a failed call shows at once). */
  slackRetryConfig?: SlackRetryConfig;
  /** Use this store instead of opening DATABASE_URL (fault injection); the bot closes it on stop. */
  store?: Store;
  /** How often the approval sweeper runs its round (default 30 s, so it never runs in a short test). */
  sweepIntervalMs?: number;
}

export interface CommandResponse extends AppResponse {
  /** The response_url this command carried (read its posts with `fake.responses(url)`). */
  responseUrl: string;
  /** `fake.mark()` just before sending: `fake.waitFor(…, { since })` sees only what came after. */
  since: number;
}

export interface ClickInput {
  actionId: string;
  value: string;
  messageTs: string;
  user?: string;
  channel?: string;
}

/** Plays Slack's part towards a running bot (in-process or spawned): signed commands and clicks. */
export interface SlackDriver {
  fake: FakeSlack;
  /** A signed `/vspc <text>` with a fresh response_url. */
  command(text: string, user?: string, channel?: string): Promise<CommandResponse>;
  /** A signed button click on a message in the channel (its response_url is bound to that message). */
  click(input: ClickInput): Promise<AppResponse>;
}

export function slackDriver(url: string, secret: string, fake: FakeSlack): SlackDriver {
  return {
    fake,
    async command(text, user = DEFAULT_USER, channel = DEFAULT_CHANNEL) {
      const responseUrl = fake.responseUrl();
      const since = fake.mark();
      const input = { text, userId: user, channelId: channel, responseUrl };
      const answer = await sendSlashCommand(url, secret, input, { timeoutMs: REQUEST_TIMEOUT_MS });
      return { ...answer, responseUrl, since };
    },
    click({ actionId, value, messageTs, user = DEFAULT_USER, channel = DEFAULT_CHANNEL }) {
      const responseUrl = fake.responseUrl({ channel, messageTs });
      const input = { actionId, value, userId: user, channelId: channel, messageTs, responseUrl };
      return sendBlockAction(url, secret, input, { timeoutMs: REQUEST_TIMEOUT_MS });
    },
  };
}

export interface TestBot extends SlackDriver {
  /** `http://127.0.0.1:PORT` of the bot (Slack events at `/slack/events`). */
  url: string;
  bot: RunningBot;
  sim: RunningSimulator;
  secret: string;
  /** Where the SQLite file lives: `sqlite:<dir>/bot.sqlite`. */
  databaseUrl: string;
  stop(): Promise<void>;
}

/** The environment every bot under test gets (on top of what the test passes). */
export function botEnv(fake: FakeSlack, sim: RunningSimulator, databaseUrl: string, secret = TEST_SIGNING_SECRET) {
  return {
    SLACK_API_URL: fake.apiUrl,
    SLACK_BOT_TOKEN: fake.identity.botToken,
    SLACK_SIGNING_SECRET: secret,
    VSPC_URL: sim.url,
    VSPC_API_KEY: TEST_VSPC_API_KEY,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
  };
}

/** A fresh directory for a SQLite file; `remove()` deletes it. */
export function tempDatabase(): { url: string; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'vspc-bot-test-'));
  return { url: `sqlite:${join(dir, 'bot.sqlite')}`, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const sim = options.sim ?? (await startSimulator(options.simulator ?? {}));
  const fake = options.fake ?? (await startFakeSlack());
  const database = tempDatabase();
  const secret = options.signingSecret ?? TEST_SIGNING_SECRET;
  const env = { ...botEnv(fake, sim, database.url, secret), ...options.env };
  let bot: RunningBot;
  try {
    // PORT must be 1–65535 in the environment; in-process the port is free to pick.
    const config = { ...loadConfig(env, { slack: true, vspc: true }), port: 0 };
    const logger = options.logger ?? silentLogger;
    const backend = options.vspc
      ? createV3Backend({ url: sim.url, auth: { type: 'apiKey', apiKey: TEST_VSPC_API_KEY }, logger, ...options.vspc })
      : undefined;
    bot = await startBot(config, {
      logger,
      ...(backend ? { backend } : {}),
      ...(options.store ? { store: options.store } : {}),
      ...(options.sweepIntervalMs ? { sweepIntervalMs: options.sweepIntervalMs } : {}),
      host: '127.0.0.1',
      slackRetryConfig: options.slackRetryConfig ?? { retries: 0 },
    });
  } catch (error) {
    if (!options.fake) await fake.close();
    if (!options.sim) await sim.close();
    database.remove();
    throw error;
  }
  const url = `http://127.0.0.1:${bot.port}`;

  return {
    url,
    bot,
    sim,
    secret,
    databaseUrl: database.url,
    ...slackDriver(url, secret, fake),
    async stop() {
      await bot.stop();
      if (!options.fake) await fake.close();
      if (!options.sim) await sim.close();
      database.remove();
    },
  };
}

// ---- the bot as a child process ----

export interface SpawnOptions {
  /** A compiled CLI entry to run (e.g. `dist/cli/main.js` after `npm run build`) instead of the sources through tsx. */
  entry?: string;
  /** Give up waiting for /readyz after this long (default 15 s). */
  readyTimeoutMs?: number;
  /** Flags for node itself, before the script (e.g. the Docker image's `--max-semi-space-size`). */
  nodeArgs?: string[];
}

export interface SpawnedBot {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Milliseconds from spawn() to the first 200 of /readyz. */
  startupMs: number;
  /** Everything the process wrote so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** SIGKILL: a crash, nothing gets to clean up. */
  kill(): Promise<void>;
  /** SIGTERM: graceful shutdown. */
  stop(): Promise<void>;
}

/** A port that was free a moment ago (PORT=0 is not accepted by the config, so a child needs a real one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `serve` as a child process with exactly `env` (plus PATH, HOME, LOG_LEVEL=info and a free
 * PORT unless given) and resolves once `/readyz` answers 200.
 */
export async function spawnBot(env: Record<string, string>, options: SpawnOptions = {}): Promise<SpawnedBot> {
  const port = env.PORT ?? String(await freePort());
  const started = performance.now();
  const script = options.entry ? [options.entry, 'serve'] : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve'];
  const args = [...(options.nodeArgs ?? []), ...script];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
  });
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  try {
    const url = `http://127.0.0.1:${port}`;
    await waitForReady(url, exited, started + (options.readyTimeoutMs ?? 15_000), () => err + out);
    return {
      url,
      port: Number(port),
      pid: child.pid ?? -1,
      child,
      startupMs: performance.now() - started,
      stdout: () => out,
      stderr: () => err,
      exited,
      kill: () => kill('SIGKILL'),
      stop: () => kill('SIGTERM'),
    };
  } catch (error) {
    await kill('SIGKILL');
    throw error;
  }
}

async function waitForReady(
  url: string,
  exited: Promise<unknown>,
  deadline: number,
  output: () => string,
): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (;;) {
    const status = await fetch(`${url}/readyz`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    if (gone) throw new Error(`the bot exited before /readyz answered 200:\n${output().slice(0, 4000)}`);
    if (performance.now() > deadline) throw new Error(`/readyz still answers ${status}`);
    await pause(5);
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
