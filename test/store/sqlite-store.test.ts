import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { newAction } from './fixtures.js';
import { INSERT_V1_EXECUTING, RECORD_V1, v1Schema } from './helpers/v1-database.js';
import { describeNotificationClaims } from './notification-claims-suite.js';
import { describeStore } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'vspc-sqlite-'));
let counter = 0;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh SQLite file per suite case; several instances may open it. */
async function newFileDatabase() {
  counter += 1;
  const url = `sqlite:${join(dir, `store-${counter}.sqlite`)}`;
  return { open: () => createStore(url) };
}

/** A fresh in-memory database, which only one instance can ever open. */
async function newMemoryDatabase() {
  let opened = false;
  return {
    open: () => {
      if (opened) throw new Error('an in-memory database cannot be opened twice');
      opened = true;
      return createStore('sqlite::memory:');
    },
  };
}

describeStore({
  name: 'SQLite file',
  manyInstances: true,
  newDatabase: newFileDatabase,
});

describeNotificationClaims({
  name: 'SQLite file',
  manyInstances: true,
  newDatabase: newFileDatabase,
});

describeStore({
  name: 'SQLite :memory:',
  manyInstances: false,
  newDatabase: newMemoryDatabase,
});

describeNotificationClaims({
  name: 'SQLite :memory:',
  manyInstances: false,
  newDatabase: newMemoryDatabase,
});

describe('SQLite file handling', () => {
  it('creates missing parent directories on first start and uses WAL', async () => {
    const path = join(dir, 'nested', 'deeper', 'bot.sqlite');
    const store = await createStore(`sqlite:${path}`);
    await store.createAction(newAction());
    expect(existsSync(path)).toBe(true);
    // The write-ahead log sits beside the database while a connection in WAL mode is open.
    expect(existsSync(`${path}-wal`)).toBe(true);
    await store.close();
  });

  it('resolves a relative sqlite: path against the working directory, and accepts sqlite:///abs', async () => {
    const relative = await createStore('sqlite:./data/relative.sqlite', { cwd: dir });
    await relative.close();
    expect(existsSync(join(dir, 'data', 'relative.sqlite'))).toBe(true);

    const absolute = await createStore(`sqlite://${join(dir, 'url-form.sqlite')}`);
    await absolute.close();
    expect(existsSync(join(dir, 'url-form.sqlite'))).toBe(true);
  });
});

describe('SQLite upgrade from the first schema', () => {
  it('adds executingSince and keeps an action confirmed before it existed, readable and still open', async () => {
    const path = join(dir, 'v1.sqlite');
    const old = new Database(path);
    for (const statement of v1Schema('sqlite')) old.exec(statement);
    old.prepare(RECORD_V1.sql(() => '?')).run(...RECORD_V1.values());
    const action = newAction();
    old.prepare(INSERT_V1_EXECUTING.sql(() => '?')).run(...INSERT_V1_EXECUTING.values(action, 'U0OLD'));
    old.close();

    const store = await createStore(`sqlite:${path}`);
    try {
      expect(await store.getAction(action.id)).toMatchObject({
        status: 'executing',
        confirmedBy: 'U0OLD',
        executingSince: null,
      });
      expect((await store.createAction({ ...action, id: 'another' })).created).toBe(false);
      const check = new Database(path, { readonly: true });
      const versions = check.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
      check.close();
      expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
    } finally {
      await store.close();
    }
  });
});
