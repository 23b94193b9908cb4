/** Starting the app: a refused bot token is a clear error, not an unhandled rejection. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { createSlackApp, SlackStartError } from '../../src/slack/app.js';
import { type FakeSlack, startFakeSlack } from '../support/slack/index.js';

let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
});

afterAll(async () => {
  await fake?.close();
});

function appWith(botToken: string) {
  return createSlackApp({
    botToken,
    signingSecret: 'secret',
    apiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logger: silentLogger,
    commandContextFor: () => {
      throw new Error('no command runs in this test');
    },
    ready: async () => true,
  });
}

describe('start', () => {
  it("rejects with a SlackStartError naming Slack's answer when auth.test fails", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const slack = appWith('xoxb-wrong-token');
      const started = slack.start(0, '127.0.0.1');
      await expect(started).rejects.toBeInstanceOf(SlackStartError);
      await expect(started).rejects.toThrow(/invalid_auth|not_authed/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      await slack.stop();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('runs auth.test once when the bot ids are not given, then serves', async () => {
    const before = fake.calls('auth.test').length;
    const slack = appWith(fake.identity.botToken);
    const { port } = await slack.start(0, '127.0.0.1');
    try {
      expect(fake.calls('auth.test').length).toBe(before + 1);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      await slack.stop();
    }
  });

  it('refuses HTTP mode without a signing secret', () => {
    expect(() =>
      createSlackApp({
        botToken: 'xoxb-x',
        apiUrl: fake.apiUrl,
        logger: silentLogger,
        commandContextFor: () => {
          throw new Error('unused');
        },
        ready: async () => true,
      }),
    ).toThrow(SlackStartError);
  });
});
