/**
 * Where the bot token may be sent. A `file_input` file is downloaded with the bot token, so the URL
 * must be one of Slack's file hosts (commercial or GovSlack) or the host of the configured
 * SLACK_API_URL (a local fake in tests); anything else would hand the token to a stranger.
 */

const EXACT_HOSTS = new Set(['files.slack.com', 'slack-gov.com', 'files.slack-gov.com']);
const HOST_SUFFIXES = ['.slack-edge.com'];

/** null when the bot token may be sent to `url`, else why not. */
export function refuseFileUrl(url: string, apiUrl: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'The file link Slack sent is not a valid URL.';
  }
  const api = safeUrl(apiUrl);
  if (api && parsed.protocol === api.protocol && parsed.host === api.host) return null;
  if (parsed.protocol !== 'https:') return `The file link is not https (${parsed.protocol}); it was not downloaded.`;
  const host = parsed.hostname.toLowerCase();
  if (EXACT_HOSTS.has(host) || HOST_SUFFIXES.some((suffix) => host.endsWith(suffix))) return null;
  return `The file is hosted at ${host}, which is not a Slack file host; it was not downloaded (the bot token is only sent to Slack).`;
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
