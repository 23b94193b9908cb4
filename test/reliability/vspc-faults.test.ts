/**
 * VSPC misbehaving while people run commands and confirm writes: latency spikes, 520 bursts,
 * connection resets, 401 storms, truncated and malformed JSON, a request that hangs. Every person
 * gets an answer, no write is applied twice, and the bot stays up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Fault, RecordedRequest } from '../../src/simulator/index.js';
import { uidOf } from '../../src/simulator/kinds.js';
import { startTestBot, type TestBot } from '../support/app.js';
import { RESPONSE_URL } from '../support/slack/index.js';
import { messageText } from './support/cards.js';
import { eventually } from './support/eventually.js';
import { clickConfirm, requestAndConfirm, responseId } from './support/write-flow.js';

const APPROVER = 'U0APPROVER';
const YEAR_MS = 366 * 24 * 3_600_000;
/** Short pauses and timeouts, so faults cost the test milliseconds rather than the defaults' seconds. */
const FAST_VSPC = {
  timeoutMs: 1500,
  retry: { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 100 },
  asyncPoll: { initialDelayMs: 20, maxDelayMs: 100, timeoutMs: 1500 },
};

const isWrite = (req: RecordedRequest) => req.method !== 'GET';
const isRead = (req: RecordedRequest) => req.method === 'GET';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ env: { APPROVERS: APPROVER }, vspc: FAST_VSPC });
});
afterAll(async () => {
  await t?.stop();
});

describe('VSPC faults during commands and confirmations', () => {
  it('answers everyone, applies each write at most once, and stays up', { timeout: 60_000 }, async () => {
    const targets = t.sim.state.list('vbr').slice(0, 6);
    const before = new Map(targets.map((license) => [uidOf(license), license.expirationDate]));
    const writeFaults: Fault[] = [
      { kind: 'reset', match: isWrite },
      { kind: 'truncate', match: isWrite },
      { kind: 'status', status: 520, match: isWrite, times: 2 },
      { kind: 'delay', ms: 400, match: isWrite },
    ];
    const readFaults: Fault[] = [
      { kind: 'delay', ms: 300, match: isRead, times: 4 },
      { kind: 'status', status: 520, match: isRead, times: 3 },
      { kind: 'reset', match: isRead, times: 2 },
      { kind: 'status', status: 401, match: isRead, times: 3 },
      { kind: 'truncate', match: isRead },
      { kind: 'raw', status: 200, body: '{"data": [{"backupServerUid": ', match: isRead },
      { kind: 'hang', match: isRead },
    ];
    t.sim.faults.push(...writeFaults, ...readFaults);

    const writes = targets.map((license, i) =>
      requestAndConfirm(t, `license update vbr ${uidOf(license)}`, { user: APPROVER, channel: `C0FAULT${i}` }),
    );
    const reads = ['licenses', 'licenses vbr --expiring 30', 'reports', 'usage', 'whoami', 'audit 5'].map((text) =>
      t.command(text, APPROVER),
    );
    const outcomes = await Promise.all(writes);
    const sent = await Promise.all(reads);

    // Every write ended in words: a refusal or error before the card, or a card that no longer waits.
    for (const outcome of outcomes) {
      expect(outcome.reply ?? outcome.final).toMatch(/\w/);
      if (outcome.final) expect(outcome.final).toMatch(/Done|Failed|failed|unknown|error/i);
    }
    // Every read got its own answer.
    const answered = await eventually(
      () => {
        const targetsAnswered = new Set(t.fake.calls(RESPONSE_URL).map((call) => call.target));
        return sent.every((s) => targetsAnswered.has(responseId(s.responseUrl))) ? true : undefined;
      },
      { timeoutMs: 15_000, what: 'every read command answered' },
    );
    expect(answered).toBe(true);

    // No write twice: each carries the id of a card, and each license moved by one year at most.
    const actionIds = new Set(outcomes.flatMap((outcome) => (outcome.card ? [outcome.card.actionId] : [])));
    const vspcWrites = t.sim.writes();
    expect(vspcWrites.length).toBeGreaterThan(0);
    for (const write of vspcWrites) expect(actionIds.has(String(write.requestId))).toBe(true);
    const now = Date.now();
    for (const license of targets) {
      const was = Date.parse(String(before.get(uidOf(license))));
      const is = Date.parse(String(t.sim.state.find('vbr', uidOf(license))?.expirationDate));
      expect(is).toBeLessThanOrEqual(Math.max(was, now) + YEAR_MS);
    }
    const done = outcomes.filter((outcome) => /Done/.test(outcome.final ?? '')).length;
    expect(done).toBeGreaterThan(0);

    // The faults were really met: all used up, and some write was sent more than once (same id).
    expect(t.sim.faults).toEqual([]);
    const perId = new Map<string, number>();
    for (const write of vspcWrites) perId.set(String(write.requestId), (perId.get(String(write.requestId)) ?? 0) + 1);
    expect(Math.max(...perId.values())).toBeGreaterThan(1);
    // Still up and still right.
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const after = await t.command('whoami', APPROVER);
    const reply = await t.fake.waitFor(RESPONSE_URL, { since: after.since, timeoutMs: 5000 });
    expect(String(reply.params.text)).toMatch(/approver/i);
  });

  it('a 401 storm on a write ends the card with a clear failure, not a retry loop', { timeout: 30_000 }, async () => {
    const license = t.sim.state.list('vbr')[10];
    if (!license) throw new Error('no license');
    t.sim.faults.push({ kind: 'status', status: 401, match: isWrite, times: 20 });
    const outcome = await requestAndConfirm(t, `license update vbr ${uidOf(license)}`, {
      user: APPROVER,
      channel: 'C0STORM',
    });
    expect(outcome.final).toMatch(/Failed|failed/);
    expect(outcome.final).not.toMatch(/test-vspc-api-key|Bearer/);
    const storm = t.sim.faults.splice(0);
    // Bounded: a few tries, not twenty.
    expect(storm[0]?.times ?? 0).toBeGreaterThanOrEqual(15);
  });
});

