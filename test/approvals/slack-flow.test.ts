/**
 * The Slack side of approvals driven through a real Bolt app: signed clicks and modal submissions
 * against the listeners, the fake Slack recording every Web API call and response_url post.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { register as registerCancel } from '../../src/slack/listeners/actions/cancel-action.js';
import { cardPresenterFor, register as registerConfirm } from '../../src/slack/listeners/actions/confirm-action.js';
import { register as registerInstall } from '../../src/slack/listeners/views/install-license.js';
import { renderActionCard } from '../../src/slack/render/action-card.js';
import {
  boltTestOptions,
  type FakeSlack,
  fileInputValue,
  RESPONSE_URL,
  sendBlockAction,
  sendViewSubmission,
  startFakeSlack,
} from '../support/slack/index.js';
import { bytesOf, XML_LICENSE } from './fixtures/licenses.js';
import { type Harness, startHarness, updateRequest } from './support/harness.js';

const SECRET = 'approvals-signing-secret';
const CHANNEL = 'C0LICENSES';
const UID = '5f1c2a9e-0000-4000-8000-000000000001';
const ctx = { userTimeZone: 'UTC', teamTimeZone: 'UTC', now: new Date() };

let fake: FakeSlack;
let h: Harness;
let app: App;
let appUrl: string;

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.close();
});

beforeEach(async () => {
  h = await startHarness();
  app = new App({ ...boltTestOptions(fake), signingSecret: SECRET });
  const listenerDeps = { approvals: h.service, logger: silentLogger, teamTimeZone: 'UTC' };
  registerConfirm(app, listenerDeps);
  registerCancel(app, listenerDeps);
  registerInstall(app, {
    approvals: h.service,
    access: h.access,
    store: h.store,
    botToken: fake.identity.botToken,
    apiUrl: fake.apiUrl,
    teamTimeZone: 'UTC',
    logger: silentLogger,
  });
  const server = (await app.start(0)) as Server;
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await app.stop();
  await h.close();
});

/** A pending action whose card was posted in the channel with chat.postMessage. */
async function postedCard() {
  const result = await h.service.request(updateRequest());
  if (result.status !== 'created') throw new Error('expected created');
  const card = renderActionCard(result.action, ctx);
  const message = fake.addMessage({ channel: CHANNEL, text: card.text, blocks: card.blocks });
  await h.service.attachCard(result.action.id, CHANNEL, message.ts, null);
  return { action: result.action, ts: message.ts };
}

function click(actionId: 'confirm_action' | 'cancel_action', value: string, userId: string, messageTs: string) {
  return sendBlockAction(appUrl, SECRET, {
    actionId,
    value,
    userId,
    channelId: CHANNEL,
    messageTs,
    responseUrl: fake.responseUrl({ channel: CHANNEL, messageTs }),
  });
}

/** The listener goes on after its ack: wait (bounded) for what it records last. */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const hasButtons = (blocks: unknown[] | undefined) => JSON.stringify(blocks ?? []).includes('confirm_action');

