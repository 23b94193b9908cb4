import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeSlack,
  fileInputValue,
  RESPONSE_URL,
  replayRequest,
  sendBlockAction,
  sendSlashCommand,
  sendViewSubmission,
  startFakeSlack,
} from '../support/slack/index.js';
import { CSV_BYTES, type RunningApp, SIGNING_SECRET, startMinimalBoltApp } from './minimal-bolt-app.js';

let fake: FakeSlack;
let bolt: RunningApp;

beforeAll(async () => {
  fake = await startFakeSlack();
  bolt = await startMinimalBoltApp(fake);
});

afterAll(async () => {
  await bolt?.stop();
  await fake?.close();
});

function command(text: string, responseUrl = fake.responseUrl()) {
  return { text, userId: 'U0ALICE', channelId: 'C0LICENSES', responseUrl };
}

describe('a real Bolt app in HTTP mode, driven through the harness', () => {
  it('acks a signed slash command and its respond() and chat.postMessage reach the fake', async () => {
    const responseUrl = fake.responseUrl();
    const since = fake.mark();
    const answer = await sendSlashCommand(bolt.url, SIGNING_SECRET, command('licenses', responseUrl));
    expect(answer.status).toBe(200);

    await fake.waitFor(RESPONSE_URL, { since });
    expect(fake.responses(responseUrl)).toEqual([
      expect.objectContaining({ status: 200, body: expect.objectContaining({ text: 'working on: licenses' }) }),
    ]);
    const post = await fake.waitFor('chat.postMessage', { since });
    expect(post.token).toBe(fake.identity.botToken);
    expect(post.params).toMatchObject({ channel: 'C0LICENSES', text: 'License card', team_id: 'T000' });
    expect(post.result).toMatchObject({ ok: true, channel: 'C0LICENSES' });
    const stored = fake.messages('C0LICENSES').at(-1);
    expect(stored?.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*Acme* 12 units' } }]);
  });

  it('makes no auth.test call when botId and botUserId are given', () => {
    expect(fake.calls('auth.test')).toEqual([]);
  });

  it('answers 401 to a forged signature, a wrong signature and a stale timestamp, and runs no listener', async () => {
    const before = bolt.commandsSeen.length;
    const forged = await sendSlashCommand(bolt.url, SIGNING_SECRET, command('forged'), { forgeSignature: true });
    const garbage = await sendSlashCommand(bolt.url, SIGNING_SECRET, command('garbage'), { signature: 'v0=00' });
    const stale = await sendSlashCommand(bolt.url, SIGNING_SECRET, command('stale'), { stale: true });
    expect([forged.status, garbage.status, stale.status]).toEqual([401, 401, 401]);
    expect(bolt.commandsSeen.length).toBe(before);
  });

  it('shows why the content type must carry no charset: Bolt then fails to parse the form', async () => {
    const answer = await sendSlashCommand(bolt.url, SIGNING_SECRET, command('charset'), {
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
    });
    expect(answer.status).toBe(400);
  });

  it('replays identical bytes, and Bolt itself accepts the replay: the app must dedupe', async () => {
    const capture = await startCaptureServer();
    try {
      const first = await sendSlashCommand(capture.url, SIGNING_SECRET, command('replay-me'));
      await replayRequest(first);
      const [a, b] = capture.requests;
      expect(b?.body).toEqual(a?.body);
      expect(b?.headers['x-slack-signature']).toBe(a?.headers['x-slack-signature']);
      expect(b?.headers['x-slack-request-timestamp']).toBe(a?.headers['x-slack-request-timestamp']);
      expect(a?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    } finally {
      await capture.close();
    }

    const original = await sendSlashCommand(bolt.url, SIGNING_SECRET, command('twice'));
    const replayed = await replayRequest(original);
    expect([original.status, replayed.status]).toEqual([200, 200]);
    expect(bolt.commandsSeen.filter((text) => text === 'twice')).toHaveLength(2);
  });

  it('carries the bytes of files.uploadV2 intact and shares the file in the channel', async () => {
    const since = fake.mark();
    await sendSlashCommand(bolt.url, SIGNING_SECRET, command('csv'));
    await fake.waitFor('files.completeUploadExternal', { since });
    const upload = fake.uploads().at(-1);
    expect(upload).toMatchObject({ name: 'usage.csv', channel: 'C0LICENSES', completed: true });
    expect(upload?.declaredLength).toBe(CSV_BYTES.length);
    expect(upload?.bytes?.equals(CSV_BYTES)).toBe(true);
    expect(fake.calls('file_upload').at(-1)?.token).toBe(fake.identity.botToken);
  });

  it('lets a button replace the message it was on through its response_url', async () => {
    const card = fake.addMessage({
      channel: 'C0LICENSES',
      text: 'Approve?',
      blocks: [{ type: 'actions', elements: [] }],
    });
    const responseUrl = fake.responseUrl({ channel: card.channel, messageTs: card.ts });
    const since = fake.mark();
    const answer = await sendBlockAction(bolt.url, SIGNING_SECRET, {
      actionId: 'approve',
      value: 'pa-1',
      userId: 'U0BOB',
      channelId: card.channel,
      messageTs: card.ts,
      responseUrl,
      message: { text: 'Approve?' },
    });
    expect(answer.status).toBe(200);
    await fake.waitFor(RESPONSE_URL, { since });
    expect(fake.message(card.channel, card.ts)).toMatchObject({
      text: 'approved by <@U0BOB>',
      blocks: undefined,
      updates: 1,
    });
  });

  it('serves a file_input file to the app with the bot token, and the view listener reads it', async () => {
    const file = fake.hostFile({ name: 'license.lic', bytes: 'LICENSE-BYTES' });
    const since = fake.mark();
    const answer = await sendViewSubmission(bolt.url, SIGNING_SECRET, {
      callbackId: 'upload_license',
      privateMetadata: 'C0LICENSES',
      values: { license: { file: fileInputValue(file) } },
      userId: 'U0ALICE',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('');
    const post = await fake.waitFor('chat.postMessage', { since });
    expect(post.params.text).toBe('received license.lic: 13 bytes');
    expect(fake.downloads().at(-1)).toMatchObject({ fileId: file.id, token: fake.identity.botToken, authorized: true });
  });

  it('returns Bolt’s validation errors from a view submission as JSON', async () => {
    const answer = await sendViewSubmission(bolt.url, SIGNING_SECRET, {
      callbackId: 'upload_license',
      values: { license: { file: fileInputValue() } },
      userId: 'U0ALICE',
    });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ response_action: 'errors', errors: { license: 'attach a file' } });
  });
});

interface Captured {
  body: string;
  headers: IncomingMessage['headers'];
}

/** Records raw requests, to prove the replay helper resends identical bytes. */
async function startCaptureServer(): Promise<{ url: string; requests: Captured[]; close(): Promise<void> }> {
  const requests: Captured[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
