import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../support/slack/index.js';

let fake: FakeSlack;
let client: webApi.WebClient;

beforeAll(async () => {
  fake = await startFakeSlack({
    users: [{ id: 'U0NYC', name: 'nyc', tz: 'America/New_York' }],
    userGroups: { S0APPROVERS: ['U0LEAD', 'U0BOB'] },
  });
  client = new webApi.WebClient(fake.identity.botToken, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: webApi.LogLevel.ERROR,
  });
});

afterAll(async () => {
  await fake?.close();
});

/** The Slack error code of a failed call. */
async function errorOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return (error as { data?: { error?: string } }).data?.error ?? String(error);
  }
  return 'no error';
}

describe('fake Web API', () => {
  it('records method, decoded params and token; ignores unknown extra params', async () => {
    const since = fake.mark();
    const result = await client.apiCall('chat.postMessage', {
      channel: 'C1',
      text: 'hi',
      blocks: [{ type: 'divider' }],
      team_id: 'T000',
      unfurl_links: false,
    });
    expect(result).toMatchObject({ ok: true, channel: 'C1', ts: expect.stringMatching(/^1700000000\.\d{6}$/) });
    const call = await fake.waitFor('chat.postMessage', { since });
    expect(call).toMatchObject({ method: 'chat.postMessage', token: fake.identity.botToken, status: 200 });
    expect(call.params).toMatchObject({ channel: 'C1', text: 'hi', blocks: [{ type: 'divider' }], team_id: 'T000' });
    expect(call.params).not.toHaveProperty('token');
  });

  it('hands out strictly increasing ts values and DM ids for user ids', async () => {
    const first = await client.chat.postMessage({ channel: 'C2', text: 'a' });
    const second = await client.chat.postMessage({ channel: 'U0ALICE', text: 'b' });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    expect(second.channel).toBe('D0ALICE');
    expect(await client.conversations.open({ users: 'U0ALICE' })).toMatchObject({ channel: { id: 'D0ALICE' } });
    const dmUpdate = (channel: string) => client.chat.update({ channel, ts: second.ts ?? '', text: 'b2' });
    expect(await errorOf(dmUpdate('U0ALICE'))).toBe('message_not_found');
    await expect(dmUpdate('D0ALICE')).resolves.toMatchObject({ ok: true });
  });

  it('answers unknown_method, not_authed, invalid_auth and not_allowed_token_type', async () => {
    expect(await errorOf(client.apiCall('vspc.doesNotExist'))).toBe('unknown_method');
    const anonymous = new webApi.WebClient(undefined, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    expect(await errorOf(anonymous.auth.test())).toBe('not_authed');
    expect(await errorOf(client.auth.test({ token: 'xoxb-wrong' }))).toBe('invalid_auth');
    expect(await errorOf(client.apps.connections.open())).toBe('not_allowed_token_type');
    expect(await client.auth.test()).toMatchObject({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T000' });
  });

  it('updates stored messages like Slack: unknown → message_not_found, ephemeral → cant_update_message', async () => {
    const posted = await client.chat.postMessage({ channel: 'C3', text: 'card', blocks: [{ type: 'divider' }] });
    const ts = posted.ts ?? '';
    await client.chat.update({
      channel: 'C3',
      ts,
      text: 'card v2',
      blocks: [{ type: 'header', text: { type: 'plain_text', text: 'v2' } }],
    });
    expect(fake.message('C3', ts)).toMatchObject({ text: 'card v2', updates: 1 });
    await client.chat.update({ channel: 'C3', ts, text: 'text only' });
    expect(fake.message('C3', ts)).toMatchObject({ text: 'text only', blocks: undefined, updates: 2 });

    expect(await errorOf(client.chat.update({ channel: 'C3', ts: '1.000001', text: 'x' }))).toBe('message_not_found');
    const ephemeral = await client.chat.postEphemeral({ channel: 'C3', user: 'U0ALICE', text: 'only you' });
    expect(ephemeral.message_ts).toMatch(/^1700000000\.\d{6}$/);
    const update = client.chat.update({ channel: 'C3', ts: ephemeral.message_ts ?? '', text: 'x' });
    expect(await errorOf(update)).toBe('cant_update_message');
    expect(fake.messages('C3').map((message) => message.ephemeral)).toEqual([false, true]);
  });

  it('injects faults per method: rate limit with Retry-After, then normal again', async () => {
    fake.failNext('chat.update', { error: 'ratelimited', status: 429, retryAfter: 1 });
    const posted = await client.chat.postMessage({ channel: 'C4', text: 'x' });
    const first = client.chat.update({ channel: 'C4', ts: posted.ts ?? '', text: 'y' });
    await expect(first).rejects.toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 1 });
    await expect(client.chat.update({ channel: 'C4', ts: posted.ts ?? '', text: 'y' })).resolves.toMatchObject({
      ok: true,
    });

    fake.failNext('chat.postMessage', { error: 'not_in_channel', times: 2 });
    expect(await errorOf(client.chat.postMessage({ channel: 'C5', text: 'x' }))).toBe('not_in_channel');
    expect(await errorOf(client.chat.postMessage({ channel: 'C5', text: 'x' }))).toBe('not_in_channel');
    expect(await client.chat.postMessage({ channel: 'C5', text: 'x' })).toMatchObject({ ok: true });
    expect(fake.calls('chat.postMessage').at(-2)?.result).toEqual({ ok: false, error: 'not_in_channel' });
  });

  it('answers late with delayMs, and lets a test override a method', async () => {
    fake.failNext('users.info', { delayMs: 500 });
    const order: string[] = [];
    const slow = client.users.info({ user: 'U0SLOW' }).then(() => order.push('slow'));
    const fast = client.auth.test().then(() => order.push('fast'));
    await Promise.all([slow, fast]);
    expect(order).toEqual(['fast', 'slow']);

    const restoreTeam = fake.override('team.info', { ok: true, team: { id: 'T000', name: 'Override' } });
    expect(await client.team.info()).toMatchObject({ team: { name: 'Override' } });
    restoreTeam();
    expect(await errorOf(client.team.info())).toBe('unknown_method');
    const restoreUsers = fake.override('users.info', ({ params }) => ({
      ok: false,
      error: `no ${String(params.user)}`,
    }));
    expect(await errorOf(client.users.info({ user: 'U0X' }))).toBe('no U0X');
    restoreUsers();
  });

  it('opens, pushes and updates views; expired triggers and stale hashes are refused', async () => {
    const view = {
      type: 'modal' as const,
      callback_id: 'cb',
      private_metadata: 'C1',
      title: { type: 'plain_text' as const, text: 'T' },
      blocks: [],
    };
    const opened = await client.views.open({ trigger_id: 't-1', view });
    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), callback_id: 'cb', private_metadata: 'C1' });
    const id = opened.view?.id ?? '';
    const updated = await client.views.update({
      view_id: id,
      hash: opened.view?.hash ?? '',
      view: { ...view, private_metadata: 'C2' },
    });
    expect(updated.view?.private_metadata).toBe('C2');
    expect(await errorOf(client.views.update({ view_id: id, hash: opened.view?.hash ?? '', view }))).toBe(
      'hash_conflict',
    );
    expect(await errorOf(client.views.update({ view_id: 'V404', view }))).toBe('not_found');
    expect(await client.views.push({ trigger_id: 't-2', view })).toMatchObject({ ok: true });

    fake.expireTrigger('t-old');
    expect(await errorOf(client.views.open({ trigger_id: 't-old', view }))).toBe('expired_trigger_id');
    fake.failNext('views.open', { error: 'expired_trigger_id' });
    expect(await errorOf(client.views.open({ trigger_id: 't-3', view }))).toBe('expired_trigger_id');
    expect(fake.views().find((stored) => stored.id === id)).toMatchObject({ privateMetadata: 'C2', updates: 1 });
  });

  it('knows users (default zone Europe/Berlin) and user groups', async () => {
    const berlin = await client.users.info({ user: 'U0ANYONE' });
    expect(berlin.user).toMatchObject({ id: 'U0ANYONE', tz: 'Europe/Berlin' });
    expect([3600, 7200]).toContain(berlin.user?.tz_offset);
    expect((await client.users.info({ user: 'U0NYC' })).user?.tz).toBe('America/New_York');
    expect(await errorOf(client.users.info({ user: 'not-a-user' }))).toBe('user_not_found');
    expect(await client.usergroups.users.list({ usergroup: 'S0APPROVERS' })).toMatchObject({
      users: ['U0LEAD', 'U0BOB'],
    });
    expect(await errorOf(client.usergroups.users.list({ usergroup: 'S0NONE' }))).toBe('no_such_subteam');
  });

  it('uploads with files.uploadV2 and describes the file with files.info', async () => {
    const bytes = Buffer.from([1, 2, 3, 0, 255]);
    await client.files.uploadV2({
      channel_id: 'C6',
      filename: 'a.bin',
      title: 'A',
      file: bytes,
      initial_comment: 'here',
    });
    const upload = fake.uploads().at(-1);
    expect(upload).toMatchObject({ name: 'a.bin', title: 'A', channel: 'C6', initialComment: 'here' });
    expect(upload?.bytes).toEqual(bytes);
    const info = await client.files.info({ file: upload?.id ?? '' });
    expect(info.file).toMatchObject({ id: upload?.id, size: 5, channels: ['C6'] });
    expect(await errorOf(client.files.info({ file: 'F404' }))).toBe('file_not_found');
  });

  it('stores raw (non-multipart) upload bodies too', async () => {
    const url = await client.files.getUploadURLExternal({ filename: 'raw.txt', length: 3 });
    const posted = await fetch(url.upload_url ?? '', { method: 'POST', body: 'abc' });
    expect(await posted.text()).toBe('OK - 3');
    await client.files.completeUploadExternal({ files: [{ id: url.file_id ?? '' }], channel_id: 'C7' });
    expect(
      fake
        .uploads()
        .find((file) => file.id === url.file_id)
        ?.bytes?.toString(),
    ).toBe('abc');
  });
});

describe('waitFor', () => {
  it('resolves when a later call arrives', async () => {
    const since = fake.mark();
    const waiting = fake.waitFor('users.info', { since, where: (call) => call.params.user === 'U0LATE' });
    await client.users.info({ user: 'U0EARLY' });
    await client.users.info({ user: 'U0LATE' });
    expect((await waiting).params.user).toBe('U0LATE');
  });

  it('waits for the n-th matching call', async () => {
    const since = fake.mark();
    const second = fake.waitFor('chat.postMessage', { since, count: 2 });
    await client.chat.postMessage({ channel: 'C9', text: 'one' });
    await client.chat.postMessage({ channel: 'C9', text: 'two' });
    expect((await second).params.text).toBe('two');
  });

  it('rejects after the timeout with a message that lists the calls seen', async () => {
    const since = fake.mark();
    await client.chat.postMessage({ channel: 'C8', text: 'x' });
    await expect(fake.waitFor('chat.update', { since, timeoutMs: 50 })).rejects.toThrow(
      /waited 50 ms for chat\.update \(wanted 1, matched 0\)\. Calls seen: .*chat\.postMessage\(C8\)/,
    );
  });
});
