import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadSlackFile } from '../../src/slack/files/download.js';
import { refuseFileUrl } from '../../src/slack/files/slack-hosts.js';
import { type FakeSlack, startFakeSlack } from '../support/slack/index.js';
import { XML_LICENSE } from './fixtures/licenses.js';

const MB = 1024 * 1024;
let server: Server;
let base: string;
let apiUrl: string;
const seenAuth: (string | undefined)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seenAuth.push(req.headers.authorization);
    if (req.url === '/license') {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(XML_LICENSE);
    } else if (req.url === '/huge-streamed') {
      // No content-length: the reader has to stop by itself.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      let sent = 0;
      const pump = (): void => {
        while (sent < 2 * MB) {
          sent += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    } else if (req.url === '/huge-declared') {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(2 * MB) });
      res.end();
    } else if (req.url === '/redirect-away') {
      res.writeHead(302, { location: 'https://evil.example.com/steal' });
      res.end();
    } else if (req.url === '/redirect-home') {
      res.writeHead(302, { location: '/license' });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  apiUrl = `${base}/api/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const options = () => ({ botToken: 'xoxb-test', apiUrl, maxBytes: MB });

describe('refuseFileUrl', () => {
  it.each([
    'https://files.slack.com/files-pri/T1-F1/download/a.lic',
    'https://a.slack-edge.com/x',
    'https://files.slack-gov.com/files-pri/T1-F1/a.lic',
    'https://slack-gov.com/files-pri/T1-F1/a.lic',
  ])('allows %s', (url) => {
    expect(refuseFileUrl(url, 'https://slack.com/api/')).toBeNull();
  });

  it.each([
    ['https://evil.example.com/a.lic', /not a Slack file host/],
    ['https://files.slack.com.evil.example.com/a.lic', /not a Slack file host/],
    ['http://files.slack.com/a.lic', /not https/],
    ['not a url', /not a valid URL/],
  ])('refuses %s', (url, reason) => {
    expect(refuseFileUrl(url, 'https://slack.com/api/')).toMatch(reason);
  });
});

describe('downloadSlackFile', () => {
  it('downloads with the bot token as bearer', async () => {
    const result = await downloadSlackFile(`${base}/license`, options());
    expect(result.ok && Buffer.from(result.bytes).toString()).toBe(XML_LICENSE);
    expect(seenAuth.at(-1)).toBe('Bearer xoxb-test');
  });

  it('refuses a foreign host without sending anything', async () => {
    const before = seenAuth.length;
    const result = await downloadSlackFile('https://evil.example.com/a.lic', options());
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/not a Slack file host/) });
    expect(seenAuth.length).toBe(before);
  });

  it('stops reading a 2 MB body at the 1 MB cap', async () => {
    expect(await downloadSlackFile(`${base}/huge-streamed`, options())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/larger than 1 MB/),
    });
    expect(await downloadSlackFile(`${base}/huge-declared`, options())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/larger than 1 MB/),
    });
  });

  it('follows a redirect only to an allowed host', async () => {
    expect(await downloadSlackFile(`${base}/redirect-home`, options())).toMatchObject({ ok: true });
    expect(await downloadSlackFile(`${base}/redirect-away`, options())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/evil\.example\.com/),
    });
  });

  it('reports HTTP errors', async () => {
    expect(await downloadSlackFile(`${base}/missing`, options())).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/HTTP 404/),
    });
  });

  describe('against the fake Slack file host', () => {
    let fake: FakeSlack;
    beforeAll(async () => {
      fake = await startFakeSlack();
    });
    afterAll(async () => {
      await fake.close();
    });

    it('refuses the HTML sign-in page Slack answers to a bad token', async () => {
      const file = fake.hostFile({ name: 'acme.lic', bytes: XML_LICENSE });
      const good = await downloadSlackFile(file.url_private_download, {
        botToken: fake.identity.botToken,
        apiUrl: fake.apiUrl,
        maxBytes: MB,
      });
      expect(good.ok && Buffer.from(good.bytes).toString()).toBe(XML_LICENSE);
      const bad = await downloadSlackFile(file.url_private_download, {
        botToken: 'xoxb-wrong',
        apiUrl: fake.apiUrl,
        maxBytes: MB,
      });
      expect(bad).toMatchObject({ ok: false, reason: expect.stringMatching(/web page instead of the file/) });
    });
  });
});
