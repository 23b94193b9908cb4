import { isValidSlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  blockActionPayload,
  buildSignedRequest,
  FORM_CONTENT_TYPE,
  STALE_AGE_SECONDS,
  slackSignature,
  slackTimestamp,
  slashCommandPayload,
} from '../support/slack/index.js';

const SECRET = 'sign-test-secret';

function boltAccepts(request: { body: string; headers: Record<string, string> }, now = Date.now()): boolean {
  return isValidSlackRequest({
    signingSecret: SECRET,
    body: request.body,
    headers: {
      'x-slack-signature': request.headers['x-slack-signature'] ?? '',
      'x-slack-request-timestamp': Number(request.headers['x-slack-request-timestamp']),
    },
    nowMilliseconds: now,
  });
}

describe('signing', () => {
  it('matches the published v0 example of Slack’s signing docs', () => {
    // The worked example of https://api.slack.com/authentication/verifying-requests-from-slack.
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect(slackSignature('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, body)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('produces requests Bolt’s own verifier accepts, and forgeries and stale ones it rejects', () => {
    const body = new URLSearchParams({ text: 'ä ö ü €' }).toString();
    const good = buildSignedRequest('http://127.0.0.1:1', SECRET, body);
    expect(good.url).toBe('http://127.0.0.1:1/slack/events');
    expect(good.headers['content-type']).toBe(FORM_CONTENT_TYPE);
    expect(boltAccepts(good)).toBe(true);
    expect(boltAccepts(buildSignedRequest('http://127.0.0.1:1', SECRET, body, { forgeSignature: true }))).toBe(false);
    expect(boltAccepts(buildSignedRequest('http://127.0.0.1:1', SECRET, body, { stale: true }))).toBe(false);
    const old = slackTimestamp() - STALE_AGE_SECONDS;
    expect(
      buildSignedRequest('http://127.0.0.1:1', SECRET, body, { timestamp: old }).headers['x-slack-request-timestamp'],
    ).toBe(String(old));
  });

  it('adds Slack’s retry headers when asked', () => {
    const request = buildSignedRequest('http://127.0.0.1:1/custom', SECRET, 'a=1', {
      retryNum: 1,
      retryReason: 'http_timeout',
    });
    expect(request.url).toBe('http://127.0.0.1:1/custom');
    expect(request.headers).toMatchObject({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
  });
});

describe('payload builders', () => {
  it('build a slash command with every field Slack sends', () => {
    const payload = slashCommandPayload({ text: 'licenses', userId: 'U1', channelId: 'C1', responseUrl: 'http://x/r' });
    expect(payload).toMatchObject({
      command: '/vspc',
      team_id: 'T000',
      user_id: 'U1',
      channel_id: 'C1',
      text: 'licenses',
    });
    expect(payload.trigger_id).toMatch(/^\d+\.\d+\.\w+$/);
  });

  it('build block_actions with the message, or without it for an ephemeral one', () => {
    const input = {
      actionId: 'approve',
      value: 'pa-1',
      userId: 'U1',
      channelId: 'C1',
      messageTs: '1.2',
      responseUrl: 'http://x/r',
    };
    const onMessage = blockActionPayload(input);
    expect(onMessage).toMatchObject({
      type: 'block_actions',
      actions: [{ type: 'button', action_id: 'approve', value: 'pa-1', block_id: 'actions' }],
      container: { type: 'message', message_ts: '1.2', channel_id: 'C1', is_ephemeral: false },
      message: { ts: '1.2' },
      response_url: 'http://x/r',
    });
    const onEphemeral = blockActionPayload({ ...input, ephemeral: true });
    expect(onEphemeral).not.toHaveProperty('message');
    expect(onEphemeral.container).toMatchObject({ is_ephemeral: true });
  });
});
