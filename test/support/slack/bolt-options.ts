/** The Bolt App options every test app should get when it talks to the fake. */
import type { AppOptions } from '@slack/bolt';
import { type CapturingLogger, capturingBoltLogger } from './bolt-logger.js';
import type { FakeSlack } from './fake-slack.js';

/**
 * `retries: 0` so a failing call fails at once instead of retrying for ~30 minutes (and so Socket
 * Mode does not write its own `{ retries: 100 }` into these shared options).
 */
export function fakeClientOptions(fake: FakeSlack): NonNullable<AppOptions['clientOptions']> {
  return { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } };
}

/**
 * Token, bot ids (so Bolt skips auth.test), a capturing logger and the client options. Add
 * `signingSecret` for HTTP mode, or `socketMode: true, appToken: fake.identity.appToken`.
 */
export function boltTestOptions(
  fake: FakeSlack,
  logger: CapturingLogger = capturingBoltLogger(),
): AppOptions & { logger: CapturingLogger } {
  const { botToken, botId, botUserId } = fake.identity;
  return { token: botToken, botId, botUserId, logger, clientOptions: fakeClientOptions(fake) };
}
