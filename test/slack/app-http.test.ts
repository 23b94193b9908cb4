/**
 * The real app over HTTP, driven by signed requests, answering through the loopback fake of
 * Slack, over an in-memory backend that is slow on purpose.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { VspcServerError } from '../../src/vspc/errors.js';
import {
  type FakeSlack,
  RESPONSE_URL,
  sendBlockAction,
  sendSlashCommand,
  startFakeSlack,
} from '../support/slack/index.js';
import { license, uid } from './support/fixtures.js';
import { createMemoryBackend, type MemoryBackend } from './support/memory-backend.js';
import { SIGNING_SECRET, startTestApp, type TestApp } from './support/start-app.js';

const CHANNEL = 'C0LIC';
const USER = 'U0ALICE';
const DAY = 86_400_000;

let fake: FakeSlack;
let backend: MemoryBackend;
let app: TestApp;

function idOf(url: string): string {
  return decodeURIComponent(url.split('/').pop() ?? '');
}

function inDays(days: number): string {
  return new Date(Date.now() + days * DAY + 3_600_000).toISOString();
}

beforeAll(async () => {
  fake = await startFakeSlack({ users: [{ id: USER, tz: 'America/New_York' }] });
  backend = createMemoryBackend({
    licenses: [
      license(1, { company: 'Acme Corp', expirationDate: inDays(12) }),
      license(2, { company: 'Acme Corp', expirationDate: inDays(40) }),
      license(3, { company: 'Beta Ltd', expirationDate: inDays(-3), status: 'Expired' }),
      ...Array.from({ length: 25 }, (_, i) => license(100 + i, { kind: 'vone', expirationDate: inDays(50 + i) })),
      license(200, { kind: 'vb365', company: 'Delta AG' }),
    ],
  });
  app = await startTestApp({ backend, fake });
});

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

beforeEach(() => {
  backend.delayMs = 0;
  backend.failWith = null;
});

async function command(
  text: string,
  options: { userId?: string; channelId?: string; triggerId?: string; stale?: boolean; forge?: boolean } = {},
) {
  const responseUrl = fake.responseUrl();
  const since = fake.mark();
  const response = await sendSlashCommand(
    app.url,
    SIGNING_SECRET,
    {
      text,
      userId: options.userId ?? USER,
      channelId: options.channelId ?? CHANNEL,
      responseUrl,
      ...(options.triggerId ? { triggerId: options.triggerId } : {}),
    },
    { ...(options.stale ? { stale: true } : {}), ...(options.forge ? { forgeSignature: true } : {}) },
  );
  return { response, responseUrl, since };
}

/** Sends a command and returns its answer's text and blocks as one searchable string. */
async function ask(text: string, options: { userId?: string } = {}) {
  const { response, responseUrl, since } = await command(text, options);
  expect(response.status).toBe(200);
  const answer = await answerTo(responseUrl, since);
  return { answer, all: `${answer.text ?? ''} ${JSON.stringify(answer.blocks)}` };
}

async function answerTo(responseUrl: string, since: number) {
  const call = await fake.waitFor((c) => c.method === RESPONSE_URL && c.target === idOf(responseUrl), {
    since,
  });
  return call.params as { text?: string; blocks?: unknown[]; response_type?: string };
}

describe('/vspc over HTTP', () => {
  it('acks with 200 before a slow VSPC answers, then delivers the licenses', async () => {
    backend.delayMs = 1500;
    const { response, responseUrl, since } = await command('licenses vbr');
    const ackedAt = Date.now();
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    const answer = await answerTo(responseUrl, since);
    // The ack came back before the backend's read finished.
    const read = backend.finished.find((f) => f.call === 'listLicenses vbr');
    expect(read).toBeDefined();
    expect(ackedAt).toBeLessThan(read?.at ?? 0);
    expect(answer.response_type).toBe('ephemeral');
    const blocks = JSON.stringify(answer.blocks);
    expect(blocks).toContain(uid(1).slice(0, 8));
    expect(blocks).toContain(uid(3).slice(0, 8));
    expect(blocks).toContain('12 days left');
    expect(blocks).toContain('expired 3 days ago');
    expect(blocks).toContain('3 licenses');
  });
});

