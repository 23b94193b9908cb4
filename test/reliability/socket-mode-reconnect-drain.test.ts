/**
 * Slack recycles each Socket Mode connection every few hours: it sends `disconnect`, and the client
 * asks `apps.connections.open` for a new URL. A SIGTERM that lands while that request is under way
 * used to leave the bot with a fresh socket opened after its drain — new envelopes taken by a
 * process that is closing its store. The bot now closes such a socket at once.
 */
import { afterEach, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/app.js';
import { type FakeSlack, slashCommandPayload, startFakeSlack } from '../support/slack/index.js';
import { eventually } from './support/eventually.js';

let t: TestBot | undefined;
let fake: FakeSlack | undefined;
afterEach(async () => {
  await t?.stop();
  await fake?.close();
});

it('a drain that begins while Socket Mode reconnects leaves no socket open', { timeout: 60_000 }, async () => {
  fake = await startFakeSlack();
  const slack = fake;
  t = await startTestBot({ fake: slack, env: { APPROVERS: 'U0APPROVER', SLACK_APP_TOKEN: slack.identity.appToken } });
  const bot = t;
  await slack.socket.waitForConnection();

  let asked = false;
  let answer = () => {};
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  slack.failNext('apps.connections.open', {
    until: () => {
      asked = true;
      return answered;
    },
  });
  // The client asks for a new URL after its ping timeout (5 s); that request is held here.
  slack.socket.sendDisconnect('refresh_requested');
  await eventually(() => (asked ? true : undefined), { timeoutMs: 20_000, what: 'the client to ask for a new URL' });

  // SIGTERM's path starts (its first steps run at once), then Slack answers with the new URL.
  const stopping = bot.bot.stop();
  answer();
  await stopping;
  await eventually(() => (slack.socket.connections === 2 ? true : undefined), {
    timeoutMs: 20_000,
    what: 'the client to open the socket it was given',
  });
  await eventually(() => (slack.socket.open === 0 ? true : undefined), {
    timeoutMs: 20_000,
    what: 'the socket opened while draining to be closed again',
  });
  await expect(
    slack.sendEnvelope({
      type: 'slash_commands',
      payload: slashCommandPayload({
        text: 'licenses',
        userId: 'U0APPROVER',
        channelId: 'C0X',
        responseUrl: slack.responseUrl(),
      }),
    }),
  ).rejects.toThrow(/no open Socket Mode connection/);
});