describe('Confirm and Cancel through Bolt', () => {
  it('50 simultaneous signed clicks: one VSPC write, 49 ephemeral refusals, one outcome on the card', async () => {
    // Clicks that arrive while the winner runs hear "already being handled", later ones "already done":
    // the in-process test in service.test.ts pins the first wording; here the fact is that nothing else ran.
    h.backend.delayMs = 300;
    const { action, ts } = await postedCard();
    const since = fake.mark();
    const users = Array.from({ length: 50 }, (_, i) => (i % 2 ? 'UAPPROVER' : 'UAPPROVER2'));
    const answers = await Promise.all(users.map((user) => click('confirm_action', action.id, user, ts)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);

    await fake.waitFor(RESPONSE_URL, { since, count: 49, timeoutMs: 8000 });
    await fake.waitFor('chat.update', {
      since,
      where: (call) => JSON.stringify(call.params.blocks).includes('Done'),
      timeoutMs: 8000,
    });
    expect(h.backend.writes).toEqual([expect.objectContaining({ method: 'updateLicense', requestId: action.id })]);
    const refusals = fake.calls(RESPONSE_URL).filter((call) => call.seq > since);
    expect(refusals).toHaveLength(49);
    for (const refusal of refusals) {
      expect(refusal.params).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(refusal.params.text)).toMatch(/already being handled|already done/);
    }
    const updates = fake.calls('chat.update').filter((call) => call.seq > since);
    expect(updates.map((call) => JSON.stringify(call.params.blocks).includes('Executing'))).toEqual([true, false]);
    const card = fake.message(CHANNEL, ts);
    expect(hasButtons(card?.blocks)).toBe(false);
    expect(JSON.stringify(card?.blocks)).toContain('confirmed by <@UAPPROVER');
    expect(JSON.stringify(card?.blocks)).toContain(action.id);
  });

  it('a refused click gets an ephemeral reason and the card keeps its buttons', async () => {
    const { action, ts } = await postedCard();
    const since = fake.mark();
    await click('confirm_action', action.id, 'UOPERATOR', ts);
    const answer = await fake.waitFor(RESPONSE_URL, { since });
    expect(answer.params).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/Only approvers/) });
    expect(hasButtons(fake.message(CHANNEL, ts)?.blocks)).toBe(true);
    expect(h.backend.writes).toHaveLength(0);
  });

  it('Cancel by the requester replaces the card with "Cancelled"', async () => {
    const { action, ts } = await postedCard();
    const since = fake.mark();
    await click('cancel_action', action.id, 'UOPERATOR', ts);
    await fake.waitFor('chat.update', { since });
    expect(JSON.stringify(fake.message(CHANNEL, ts)?.blocks)).toContain('Cancelled by <@UOPERATOR>');
    expect(hasButtons(fake.message(CHANNEL, ts)?.blocks)).toBe(false);
    expect((await h.store.getAction(action.id))?.status).toBe('cancelled');
  });

  it('a card without a known ts is replaced through the click response_url', async () => {
    const result = await h.service.request(updateRequest());
    if (result.status !== 'created') throw new Error('expected created');
    const card = renderActionCard(result.action, ctx);
    const message = fake.addMessage({ channel: CHANNEL, text: card.text, blocks: card.blocks, ephemeral: true });
    const since = fake.mark();
    await click('confirm_action', result.action.id, 'UAPPROVER', message.ts);
    await fake.waitFor(RESPONSE_URL, { since, count: 2 });
    const posts = fake.calls(RESPONSE_URL).filter((call) => call.seq > since);
    expect(posts.map((call) => call.params.replace_original)).toEqual([true, true]);
    expect(fake.calls('chat.update').filter((call) => call.seq > since)).toHaveLength(0);
    expect(JSON.stringify(fake.message(CHANNEL, message.ts)?.blocks)).toContain('Done');
  });

  it('the sweeper presenter replaces an expired card', async () => {
    const { action, ts } = await postedCard();
    h.clock.advanceMinutes(16);
    const presenterFor = cardPresenterFor(app.client, { logger: silentLogger, teamTimeZone: 'UTC' });
    const expired = await h.store.listExpired(h.clock.now);
    expect(expired.map((a) => a.id)).toEqual([action.id]);
    const presenter = presenterFor({ ...action, messageTs: ts, channel: CHANNEL });
    await presenter?.finished({ ...action, status: 'expired', outcome: 'Expired: nobody confirmed within 15 minutes' });
    expect(JSON.stringify(fake.message(CHANNEL, ts)?.blocks)).toContain('Expired');
  });
});