describe('read commands deliver what the backend holds', () => {
  it("license <kind> <uid> shows the detail card with days left, dates in the user's zone and its buttons", async () => {
    const { all, answer } = await ask(`license vbr ${uid(1)}`);
    expect(all).toContain(uid(1));
    expect(all).toContain('Acme Corp');
    expect(all).toContain('12 days left');
    expect(all).toContain('America/New_York');
    const buttons = (answer.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    expect(buttons.length).toBeGreaterThan(0);
    for (const button of buttons) {
      expect(button.action_id).toMatch(/^run_command/);
      expect(button.value).toContain(uid(1));
    }
  });

  it("report <id> csv uploads a file whose bytes equal the backend's CSV", async () => {
    const before = fake.uploads().length;
    const { response } = await command('report 1042 csv');
    expect(response.status).toBe(200);
    await fake.waitFor('files.completeUploadExternal');
    const uploads = fake.uploads();
    expect(uploads.length).toBe(before + 1);
    const upload = uploads.at(-1);
    expect(upload?.channel).toBe(CHANNEL);
    expect(upload?.name).toBe('license-usage-1042.csv');
    expect(Buffer.compare(upload?.bytes ?? Buffer.alloc(0), Buffer.from(backend.csv))).toBe(0);
  });

  it("a VSPC failure answers with VSPC's error code and the request id, never silence", async () => {
    backend.failWith = new VspcServerError('VSPC GET /licenses answered HTTP 520', {
      status: 520,
      errors: [{ message: 'Unknown error occurred', type: 'error', code: 1000 }],
      endpoint: 'GET /api/v3/licensing/backupServers',
      requestId: 'req-7f3e',
    });
    // Reports are read fresh each time (licenses come from the short-lived inventory cache).
    const { all } = await ask('reports');
    expect(all).toContain('1000');
    expect(all).toContain('req-7f3e');
    expect(all).toContain('520');
  });
});

describe('bad input gets a clear answer and the app stays up', () => {
  it.each([
    ['garbage', 'fnord blargh', /did you mean|help/i],
    ['an unknown target', 'license vbr Nonexistent Company', /No .* license matches/],
    ['a 10 kB paste', 'licenses '.concat('x'.repeat(10_000)), /./],
  ])('%s', async (_name, text, expected) => {
    const { all } = await ask(text);
    expect(all).toMatch(expected);
    const next = await ask('licenses vbr');
    expect(next.all).toContain(uid(2).slice(0, 8));
  });

  it('an ambiguous company gets a picker whose buttons carry the full UIDs', async () => {
    const { answer } = await ask('license vbr Acme Corp');
    const elements = (answer.blocks as { type: string; block_id?: string; elements?: { value?: string }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements ?? []);
    const values = elements.map((e) => e.value);
    expect(values).toEqual(expect.arrayContaining([expect.stringContaining(uid(1)), expect.stringContaining(uid(2))]));
    expect(values).not.toEqual(expect.arrayContaining([expect.stringContaining(uid(3))]));
  });
});

describe('request authenticity and redelivery', () => {
  it('a forged signature gets 401 and nothing runs', async () => {
    const calls = backend.calls.length;
    const { response, responseUrl } = await command('licenses vbr', { forge: true });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(backend.calls.length).toBe(calls);
    expect(fake.responses(responseUrl)).toEqual([]);
  });

  it('a timestamp older than 5 minutes gets 401 and nothing runs', async () => {
    const calls = backend.calls.length;
    const { response, responseUrl } = await command('licenses vbr', { stale: true });
    expect(response.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(backend.calls.length).toBe(calls);
    expect(fake.responses(responseUrl)).toEqual([]);
  });

  it('a Slack retry (X-Slack-Retry-Num: 1) of a command is acked and not run twice', async () => {
    const responseUrl = fake.responseUrl();
    const input = {
      text: `license vbr ${uid(3)}`,
      userId: USER,
      channelId: CHANNEL,
      responseUrl,
      triggerId: 'trig-retry-1',
    };
    const first = await sendSlashCommand(app.url, SIGNING_SECRET, input);
    const retry = await sendSlashCommand(app.url, SIGNING_SECRET, input, { retryNum: 1, retryReason: 'http_timeout' });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    await fake.waitFor((c) => c.method === RESPONSE_URL && c.target === idOf(responseUrl));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.responses(responseUrl)).toHaveLength(1);
    const audit = await app.store.listAudit(50);
    expect(audit.filter((e) => e.what === `license vbr ${uid(3)}`)).toHaveLength(1);
  });
});

describe('health', () => {
  it('/healthz answers 200; /readyz 503 until ready, then 200', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    app.readiness.ready = false;
    const notReady = await fetch(`${app.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not ready' });
    app.readiness.ready = true;
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });
});

describe('buttons that run commands', () => {
  it('a Next page click replaces the page it was on with the next one', async () => {
    {
      const { answer } = await ask('licenses vone');
      const next = (
        answer.blocks as { type: string; block_id?: string; elements?: { action_id: string; value: string }[] }[]
      )
        .filter((b) => b.type === 'actions' && b.block_id === 'paging')
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.value.includes('--page 2'));
      expect(next).toBeDefined();
      const message = fake.addMessage({ channel: CHANNEL, text: 'page 1', ephemeral: true });
      const responseUrl = fake.responseUrl({ channel: CHANNEL, messageTs: message.ts });
      const since = fake.mark();
      const click = await sendBlockAction(app.url, SIGNING_SECRET, {
        actionId: next?.action_id ?? '',
        value: next?.value ?? '',
        blockId: 'paging',
        userId: USER,
        channelId: CHANNEL,
        messageTs: message.ts,
        responseUrl,
        ephemeral: true,
      });
      expect(click.status).toBe(200);
      const page2 = await answerTo(responseUrl, since);
      expect((page2 as { replace_original?: boolean }).replace_original).toBe(true);
      expect(JSON.stringify(page2.blocks)).toContain('showing 21–25 of 25 licenses');
      expect(JSON.stringify(page2.blocks)).toContain(uid(124).slice(0, 8));
    }
  });

  it('a button whose value no longer parses says so', async () => {
    const responseUrl = fake.responseUrl();
    const since = fake.mark();
    const click = await sendBlockAction(app.url, SIGNING_SECRET, {
      actionId: 'run_command:0',
      value: 'frobnicate everything',
      userId: USER,
      channelId: CHANNEL,
      messageTs: '1700000000.000100',
      responseUrl,
    });
    expect(click.status).toBe(200);
    const answer = await answerTo(responseUrl, since);
    expect(answer.text).toContain('no longer valid');
  });
});

describe('writes go through an approval card in the channel', () => {
  it('license update by an operator posts the card with chat.postMessage and records where', async () => {
    const since = fake.mark();
    const { response } = await command(`license update vbr ${uid(1)}`, { userId: 'U0OPS' });
    expect(response.status).toBe(200);
    const post = await fake.waitFor('chat.postMessage', { since });
    expect(post.params.channel).toBe(CHANNEL);
    expect(JSON.stringify(post.params.blocks)).toContain('confirm_action');
    await vi.waitFor(() => expect(app.cardsPosted.length).toBeGreaterThan(0));
    const posted = app.cardsPosted.at(-1);
    expect(posted?.channel).toBe(CHANNEL);
    expect(posted?.ts).toBe((post.result as { ts?: string }).ts);
    const action = await app.store.getAction(posted?.actionId ?? '');
    expect(action?.operation).toEqual({ op: 'license.update', kind: 'vbr', uid: uid(1) });
    expect(action?.messageTs).toBe(posted?.ts);
  });

  it('where the bot cannot post, the card goes in_channel through the response_url', async () => {
    fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const before = app.cardsPosted.length;
    const { responseUrl, since } = await command(`license update vbr ${uid(3)}`, { userId: 'U0OPS' });
    const answer = await answerTo(responseUrl, since);
    expect(answer.response_type).toBe('in_channel');
    expect(JSON.stringify(answer.blocks)).toContain('confirm_action');
    await vi.waitFor(() => expect(app.cardsPosted.length).toBe(before + 1));
    const posted = app.cardsPosted.at(-1);
    expect(posted?.ts).toBeNull();
    expect(posted?.responseUrl).toBe(responseUrl);
  });
});

describe('the install modal', () => {
  it("opens at once with the command's trigger_id, before VSPC answers, then shows the form with the targets", async () => {
    backend.delayMs = 600;
    const since = fake.mark();
    await command('license install vb365', { userId: 'U0OPS', triggerId: 'trig-install-1' });
    const open = await fake.waitFor('views.open', { since });
    expect(open.params.trigger_id).toBe('trig-install-1');
    const update = await fake.waitFor('views.update', { since });
    const read = backend.finished.find((f) => f.call === 'listLicenses vb365');
    expect(open.at).toBeLessThan(read?.at ?? 0);
    expect(update.params.view_id).toBe((open.result as { view: { id: string } }).view.id);
    const view = update.params.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(view.callback_id).toBe('install_license');
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: CHANNEL, kind: 'vb365' });
    expect(JSON.stringify(view.blocks)).toContain(uid(200));
  });

  it('a refusal replaces the placeholder modal with the reason', async () => {
    const since = fake.mark();
    await command('license install vbr', { userId: USER, triggerId: 'trig-install-3' });
    const update = await fake.waitFor('views.update', { since });
    const view = update.params.view as { callback_id: string; blocks: unknown[] };
    expect(view.callback_id).not.toBe('install_license');
    expect(JSON.stringify(view.blocks)).toMatch(/operator|approver|not allowed|may not/i);
  });

  it('an expired trigger_id gets an answer that says how to retry', async () => {
    fake.expireTrigger('trig-install-2');
    const { responseUrl, since } = await command('license install vbr', {
      userId: 'U0OPS',
      triggerId: 'trig-install-2',
    });
    const answer = await answerTo(responseUrl, since);
    expect(answer.text).toContain('3 seconds');
    expect(answer.text).toContain('/vspc license install vbr');
  });
});
