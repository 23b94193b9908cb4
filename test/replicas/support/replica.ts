/**
 * One bot "replica" in-process, on a database, simulator and fake Slack the test shares with other
 * replicas. Unlike `startTestBot` (one bot on its own SQLite file) it takes the database URL and an
 * injectable clock, which is what multi-replica and digest-day tests need.
 */
import { loadConfig } from '../../../src/config.js';
import type { Clock } from '../../../src/licenses/expiry.js';
import { silentLogger } from '../../../src/log.js';
import { type RunningBot, startBot } from '../../../src/main.js';
import type { RunningSimulator } from '../../../src/simulator/index.js';
import { botEnv, TEST_SIGNING_SECRET } from '../../support/app.js';
import { type AppResponse, type FakeSlack, sendBlockAction, sendSlashCommand } from '../../support/slack/index.js';

/** Acks take milliseconds; the margin is for a 2-core machine busy with other test files. */
const REQUEST_TIMEOUT_MS = 20_000;

export interface ReplicaOptions {
  sim: RunningSimulator;
  fake: FakeSlack;
  databaseUrl: string;
  /** More environment (APPROVERS, DIGEST_CHANNEL, …); it wins over the defaults. */
  env?: Record<string, string>;
  clock?: Clock;
}

export interface Replica {
  url: string;
  bot: RunningBot;
  /** A signed `/vspc <text>`; `responseUrl` is where its answer goes. */
  command(text: string, user: string, channel: string): Promise<AppResponse & { responseUrl: string }>;
  /** A signed button click on a message in the channel. */
  click(input: {
    actionId: string;
    value: string;
    messageTs: string;
    user: string;
    channel: string;
  }): Promise<AppResponse>;
  stop(): Promise<void>;
}

export async function startReplica(options: ReplicaOptions): Promise<Replica> {
  const { sim, fake } = options;
  const env = { ...botEnv(fake, sim, options.databaseUrl), ...options.env };
  const config = { ...loadConfig(env, { slack: true, vspc: true }), port: 0 };
  const bot = await startBot(config, {
    logger: silentLogger,
    host: '127.0.0.1',
    slackRetryConfig: { retries: 0 },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const url = `http://127.0.0.1:${bot.port}`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    bot,
    async command(text, user, channel) {
      const responseUrl = fake.responseUrl();
      const answer = await sendSlashCommand(
        url,
        TEST_SIGNING_SECRET,
        { text, userId: user, channelId: channel, responseUrl },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      return { ...answer, responseUrl };
    },
    click({ actionId, value, messageTs, user, channel }) {
      return sendBlockAction(
        url,
        TEST_SIGNING_SECRET,
        {
          actionId,
          value,
          userId: user,
          channelId: channel,
          messageTs,
          responseUrl: fake.responseUrl({ channel, messageTs }),
        },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
    },
    stop() {
      stopped ??= bot.stop();
      return stopped;
    },
  };
}

/**
 * A clock the test sets to a wall time, which then runs on at real speed (approval TTLs and the
 * digest's "has today's time passed" both see a believable now).
 */
export interface SettableClock {
  clock: Clock;
  set(at: Date): void;
}

export function settableClock(at: Date): SettableClock {
  let offset = at.getTime() - Date.now();
  return {
    clock: () => new Date(Date.now() + offset),
    set(next) {
      offset = next.getTime() - Date.now();
    },
  };
}

/** Today (UTC) at hh:mm, as the digest day and its schedule see it with DIGEST_TIMEZONE=UTC. */
export function todayAtUtc(hours: number, minutes = 0): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hours, minutes));
}
