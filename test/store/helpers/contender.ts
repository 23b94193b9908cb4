/**
 * One competing process for sqlite-processes.test.ts: opens (and migrates) the store, says "ready",
 * waits for "go" on stdin so that every process starts at once, then races for the same action,
 * dedupe key and digest day, and prints what it won as one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { openSqliteStore } from '../../../src/store/sqlite/open.js';
import { newAction, T0 } from '../fixtures.js';

const [path, actionId, tag, attemptsText] = process.argv.slice(2) as [string, string, string, string];
const attempts = Number(attemptsText);
// The SQLite store directly, not createStore: this process starts faster without pg and pino.
const store = openSqliteStore(path);
await store.migrate();
process.stdout.write('ready\n');
const stdin = createInterface({ input: process.stdin });
await new Promise<void>((resolve) => stdin.once('line', () => resolve()));
stdin.close();

const template = newAction({ id: actionId, operation: { op: 'reports.finalize' }, dedupeKey: 'process-race' });
const results = await Promise.all(
  Array.from({ length: attempts }, async (_, i) => ({
    confirmed: await store.transition(actionId, 'pending', 'executing', T0, { confirmedBy: `${tag}-${i}` }),
    created: (await store.createAction({ ...template, id: randomUUID() })).created,
    claimed: await store.claimDigest('C0DIGEST', '2025-03-01', `${tag}-${i}`, T0),
  })),
);
await store.close();
process.stdout.write(`${JSON.stringify(results)}\n`);