describe('VSPC accepts a write with 202 and never finishes it', () => {
  let slow: TestBot;
  beforeAll(async () => {
    slow = await startTestBot({
      env: { APPROVERS: APPROVER },
      simulator: { async: true, asyncDurationMs: 10 * 60_000 },
      vspc: FAST_VSPC,
    });
  });
  afterAll(async () => {
    await slow?.stop();
  });

  it('says the outcome is not known yet (never "failed"), and asking again sends no second write', {
    timeout: 30_000,
  }, async () => {
    const license = slow.sim.state.list('vbr')[0];
    if (!license) throw new Error('no license');
    const text = `license update vbr ${uidOf(license)}`;
    const first = await requestAndConfirm(slow, text, { user: APPROVER, channel: 'C0ASYNC', confirm: false });
    const card = first.card;
    if (!card) throw new Error(`no card: ${first.reply}`);
    await clickConfirm(slow, card, APPROVER);
    // Past the client's async timeout: whatever the card says now is what the person reads.
    await eventually(() => (slow.sim.writes().length > 0 ? true : undefined), { what: 'the write reached VSPC' });
    await new Promise((resolve) => setTimeout(resolve, FAST_VSPC.asyncPoll.timeoutMs + 1000));
    const shown = messageText(slow.fake.message(card.channel, card.ts));
    expect(shown).toContain(card.actionId);
    // VSPC is still running it: calling that a failure invites a second, different write.
    expect(shown).not.toMatch(/Failed/);
    expect(shown).toMatch(/not known|unknown|still running/i);

    // The person asks again: the open action blocks it (or its confirm is refused); VSPC sees one write.
    const again = await requestAndConfirm(slow, text, { user: APPROVER, channel: 'C0ASYNC2', timeoutMs: 5000 }).catch(
      (error: unknown) => ({ reply: String(error), card: undefined, final: undefined }),
    );
    expect(again.reply ?? again.final).toMatch(/\w/);
    expect(slow.sim.writes().map((write) => write.requestId)).toEqual([card.actionId]);
  });
});
