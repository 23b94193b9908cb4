/**
 * `DATABASE_URL` parsing: `sqlite:PATH` (relative to the working directory or absolute),
 * `sqlite:///abs/path`, `sqlite::memory:`, `postgres://…` / `postgresql://…`.
 * Pure: no file system, no network, never echoes a password.
 */
import { isAbsolute, resolve } from 'node:path';
import { StoreError } from './errors.js';

export type DatabaseTarget =
  | { kind: 'sqlite'; path: string | ':memory:' }
  | { kind: 'postgres'; url: string; display: string };

const EXPECTED = 'expected sqlite:PATH, sqlite:///ABSOLUTE/PATH, sqlite::memory: or postgres://USER@HOST:PORT/DB';

export function parseDatabaseUrl(databaseUrl: string, cwd: string = process.cwd()): DatabaseTarget {
  const value = databaseUrl.trim();
  if (value === '') throw new StoreError(`DATABASE_URL is empty: ${EXPECTED}`);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') return { kind: 'sqlite', path: sqlitePath(value.slice('sqlite:'.length), cwd) };
  if (scheme === 'postgres' || scheme === 'postgresql') return postgresTarget(value);
  const what = scheme ? `the scheme "${scheme}:"` : 'a value without a scheme';
  throw new StoreError(`DATABASE_URL has ${what}: ${EXPECTED}`);
}

function sqlitePath(rest: string, cwd: string): string {
  if (rest === ':memory:') return ':memory:';
  if (rest.startsWith('//')) {
    // URL form: only an empty host is meaningful, i.e. sqlite:///abs/path.
    const path = rest.slice(2);
    if (!path.startsWith('/')) {
      throw new StoreError(`DATABASE_URL sqlite://${path} is ambiguous: use sqlite:${path} or sqlite:///ABSOLUTE/PATH`);
    }
    return safeDecode(path);
  }
  if (rest === '') throw new StoreError(`DATABASE_URL sqlite: has no path: ${EXPECTED}`);
  return isAbsolute(rest) ? rest : resolve(cwd, rest);
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function postgresTarget(value: string): DatabaseTarget {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StoreError(`DATABASE_URL is not a valid postgres URL: ${EXPECTED}`);
  }
  return { kind: 'postgres', url: value, display: redactedUrl(url) };
}

/** `postgres://user@host:port/db`: what error messages and logs may show. */
export function redactedUrl(url: URL): string {
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return `${url.protocol}//${user}${url.host}${url.pathname}`;
}
