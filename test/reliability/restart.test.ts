/**
 * The bot killed with SIGKILL (no shutdown at all) while actions are pending, executing (VSPC runs
 * the write as an async action) and already done; started again on the same SQLite file. Nothing is
 * lost, nothing is run twice: the pending card still works, the executing one is settled through
 * VSPC's /asyncActions, the finished one refuses a late click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { uidOf } from '../../src/simulator/kinds.js';
import { botEnv, slackDriver, spawnBot, TEST_SIGNING_SECRET, tempDatabase } from '../support/app.js';
import { type FakeSlack, RESPONSE_URL, startFakeSlack } from '../support/slack/index.js';
import { hasConfirm, messageText, type PostedCard } from './support/cards.js';
import { eventually } from './support/eventually.js';
import { clickConfirm, EXECUTING, requestAndConfirm } from './support/write-flow.js';

const APPROVER = 'U0APPROVER';
let sim: RunningSimulator;
let fake: FakeSlack;
let database: ReturnType<typeof tempDatabase>;

beforeAll(async () => {
  // Writes answer 202 and stay running until the test finishes them: the kill lands mid-write.
  sim = await startSimulator({ async: true, asyncDurationMs: 10 * 60_000 });
  fake = await startFakeSlack();
  database = tempDatabase();
});
afterAll(async () => {
  await fake?.close();
  await sim?.close();
  database?.remove();
});

const env = () => ({ ...botEnv(fake, sim, database.url), APPROVERS: APPROVER });
const writesOf = (actionId: string) => sim.writes().filter((write) => write.requestId === actionId);
const cardText = (card: PostedCard) => messageText(fake.message(card.channel, card.ts));
const settled = (card: PostedCard) => {
  const message = fake.message(card.channel, card.ts);
  return message && !hasConfirm(message.blocks) && !EXECUTING.test(String(message.text)) ? cardText(card) : undefined;
};

describe('restart after SIGKILL', () => {
  it('keeps pending actions, settles executing ones through VSPC, never writes twice', {
    timeout: 60_000,
  }, async () => {
    const [doneLicense, pendingLicense, runningLicense] = sim.state.list('vbr').slice(0, 3);
    if (!doneLicense || !pendingLicense || !runningLicense) throw new Error('not enough licenses');
    const first = await spawnBot(env());
    const slack = slackDriver(first.url, TEST_SIGNING_SECRET, fake);

    // Succeeded before the crash.
    const done = await requestAndConfirm(slack, `license update vbr ${uidOf(doneLicense)}`, {
      user: APPROVER,
      channel: 'C0DONE',
      confirm: false,
    });
    const doneCard = done.card as PostedCard;
    await clickConfirm(slack, doneCard, APPROVER);
    await eventually(() => (writesOf(doneCard.actionId).length > 0 ? true : undefined), { what: 'first write' });
    sim.asyncActions.finish(doneCard.actionId);
    expect(await eventually(() => settled(doneCard), { timeoutMs: 10_000, what: 'done card' })).toMatch(/Done/);

    // Pending at the crash.
    const pending = await requestAndConfirm(slack, `license update vbr ${uidOf(pendingLicense)}`, {
      user: APPROVER,
      channel: 'C0PENDING',
      confirm: false,
    });
    const pendingCard = pending.card as PostedCard;

    // Executing at the crash: confirmed, VSPC accepted it (202) and is still running it.
    const running = await requestAndConfirm(slack, `license update vbr ${uidOf(runningLicense)}`, {
      user: APPROVER,
      channel: 'C0RUNNING',
      confirm: false,
    });
    const runningCard = running.card as PostedCard;
    await clickConfirm(slack, runningCard, APPROVER);
    await eventually(() => (writesOf(runningCard.actionId).length > 0 ? true : undefined), { what: 'running write' });

    await first.kill();
    // VSPC finishes the write while the bot is down.
    expect(sim.asyncActions.finish(runningCard.actionId)).toBe(true);

    const second = await spawnBot(env());
    try {
      const again = slackDriver(second.url, TEST_SIGNING_SECRET, fake);
      // The executing action is settled from VSPC's record, without sending the write again.
      expect(await eventually(() => settled(runningCard), { timeoutMs: 15_000, what: 'recovered card' })).toMatch(
        /Done|succe/i,
      );

      // The pending card still works after the restart.
      await clickConfirm(again, pendingCard, APPROVER);
      await eventually(() => (writesOf(pendingCard.actionId).length > 0 ? true : undefined), { what: 'pending write' });
      sim.asyncActions.finish(pendingCard.actionId);
      expect(await eventually(() => settled(pendingCard), { timeoutMs: 10_000, what: 'pending card' })).toMatch(/Done/);

      // A late click on the finished card changes nothing.
      const since = fake.mark();
      await clickConfirm(again, doneCard, APPROVER);
      const refusal = await fake.waitFor(RESPONSE_URL, { since, timeoutMs: 5000 });
      expect(messageText(refusal.params)).toMatch(/already/i);

      for (const card of [doneCard, pendingCard, runningCard]) expect(writesOf(card.actionId)).toHaveLength(1);
      expect(sim.writes()).toHaveLength(3);
    } finally {
      await second.stop();
    }
  });
});
