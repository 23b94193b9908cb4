import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { StoreError } from '../../src/store/errors.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { failureOf, newAction } from './fixtures.js';
import { INSERT_V1_EXECUTING, RECORD_V1, v1Schema } from './helpers/v1-database.js';
import { describeNotificationClaims } from './notification-claims-suite.js';
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

describeNotificationClaims({
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

describe('PostgreSQL upgrade from the first schema', () => {
  it('adds executingSince and keeps an action confirmed before it existed, readable and still open', async () => {
    const url = await server.newDatabase();
    const dollar = (n: number) => `$${n}`;
    const action = newAction();
    const old = new pg.Client({ connectionString: url });
    await old.connect();
    try {
      for (const statement of v1Schema('postgres')) await old.query(statement);
      await old.query(RECORD_V1.sql(dollar), RECORD_V1.values());
      await old.query(INSERT_V1_EXECUTING.sql(dollar), INSERT_V1_EXECUTING.values(action, 'U0OLD'));
    } finally {
      await old.end();
    }

    const store = await createStore(url);
    try {
      expect(await store.getAction(action.id)).toMatchObject({
        status: 'executing',
        confirmedBy: 'U0OLD',
        executingSince: null,
      });
      expect((await store.createAction({ ...action, id: 'another' })).created).toBe(false);
    } finally {
      await store.close();
    }
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    try {
      const { rows } = await check.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await check.end();
    }
  });
});
