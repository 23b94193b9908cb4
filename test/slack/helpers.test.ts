/** The small pieces around the listeners: time zone cache, redelivery memory, response_url hosts. */
import { describe, expect, it } from 'vitest';
import type { WebClient } from '../../src/slack/deliver/surface.js';
import { createRecentCommands } from '../../src/slack/recent-commands.js';
import { allowedResponseHost } from '../../src/slack/response-url-guard.js';
import { createUserTimeZones } from '../../src/slack/user-time-zones.js';

function clientAnswering(answer: () => Promise<unknown>) {
  const calls: string[] = [];
  const client = {
    users: {
      info: async ({ user }: { user: string }) => {
        calls.push(user);
        return answer();
      },
    },
  } as unknown as WebClient;
  return { client, calls };
}

describe('user time zones', () => {
  it('asks Slack once per user within the TTL, then again', async () => {
    let now = 0;
    const zones = createUserTimeZones({ ttlMs: 1000, clock: () => new Date(now) });
    const { client, calls } = clientAnswering(async () => ({ ok: true, user: { tz: 'Asia/Tokyo' } }));
    expect(await zones.of(client, 'U1', 'UTC')).toBe('Asia/Tokyo');
    expect(await zones.of(client, 'U1', 'UTC')).toBe('Asia/Tokyo');
    expect(calls).toEqual(['U1']);
    now = 2000;
    await zones.of(client, 'U1', 'UTC');
    expect(calls).toEqual(['U1', 'U1']);
  });

  it('falls back to the team zone when Slack fails or has no tz', async () => {
    const zones = createUserTimeZones();
    const failing = clientAnswering(async () => {
      throw new Error('user_not_found');
    });
    expect(await zones.of(failing.client, 'U2', 'Europe/Berlin')).toBe('Europe/Berlin');
    const empty = clientAnswering(async () => ({ ok: true, user: {} }));
    expect(await zones.of(empty.client, 'U3', 'Europe/Berlin')).toBe('Europe/Berlin');
  });
});

describe('recent commands', () => {
  it('recognises a redelivery of the same invocation and forgets it after ten minutes', () => {
    let now = 0;
    const recent = createRecentCommands(() => new Date(now));
    const command = { userId: 'U1', channelId: 'C1', text: 'licenses', triggerId: 't1' };
    expect(recent.firstSighting(command)).toBe(true);
    expect(recent.firstSighting(command)).toBe(false);
    expect(recent.firstSighting({ ...command, triggerId: 't2' })).toBe(true);
    now = 11 * 60_000;
    expect(recent.firstSighting(command)).toBe(true);
  });
});

describe('response_url hosts', () => {
  const api = 'http://127.0.0.1:4000/api/';
  it.each([
    ['https://hooks.slack.com/commands/T1/1/abc', true],
    ['https://hooks.slack-gov.com/commands/T1/1/abc', true],
    ['http://127.0.0.1:4000/response/r1', true],
    ['http://hooks.slack.com/commands/T1/1/abc', false],
    ['https://hooks.slack.com.evil.example/x', false],
    ['https://evil.example/slack.com', false],
    ['http://127.0.0.1:4001/response/r1', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(allowedResponseHost(url, api)).toBe(allowed);
  });
});
