/**
 * What the ack benches share: the burst size, the signing secret, and a signed `/vspc` command as
 * Slack sends it (form body, `x-slack-signature`), so the bot and the bare Bolt app get the same bytes.
 */
import { buildSignedRequest, slashCommandPayload } from '../../test/support/slack/index.js';

export const BURST = 100;
export const SIGNING_SECRET = 'bench-signing-secret-0123456789abcdef';

export interface SlashCommand {
  /** Where the app takes Slack's requests (the bot's root, the bare app's /slack/events). */
  url: string;
  text: string;
  user: string;
  responseUrl: string;
}

export function signedSlashCommand(command: SlashCommand) {
  const payload = slashCommandPayload({
    text: command.text,
    userId: command.user,
    channelId: 'C0BENCH',
    responseUrl: command.responseUrl,
  });
  const fields = Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, String(value)]));
  return buildSignedRequest(command.url, SIGNING_SECRET, new URLSearchParams(fields).toString());
}
