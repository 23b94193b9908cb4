/** Slack's v0 request signature, computed over the exact bytes that are sent. */
import { createHmac } from 'node:crypto';

/** Seconds since the epoch, as Slack puts in `x-slack-request-timestamp`. */
export function slackTimestamp(at: number = Date.now()): number {
  return Math.floor(at / 1000);
}

/** Bolt rejects timestamps more than 5 minutes old; this is safely past that. */
export const STALE_AGE_SECONDS = 6 * 60;

/** `v0=` + hex HMAC-SHA256(signingSecret, `v0:{timestamp}:{body}`). */
export function slackSignature(signingSecret: string, timestamp: number | string, body: string | Buffer): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(body);
  return `v0=${hmac.digest('hex')}`;
}
