/**
 * `DATABASE_URL` → a migrated, ready store. The only place that knows which implementation backs
 * which URL; every failure comes back as a StoreError whose message names DATABASE_URL and says what
 * to fix, without the password of a postgres URL.
 */
import type { Logger } from '../log.js';
import { parseDatabaseUrl } from './database-url.js';
import { StoreError } from './errors.js';
import { openSqliteStore } from './sqlite/open.js';
import type { Store } from './types.js';

export interface CreateStoreOptions {
  logger?: Logger;
  /** PostgreSQL pool size (default 10). */
  maxConnections?: number;
  /** Base for relative sqlite paths (default: the working directory). */
  cwd?: string;
}

export async function createStore(databaseUrl: string, options: CreateStoreOptions = {}): Promise<Store> {
  const target = parseDatabaseUrl(databaseUrl, options.cwd);
  if (target.kind === 'sqlite') {
    const store = openSqliteStore(target.path);
    await migrateOrClose(store, (error) => `DATABASE_URL: cannot use the SQLite database ${target.path}: ${error}`);
    return store;
  }
  // Loaded only for postgres URLs: pg costs start-up time and memory the SQLite default does not need.
  const { openPostgresStore } = await import('./postgres/open.js');
  const store = openPostgresStore(target.url, {
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.maxConnections ? { maxConnections: options.maxConnections } : {}),
  });
  const scrub = passwordScrubber(target.url);
  await migrateOrClose(store, (error) => scrub(`DATABASE_URL: cannot use PostgreSQL at ${target.display}: ${error}`));
  return store;
}

async function migrateOrClose(store: Store, describe: (reason: string) => string): Promise<void> {
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new StoreError(describe(reasonOf(error)), { cause: error });
  }
}

/** The driver's words, made readable: a refused connection to `localhost` is an AggregateError with no message. */
export function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(reasonOf))].join('; ');
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (error.message) return error.message;
    if (typeof code === 'string') return code;
    return error.name;
  }
  return String(error);
}

/** Drivers may echo parts of the connection string; the password must never reach a message. */
function passwordScrubber(url: string): (text: string) => string {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    // parseDatabaseUrl already accepted it; nothing to scrub if it will not parse here.
  }
  if (!password) return (text) => text;
  const forms = [...new Set([password, safeDecode(password)])].filter((form) => form.length > 0);
  return (text) => forms.reduce((out, form) => out.split(form).join('***'), text);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
