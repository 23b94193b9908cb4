import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/store/database-url.js';
import { StoreError } from '../../src/store/errors.js';

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:./data/vspc-bot.sqlite', '/srv/bot/data/vspc-bot.sqlite'],
    ['sqlite:data/bot.sqlite', '/srv/bot/data/bot.sqlite'],
    ['sqlite:/var/lib/bot/bot.sqlite', '/var/lib/bot/bot.sqlite'],
    ['sqlite:///var/lib/bot/bot.sqlite', '/var/lib/bot/bot.sqlite'],
    ['sqlite:///var/lib/my%20bot/bot.sqlite', '/var/lib/my bot/bot.sqlite'],
    ['  sqlite::memory:  ', ':memory:'],
  ])('reads %s as the SQLite file %s', (url, path) => {
    expect(parseDatabaseUrl(url, '/srv/bot')).toEqual({ kind: 'sqlite', path });
  });

  it('keeps a postgres URL whole for the driver and redacts the password for display', () => {
    const url = 'postgresql://bot:p%40ss@db.internal:5433/licensing?sslmode=require';
    expect(parseDatabaseUrl(url)).toEqual({
      kind: 'postgres',
      url,
      display: 'postgresql://bot@db.internal:5433/licensing',
    });
    expect(parseDatabaseUrl('postgres://db/bot')).toMatchObject({ kind: 'postgres', display: 'postgres://db/bot' });
  });

  it.each([
    ['', /empty/],
    ['sqlite:', /no path/],
    ['sqlite://data/bot.sqlite', /ambiguous/],
    ['./data/bot.sqlite', /without a scheme/],
    ['mysql://root:hunter2@db/bot', /"mysql:"/],
    ['postgres://[broken', /not a valid postgres URL/],
  ])('refuses %j with a message naming DATABASE_URL', (url, reason) => {
    let failure: unknown;
    try {
      parseDatabaseUrl(url);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as Error).message).toMatch(/^DATABASE_URL/);
    expect((failure as Error).message).toMatch(reason);
    expect((failure as Error).message).not.toMatch(/hunter2/);
  });
});