describe('install modal submission through Bolt', () => {
  const metadata = JSON.stringify({ channel: CHANNEL, kind: 'vbr' });
  const target = {
    type: 'static_select',
    selected_option: { text: { type: 'plain_text', text: `${UID} (Acme Corp)` }, value: UID },
  };

  function submit(userId: string, files: ReturnType<FakeSlack['hostFile']>[]) {
    return sendViewSubmission(appUrl, SECRET, {
      callbackId: 'install_license',
      privateMetadata: metadata,
      userId,
      values: { target: { target: target as never }, file: { file: fileInputValue(...files) } },
    });
  }

  it('stores the file, creates the pending install and posts the card; Confirm sends exactly those bytes', async () => {
    const file = fake.hostFile({ name: 'acme.lic', bytes: XML_LICENSE });
    const since = fake.mark();
    const answer = await submit('UOPERATOR', [file]);
    expect(answer.status).toBe(200);
    const post = await fake.waitFor('chat.postMessage', { since, where: (call) => call.params.channel === CHANNEL });
    expect(JSON.stringify(post.params.blocks)).toContain('Install the license file acme.lic');
    const action = await eventually(async () => {
      const [pending] = await h.store.listActions({ status: ['pending'] });
      return pending?.messageTs ? pending : undefined;
    });
    if (action.operation.op !== 'license.install') throw new Error('expected a pending install');
    expect(action.messageTs).toBe((post.result as { ts: string }).ts);
    expect(JSON.stringify(post.params.blocks)).toContain(action.operation.sha256);

    await click('confirm_action', action.id, 'UAPPROVER', action.messageTs ?? '');
    await fake.waitFor('chat.update', { since, where: (call) => JSON.stringify(call.params.blocks).includes('Done') });
    expect(h.backend.writes).toHaveLength(1);
    expect(Buffer.from(h.backend.writes[0]?.file?.bytes ?? []).equals(Buffer.from(bytesOf(XML_LICENSE)))).toBe(true);
    expect(h.backend.writes[0]?.requestId).toBe(action.id);
  });

  it('a missing file or target is answered in the modal', async () => {
    const noFile = await submit('UOPERATOR', []);
    expect(noFile.json).toMatchObject({ response_action: 'errors', errors: { file: expect.stringMatching(/Attach/) } });
    const file = fake.hostFile({ name: 'acme.lic', bytes: XML_LICENSE });
    const noTarget = await sendViewSubmission(appUrl, SECRET, {
      callbackId: 'install_license',
      privateMetadata: metadata,
      userId: 'UOPERATOR',
      values: {
        target: { target: { type: 'static_select', selected_option: null } },
        file: { file: fileInputValue(file) },
      },
    });
    expect(noTarget.json).toMatchObject({ response_action: 'errors', errors: { target: expect.any(String) } });
    expect(await h.store.listActions({})).toHaveLength(0);
  });

  it('a viewer is refused in the modal and nothing is downloaded', async () => {
    const file = fake.hostFile({ name: 'acme.lic', bytes: XML_LICENSE });
    const before = fake.downloads().length;
    const answer = await submit('UVIEWER', [file]);
    expect(answer.json).toMatchObject({
      response_action: 'errors',
      errors: { file: expect.stringMatching(/not allowed/) },
    });
    expect(fake.downloads().length).toBe(before);
  });

  it('a file hosted elsewhere is refused in the modal', async () => {
    const file = {
      ...fake.hostFile({ name: 'acme.lic', bytes: XML_LICENSE }),
      url_private_download: 'https://evil.example.com/acme.lic',
    };
    const answer = await submit('UOPERATOR', [file]);
    expect(answer.json).toMatchObject({
      response_action: 'errors',
      errors: { file: expect.stringMatching(/not a Slack file host/) },
    });
  });

  it('a 2 MB file is refused in the modal', async () => {
    const file = fake.hostFile({ name: 'big.lic', bytes: Buffer.alloc(2 * 1024 * 1024, 0x41) });
    const answer = await submit('UOPERATOR', [file]);
    expect(answer.json).toMatchObject({
      response_action: 'errors',
      errors: { file: expect.stringMatching(/larger than 1 MB/) },
    });
  });

  it('a file that is not a Veeam license reaches the uploader as an ephemeral message; nothing is created', async () => {
    const file = fake.hostFile({ name: 'notes.lic', bytes: 'just some notes\nnothing else\n' });
    const since = fake.mark();
    await submit('UOPERATOR', [file]);
    const answer = await fake.waitFor('chat.postEphemeral', { since });
    expect(answer.params).toMatchObject({ channel: CHANNEL, user: 'UOPERATOR' });
    expect(String(answer.params.text)).toMatch(/not accepted: The file does not look like a Veeam license/);
    expect(await h.store.listActions({})).toHaveLength(0);
  });
});
