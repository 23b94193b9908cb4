/** The App Home over Socket Mode: an `events_api` envelope of `app_home_opened` publishes the Home too. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/app.js';
import { appHomeOpenedPayload, type FakeSlack, startFakeSlack } from '../support/slack/index.js';

let fake: FakeSlack;
let t: TestBot;

beforeAll(async () => {
  fake = await startFakeSlack();
  t = await startTestBot({ fake, env: { SLACK_APP_TOKEN: fake.identity.appToken, APPROVERS: 'U0APPROVER' } });
  await fake.socket.waitForConnection();
}, 30_000);
afterAll(async () => {
  await t?.stop();
  await fake?.close();
});

describe('App Home over Socket Mode', () => {
  it('app_home_opened on the socket is acked there and publishes the Home of that user', async () => {
    const since = fake.mark();
    const ack = await fake.sendEnvelope({
      type: 'events_api',
      payload: appHomeOpenedPayload({ userId: 'U0APPROVER' }),
    });
    expect(ack.envelope_id).toBeTruthy();
    const published = await fake.waitFor(
      (call) => call.method === 'views.publish' && call.params.user_id === 'U0APPROVER',
      { since, timeoutMs: 15_000 },
    );
    expect((published.params.view as { type: string }).type).toBe('home');
    expect(JSON.stringify(published.params.view)).toMatch(/Your roles\*: viewer, operator, approver/);
  }, 30_000);
});
