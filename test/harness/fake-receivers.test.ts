import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, FILE_DOWNLOAD, RESPONSE_URL, startFakeSlack } from '../support/slack/index.js';

let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack({ responseUrlMaxUses: 2 });
});

afterAll(async () => {
  await fake?.close();
});

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('response_url receiver', () => {
  it('records posts by id and can be awaited', async () => {
    const url = fake.responseUrl('r-cmd');
    expect(url).toBe(`${fake.baseUrl}/response/r-cmd`);
    const since = fake.mark();
    const answer = await post(url, { response_type: 'ephemeral', text: 'hello' });
    expect([answer.status, await answer.text()]).toEqual([200, 'ok']);
    const call = await fake.waitFor(RESPONSE_URL, { since });
    expect(call).toMatchObject({ target: 'r-cmd', params: { text: 'hello' } });
    expect(fake.responses('r-cmd')).toEqual([
      expect.objectContaining({ id: 'r-cmd', body: { response_type: 'ephemeral', text: 'hello' } }),
    ]);
    expect(fake.responses(url)).toHaveLength(1);
  });

  it('answers 404 expired_url once expired, and used_url past the use limit', async () => {
    const expiring = fake.responseUrl();
    fake.expireResponseUrl(expiring);
    const expired = await post(expiring, { text: 'late' });
    expect([expired.status, await expired.text()]).toEqual([404, 'expired_url']);

    const limited = fake.responseUrl();
    const statuses: number[] = [];
    for (const text of ['1', '2', '3']) statuses.push((await post(limited, { text })).status);
    expect(statuses).toEqual([200, 200, 404]);
  });

  it('applies replace_original and delete_original to the message it is bound to, not for unbound URLs', async () => {
    const card = fake.addMessage({ channel: 'C1', text: 'card', blocks: [{ type: 'divider' }] });
    await post(fake.responseUrl({ channel: 'C1', messageTs: card.ts }), { replace_original: true, text: 'done' });
    expect(fake.message('C1', card.ts)).toMatchObject({ text: 'done', blocks: undefined, updates: 1 });
    await post(fake.responseUrl(), { replace_original: true, text: 'slash commands cannot replace' });
    expect(fake.message('C1', card.ts)?.text).toBe('done');
    await post(fake.responseUrl({ channel: 'C1', messageTs: card.ts }), { delete_original: true });
    expect(fake.message('C1', card.ts)?.deleted).toBe(true);
  });

  it('rejects a body that is not JSON with 400 and can be made to fail', async () => {
    const bad = await fetch(fake.responseUrl(), { method: 'POST', body: 'not json' });
    expect(bad.status).toBe(400);
    fake.failNext(RESPONSE_URL, { status: 500, error: 'internal_error' });
    expect((await post(fake.responseUrl(), { text: 'x' })).status).toBe(500);
  });
});

describe('file host', () => {
  it('gives the bytes only with the bot token; otherwise a 200 HTML sign-in page', async () => {
    const file = fake.hostFile({
      name: 'license.lic',
      bytes: Buffer.from([0x4c, 0x49, 0x43, 0x00]),
      mimetype: 'application/octet-stream',
    });
    expect(file).toMatchObject({ id: expect.stringMatching(/^F/), name: 'license.lic', size: 4, filetype: 'lic' });
    expect(file.url_private_download).toBe(`${fake.baseUrl}/files-pri/T000-${file.id}/download/license.lic`);
    expect(file.url_private).toBe(`${fake.baseUrl}/files-pri/T000-${file.id}/license.lic`);

    const withToken = await fetch(file.url_private_download, {
      headers: { authorization: `Bearer ${fake.identity.botToken}` },
    });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await withToken.arrayBuffer())).toEqual(Buffer.from([0x4c, 0x49, 0x43, 0x00]));

    for (const headers of [{}, { authorization: 'Bearer xoxb-someone-else' }]) {
      const refused = await fetch(file.url_private, { headers });
      expect(refused.status).toBe(200);
      expect(refused.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await refused.text()).toContain('Sign in');
    }
    expect(fake.downloads().map((download) => [download.token, download.authorized])).toEqual([
      [fake.identity.botToken, true],
      [undefined, false],
      ['xoxb-someone-else', false],
    ]);
    expect(fake.calls(FILE_DOWNLOAD)).toHaveLength(3);
  });
});
