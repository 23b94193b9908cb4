/** The same `/vspc` command over Socket Mode: ack on the socket, answer through the response_url. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, RESPONSE_URL, slashCommandPayload, startFakeSlack } from '../support/slack/index.js';
import { license, uid } from './support/fixtures.js';
import { createMemoryBackend } from './support/memory-backend.js';
import { startTestApp, type TestApp } from './support/start-app.js';

let fake: FakeSlack;
let app: TestApp;

beforeAll(async () => {
  fake = await startFakeSlack();
  const backend = createMemoryBackend({ licenses: [license(7, { company: 'Gamma GmbH' })] });
  app = await startTestApp({ backend, fake, socketMode: true, skipIds: true });
  await fake.socket.waitForConnection();
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

describe('Socket Mode', () => {
  it('acks a /vspc envelope on the socket and delivers the licenses', async () => {
    const responseUrl = fake.responseUrl();
    const since = fake.mark();
    const ack = await fake.sendEnvelope({
      type: 'slash_commands',
      payload: slashCommandPayload({ text: 'licenses vbr', userId: 'U0ALICE', channelId: 'C0LIC', responseUrl }),
    });
    expect(ack.envelope_id).toBeTruthy();
    const answer = await fake.waitFor(RESPONSE_URL, { since });
    const all = JSON.stringify(answer.params.blocks);
    expect(all).toContain(uid(7).slice(0, 8));
    expect(all).toContain('Gamma GmbH');
    // Without known ids the app asked Slack who it is, once, at start.
    expect(fake.calls('auth.test')).toHaveLength(1);
  });

  it('serves /healthz on its own port', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
