import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { StoreError } from '../../src/store/errors.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { failureOf, newAction } from './fixtures.js';
import { describeStore } from './store-suite.js';

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgres();
});

afterAll(async () => {
  await server?.stop();
});

describeStore({
  name: 'PostgreSQL',
  manyInstances: true,
  newDatabase: async () => {
    const url = await server.newDatabase();
    return { open: () => createStore(url) };
  },
});

describe('PostgreSQL specifics', () => {
  it('accepts the postgresql:// scheme too', async () => {
    const url = server.url.replace(/^postgres:/, 'postgresql:');
    const store = await createStore(url);
    expect((await store.createAction(newAction())).created).toBe(true);
    await store.close();
  });

  it('names DATABASE_URL and hides the password when the database does not exist', async () => {
    const url = `postgres://postgres:Sup3r-s3cret@127.0.0.1:${server.port}/no_such_db`;
    const failure = await failureOf(createStore(url));
    expect(failure).toBeInstanceOf(StoreError);
    expect(failure.message).toMatch(/DATABASE_URL/);
    expect(failure.message).toMatch(/no_such_db/);
    expect(failure.message).not.toMatch(/Sup3r-s3cret/);
  });
});
