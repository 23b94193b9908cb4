import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { newAction } from './fixtures.js';
import { describeStore } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'vspc-sqlite-'));
let counter = 0;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describeStore({
  name: 'SQLite file',
  manyInstances: true,
  newDatabase: async () => {
    counter += 1;
    const url = `sqlite:${join(dir, `store-${counter}.sqlite`)}`;
    return { open: () => createStore(url) };
  },
});

describeStore({
  name: 'SQLite :memory:',
  manyInstances: false,
  newDatabase: async () => {
    let opened = false;
    return {
      open: () => {
        if (opened) throw new Error('an in-memory database cannot be opened twice');
        opened = true;
        return createStore('sqlite::memory:');
      },
    };
  },
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
