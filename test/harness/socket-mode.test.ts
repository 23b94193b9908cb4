import { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockActionPayload,
  capturingBoltLogger,
  type FakeSlack,
  fakeClientOptions,
  RESPONSE_URL,
  slashCommandPayload,
  startFakeSlack,
} from '../support/slack/index.js';

let fake: FakeSlack;
let app: App;

beforeAll(async () => {
  fake = await startFakeSlack();
  const { botToken, appToken } = fake.identity;
  // No botId/botUserId here on purpose: the fake answers auth.test.
  app = new App({
    token: botToken,
    appToken,
    socketMode: true,
    logger: capturingBoltLogger(),
    clientOptions: fakeClientOptions(fake),
  });
  app.command('/vspc', async ({ ack, command }) => {
    await ack({ response_type: 'ephemeral', text: `got ${command.text}` });
  });
  app.action('approve', async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: 'approved' });
  });
  await app.start();
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('Socket Mode through the fake', () => {
  it('connects with auth.test (bot token) then apps.connections.open (app token), and gets a hello', async () => {
    await fake.socket.waitForConnection();
    expect(fake.calls('auth.test')[0]?.token).toBe(fake.identity.botToken);
    expect(fake.calls('apps.connections.open')[0]).toMatchObject({
      token: fake.identity.appToken,
      result: { ok: true, url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\/link\//) },
    });
  });

  it('delivers a slash command envelope and returns the ack frame', async () => {
    const payload = slashCommandPayload({
      text: 'licenses',
      userId: 'U1',
      channelId: 'C1',
      responseUrl: fake.responseUrl(),
    });
    const ack = await fake.sendEnvelope({ type: 'slash_commands', payload, envelopeId: 'env-cmd' });
    expect(ack).toEqual({ envelope_id: 'env-cmd', payload: { response_type: 'ephemeral', text: 'got licenses' } });
  });

  it('delivers an interactive envelope; the listener’s respond() reaches the fake', async () => {
    const since = fake.mark();
    const responseUrl = fake.responseUrl();
    const payload = blockActionPayload({
      actionId: 'approve',
      userId: 'U1',
      channelId: 'C1',
      messageTs: '1.2',
      responseUrl,
    });
    const ack = await fake.sendEnvelope({ type: 'interactive', payload });
    expect(ack.envelope_id).toMatch(/^env-/);
    await fake.waitFor(RESPONSE_URL, { since });
    expect(fake.responses(responseUrl)[0]?.body).toMatchObject({ replace_original: true, text: 'approved' });
  });

  it('rejects clearly when an envelope is not acknowledged', async () => {
    const payload = slashCommandPayload({
      text: 'x',
      userId: 'U1',
      channelId: 'C1',
      responseUrl: fake.responseUrl(),
      command: '/unknown',
    });
    await expect(fake.sendEnvelope({ type: 'slash_commands', payload }, { timeoutMs: 200 })).rejects.toThrow(
      /was not acknowledged within 200 ms/,
    );
  });
});
