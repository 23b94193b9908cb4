/** What Bolt does with every request before the bot's listener acks it: nothing the bot does not use. */
import type { Context } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrivalsSoFar } from '../../src/slack/turns.js';
import { type FakeSlack, sendSlashCommand, startFakeSlack } from '../support/slack/index.js';
import { createMemoryBackend } from './support/memory-backend.js';
import { SIGNING_SECRET, startTestApp, type TestApp } from './support/start-app.js';

let fake: FakeSlack;
let app: TestApp;
const contexts: Context[] = [];

beforeAll(async () => {
  fake = await startFakeSlack();
  app = await startTestApp({
    backend: createMemoryBackend({ licenses: [] }),
    fake,
    overrides: {
      registerExtra(bolt) {
        bolt.use(async ({ context, next }) => {
          contexts.push(context);
          await next();
        });
      },
    },
  });
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

describe('the request path before the ack', () => {
  it('has no conversation store: no per-request lookup of state the bot never keeps', async () => {
    const response = await sendSlashCommand(app.url, SIGNING_SECRET, {
      text: 'help',
      userId: 'U0ALICE',
      channelId: 'C0LIC',
      responseUrl: fake.responseUrl(),
    });
    expect(response.status).toBe(200);
    expect(contexts).toHaveLength(1);
    expect(contexts[0]?.updateConversation).toBeUndefined();
    expect(contexts[0]?.conversation).toBeUndefined();
  });

  it('counts every Slack request for the turns after acks, which give way while requests arrive', async () => {
    const before = arrivalsSoFar();
    for (const text of ['help', 'whoami']) {
      const response = await sendSlashCommand(app.url, SIGNING_SECRET, {
        text,
        userId: 'U0ALICE',
        channelId: 'C0LIC',
        responseUrl: fake.responseUrl(),
      });
      expect(response.status).toBe(200);
    }
    expect(arrivalsSoFar() - before).toBe(2);
  });
});
