import { App, SocketModeReceiver } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  capturingBoltLogger,
  type FakeSlack,
  fakeClientOptions,
  slashCommandPayload,
  startFakeSlack,
} from '../support/slack/index.js';

let fake: FakeSlack;
let app: App;

beforeAll(async () => {
  fake = await startFakeSlack();
  const { botToken, botId, botUserId, appToken } = fake.identity;
  const logger = capturingBoltLogger();
  // The client waits clientPingTimeout (default 5 s) before reconnecting; only an explicit receiver can shorten it.
  const receiver = new SocketModeReceiver({
    appToken,
    logger,
    clientPingTimeout: 1000,
    installerOptions: { clientOptions: fakeClientOptions(fake) },
  });
  app = new App({ token: botToken, botId, botUserId, receiver, logger, clientOptions: fakeClientOptions(fake) });
  app.command('/vspc', async ({ ack, command }) => {
    await ack({ text: `got ${command.text}` });
  });
  await app.start();
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('Socket Mode reconnection', () => {
  it('reconnects after Slack sends a disconnect frame and keeps serving envelopes', async () => {
    await fake.socket.waitForConnection();
    fake.socket.sendDisconnect('refresh_requested');
    await fake.socket.waitForConnection({ count: 2, timeoutMs: 5000 });
    expect(fake.calls('apps.connections.open')).toHaveLength(2);
    const payload = slashCommandPayload({
      text: 'again',
      userId: 'U1',
      channelId: 'C1',
      responseUrl: fake.responseUrl(),
    });
    expect((await fake.sendEnvelope({ type: 'slash_commands', payload })).payload).toEqual({ text: 'got again' });
  });
});
