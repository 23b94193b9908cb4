/**
 * response_urls are only ever posted to Slack's own hosts or the configured API base's host
 * (GovSlack, a test fake): a reply can carry data nobody else should receive.
 */
import type { RespondFn } from '@slack/bolt';

const SLACK_DOMAINS = ['slack.com', 'slack-gov.com'];

export function allowedResponseHost(url: string, apiUrl: string): boolean {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
    host = parsed.host.toLowerCase();
    if (parsed.protocol === 'https:' && SLACK_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`))) return true;
  } catch {
    return false;
  }
  return host === new URL(apiUrl).host.toLowerCase();
}

export class ResponseUrlRefusedError extends Error {
  override readonly name = 'ResponseUrlRefusedError';
}

export function guardRespond(respond: RespondFn, responseUrl: string | null | undefined, apiUrl: string): RespondFn {
  if (responseUrl && allowedResponseHost(responseUrl, apiUrl)) return respond;
  return async () => {
    throw new ResponseUrlRefusedError('the response_url is not on a Slack host; not posting to it');
  };
}
