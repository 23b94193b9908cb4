/**
 * Slack misbehaving: chat.update rate-limited (the bot waits as long as Retry-After says, then
 * succeeds), an expired response_url (the answer comes as an ephemeral message instead), and a
 * trigger_id that expired before the upload form could open (the person is told to run it again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uidOf } from '../../src/simulator/kinds.js';
import { DEFAULT_CHANNEL, startTestBot, type TestBot } from '../support/app.js';
import { RESPONSE_URL, sendSlashCommand } from '../support/slack/index.js';
import { messageText } from './support/cards.js';
import { eventually } from './support/eventually.js';
import { requestAndConfirm } from './support/write-flow.js';

const APPROVER = 'U0APPROVER';
let t: TestBot;

beforeAll(async () => {
  // Two quick retries: enough to show a rate-limited call is retried after Retry-After.
  t = await startTestBot({
    env: { APPROVERS: APPROVER },
    slackRetryConfig: { retries: 2, minTimeout: 10, maxTimeout: 50, factor: 2, randomize: false },
  });
});
afterAll(async () => {
  await t?.stop();
});

describe('Slack faults', () => {
  it('chat.update answered 429 ratelimited: retried no sooner than Retry-After, the card still ends', async () => {
    const license = t.sim.state.list('vbr')[3];
    if (!license) throw new Error('no license');
    const since = t.fake.mark();
    t.fake.failNext('chat.update', { error: 'ratelimited', status: 429, retryAfter: 1 });
    const outcome = await requestAndConfirm(t, `license update vbr ${uidOf(license)}`, {
      user: APPROVER,
      channel: 'C0RATE',
    });
    expect(outcome.final).toMatch(/Done/);
    const updates = t.fake.calls('chat.update').filter((call) => call.seq > since);
    const limited = updates.find((call) => call.status === 429);
    expect(limited).toBeDefined();
    const retried = updates.find((call) => call.seq > (limited?.seq ?? 0));
    expect(retried?.params.ts).toBe(limited?.params.ts);
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(t.sim.writes().filter((write) => write.requestId === outcome.card?.actionId)).toHaveLength(1);
  });

  it('an expired response_url: the answer arrives as an ephemeral message to the same person', async () => {
    const responseUrl = t.fake.responseUrl();
    t.fake.expireResponseUrl(responseUrl);
    const since = t.fake.mark();
    const answer = await sendSlashCommand(t.url, t.secret, {
      text: 'whoami',
      userId: APPROVER,
      channelId: DEFAULT_CHANNEL,
      responseUrl,
    });
    expect(answer.status).toBe(200);
    const ephemeral = await t.fake.waitFor('chat.postEphemeral', { since, timeoutMs: 5000 });
    expect(ephemeral.params).toMatchObject({ channel: DEFAULT_CHANNEL, user: APPROVER });
    expect(messageText(ephemeral.params)).toMatch(/approver/i);
    const refused = t.fake.calls(RESPONSE_URL).filter((call) => call.seq > since);
    expect(refused.every((call) => call.status === 404)).toBe(true);
  });

  it('views.open with an expired trigger: no form, and a clear "run it again"', async () => {
    const triggerId = 'T-EXPIRED-INSTALL';
    t.fake.expireTrigger(triggerId);
    const responseUrl = t.fake.responseUrl();
    const since = t.fake.mark();
    const answer = await sendSlashCommand(t.url, t.secret, {
      text: 'license install vbr',
      userId: APPROVER,
      channelId: DEFAULT_CHANNEL,
      responseUrl,
      triggerId,
    });
    expect(answer.status).toBe(200);
    const told = await eventually(
      () =>
        t.fake
          .calls()
          .find(
            (call) =>
              call.seq > since &&
              (call.method === RESPONSE_URL || call.method === 'chat.postEphemeral') &&
              call.status === 200,
          ),
      { timeoutMs: 5000, what: 'an answer about the form' },
    );
    expect(messageText(told.params)).toMatch(/again/i);
    expect(messageText(told.params)).toContain('/vspc license install vbr');
    const opened = t.fake.calls('views.open').filter((call) => call.seq > since);
    expect(opened.every((call) => (call.result as { ok?: boolean }).ok === false)).toBe(true);
    expect(t.fake.views()).toEqual([]);
  });
});
