/**
 * The least a Bolt app can do for a slash command: Bolt's own App and HTTPReceiver (as the bot
 * builds them: `src/slack/bolt-parts.ts`, response after ack, no conversation store), one command listener that only
 * acks, and a bare `/healthz` route. The bench measures it like the bot, for the floor of the
 * ack ÷ healthz ratio under Bolt's verification and ack bookkeeping. Prints `PORT n` when listening.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, LogLevel } from '../../src/slack/bolt-parts.js';

const receiver = new HTTPReceiver({
  signingSecret: process.env.BENCH_SIGNING_SECRET ?? '',
  endpoints: ['/slack/events'],
  customRoutes: [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":"alive"}');
      },
    },
  ],
  processBeforeResponse: false,
  logLevel: LogLevel.ERROR,
});
const app = new App({
  token: 'xoxb-bench',
  receiver,
  botId: 'B0BENCH',
  botUserId: 'U0BENCHBOT',
  tokenVerificationEnabled: false,
  deferInitialization: true,
  // As the bot: no conversation store (Bolt's default builds an Error per request for nothing).
  convoStore: false,
  logLevel: LogLevel.ERROR,
});
app.command('/vspc', async ({ ack }) => {
  await ack();
});
await app.init();
const server = (await receiver.start(0)) as Server;
console.log(`PORT ${(server.address() as AddressInfo).port}`);
