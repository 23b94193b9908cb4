/**
 * 10,000 generated command texts through the real HTTP path: signed `/vspc` requests to the running
 * bot, many in flight at once. Every one is acknowledged with 200 and answered through its own
 * response_url; nothing reaches VSPC as a write; the bot still answers afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/app.js';
import { RESPONSE_URL } from '../support/slack/index.js';
import { eventually } from './support/eventually.js';
import { fuzzCommands } from './support/fuzz-commands.js';

const SEED = 20260311;
const COUNT = 10_000;
/** Requests on the wire at once. */
const CONCURRENCY = 64;
/** Commands acknowledged but not yet answered, at most: keeps the bot's backlog (and memory) bounded. */
const BACKLOG = 48;

let t: TestBot;

beforeAll(async () => {
  // No roles set: everyone may read, writes are off, so every write-shaped text must be refused.
  t = await startTestBot();
});
afterAll(async () => {
  await t?.stop();
});

function responseId(url: string): string {
  return decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
}

describe('fuzzed slash commands end to end', () => {
  it(`acks and answers ${COUNT} generated commands, and keeps working`, { timeout: 120_000 }, async () => {
    const texts = fuzzCommands(COUNT, SEED);
    const statuses = new Map<number, number>();
    const ids = new Set<string>();
    let next = 0;
    const worker = async () => {
      while (next < texts.length) {
        const text = texts[next++] as string;
        // The fake records about one call per answered command: wait while too many are unanswered.
        while (ids.size - t.fake.mark() > BACKLOG) await new Promise((resolve) => setTimeout(resolve, 2));
        const answer = await t.command(text, `U0FUZZ${next % 5}`);
        ids.add(responseId(answer.responseUrl));
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(Object.fromEntries(statuses)).toEqual({ 200: COUNT });

    const answered = await eventually(
      () => {
        const targets = new Set(t.fake.calls(RESPONSE_URL).map((call) => call.target));
        return [...ids].every((id) => targets.has(id)) ? targets : undefined;
      },
      { timeoutMs: 30_000, what: 'every command answered through its response_url' },
    );
    expect(answered.size).toBe(COUNT);
    const posts = t.fake.calls(RESPONSE_URL);
    expect(posts.every((post) => post.status === 200)).toBe(true);
    // Every answer is a message a person can read: text, never an empty post.
    expect(posts.filter((post) => String(post.params.text ?? '').trim() === '')).toEqual([]);
    expect(t.sim.writes()).toEqual([]);

    // Still alive and still useful.
    const health = await fetch(`${t.url}/healthz`);
    expect(health.status).toBe(200);
    const real = await t.command('licenses vbr');
    expect(real.status).toBe(200);
    const reply = await t.fake.waitFor(RESPONSE_URL, { since: real.since, timeoutMs: 10_000 });
    expect(String(reply.params.text)).toMatch(/VBR licenses/);
  });
});
