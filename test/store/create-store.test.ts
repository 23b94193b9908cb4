import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { StoreError } from '../../src/store/errors.js';
import { failureOf } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'vspc-create-store-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A loopback port with nothing listening on it. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

describe('createStore', () => {
  it('opens and migrates a SQLite store', async () => {
    const store = await createStore(`sqlite:${join(dir, 'ok.sqlite')}`);
    expect(await store.ping()).toBe(true);
    await store.close();
  });

  it('says so when the directory cannot be created', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const failure = await failureOf(createStore(`sqlite:${join(blocker, 'sub', 'bot.sqlite')}`));
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure.message).toMatch(/^DATABASE_URL: cannot create the directory .*a-file.*not a directory/);
  });

  it('fails fast, not spinning, when a parent is a dangling symlink', async () => {
    const dangling = join(dir, 'dangling');
    symlinkSync(join(dir, 'nowhere'), dangling);
    const failure = await failureOf(createStore(`sqlite:${join(dangling, 'sub', 'bot.sqlite')}`));
    expect(failure.message).toMatch(/^DATABASE_URL: cannot create the directory .*dangling.*not a directory/);
  });

  it('says so when the file is not a SQLite database', async () => {
    const path = join(dir, 'garbage.sqlite');
    writeFileSync(path, 'this is not a database, just some text that is long enough to look like a header '.repeat(20));
    const failure = await failureOf(createStore(`sqlite:${path}`));
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure.message).toMatch(/^DATABASE_URL: .*garbage\.sqlite.*not a database/);
  });

  it('refuses an unknown scheme without echoing its credentials', async () => {
    const failure = await failureOf(createStore('mysql://root:hunter2@db/bot'));
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure.message).toMatch(/DATABASE_URL/);
    expect(failure.message).not.toMatch(/hunter2/);
  });

  it('names DATABASE_URL and hides the password when PostgreSQL cannot be reached', async () => {
    const port = await closedPort();
    const failure = await failureOf(createStore(`postgres://bot:Pa55-w0rd@127.0.0.1:${port}/licensing`));
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure.message).toMatch(
      /^DATABASE_URL: cannot use PostgreSQL at postgres:\/\/bot@127\.0\.0\.1:\d+\/licensing/,
    );
    expect(failure.message).toMatch(/ECONNREFUSED/);
    expect(failure.message).not.toMatch(/Pa55-w0rd/);
  });

  it('gives a readable reason for a refused connection to localhost (two addresses, one AggregateError)', async () => {
    const port = await closedPort();
    const failure = await failureOf(createStore(`postgres://bot:Pa55-w0rd@localhost:${port}/licensing`));
    expect(failure.message).toMatch(/ECONNREFUSED/);
    expect(failure.message).not.toMatch(/Pa55-w0rd/);
  });
});
