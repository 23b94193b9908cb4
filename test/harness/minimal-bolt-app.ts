/**
 * The smallest real Bolt app that exercises what the harness must carry: a /vspc command that acks,
 * calls respond(), chat.postMessage and files.uploadV2; a button; a modal with a file_input.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { boltTestOptions, type CapturingLogger, type FakeSlack } from '../support/slack/index.js';

export const SIGNING_SECRET = 'harness-signing-secret';
export const CSV_BYTES = Buffer.concat([
  Buffer.from('company;units\nAcme;12\n', 'utf8'),
  Buffer.from([0, 0xff, 0xfe, 0x80]),
]);

export interface RunningApp {
  app: App;
  url: string;
  logger: CapturingLogger;
  /** Slash command texts the listener saw, in order (to count replays). */
  commandsSeen: string[];
  stop(): Promise<void>;
}

export async function startMinimalBoltApp(fake: FakeSlack): Promise<RunningApp> {
  const options = boltTestOptions(fake);
  const app = new App({ ...options, signingSecret: SIGNING_SECRET });
  const commandsSeen: string[] = [];

  app.command('/vspc', async ({ ack, respond, client, command }) => {
    await ack();
    commandsSeen.push(command.text);
    if (command.text === 'csv') {
      await client.files.uploadV2({ channel_id: command.channel_id, filename: 'usage.csv', file: CSV_BYTES });
      return;
    }
    await respond({ text: `working on: ${command.text}` });
    await client.chat.postMessage({
      channel: command.channel_id,
      text: 'License card',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Acme* 12 units' } }],
    });
  });

  app.action('approve', async ({ ack, respond, body }) => {
    await ack();
    await respond({ replace_original: true, text: `approved by <@${body.user.id}>` });
  });

  app.view('upload_license', async ({ ack, view, client, context }) => {
    const file = view.state.values.license?.file?.files?.[0];
    if (!file) return ack({ response_action: 'errors', errors: { license: 'attach a file' } });
    const download = await fetch(file.url_private_download, {
      headers: { authorization: `Bearer ${context.botToken}` },
    });
    if (download.headers.get('content-type')?.startsWith('text/html')) {
      return ack({ response_action: 'errors', errors: { license: 'Slack did not hand out the file' } });
    }
    const bytes = Buffer.from(await download.arrayBuffer());
    await ack();
    await client.chat.postMessage({
      channel: view.private_metadata,
      text: `received ${file.name}: ${bytes.length} bytes`,
    });
  });

  const server = (await app.start(0)) as Server;
  const { port } = server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    logger: options.logger,
    commandsSeen,
    stop: () => app.stop().then(() => undefined),
  };
}
