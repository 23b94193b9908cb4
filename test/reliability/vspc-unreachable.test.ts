/**
 * VSPC down when someone confirms a write: when no attempt left the machine (connection refused),
 * the action ends as failed with "VSPC unreachable, nothing was sent", the target is free again and
 * the card says so. A VSPC that accepted the connection and then reset it may have read the write:
 * that one keeps today's behaviour (open, outcome not known yet).
 */
import { afterEach, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { uidOf } from '../../src/simulator/kinds.js';
import { startTestBot, type TestBot } from '../support/app.js';
import { hasConfirm, messageText, type PostedCard } from './support/cards.js';
import { eventually } from './support/eventually.js';
import { clickConfirm, requestAndConfirm } from './support/write-flow.js';

const APPROVER = 'U0APPROVER';
const FAST_VSPC = {
  timeoutMs: 1500,
  retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 40 },
  asyncPoll: { initialDelayMs: 20, maxDelayMs: 100, timeoutMs: 1500 },
};

let t: TestBot | undefined;
let sims: RunningSimulator[] = [];
afterEach(async () => {
  await t?.stop();
  t = undefined;
  for (const sim of sims) await sim.close().catch(() => undefined);
  sims = [];
});

async function confirmAndWait(bot: TestBot, card: PostedCard, until: RegExp): Promise<string> {
  const click = await clickConfirm(bot, card, APPROVER);
  expect(click.status).toBe(200);
  return eventually(
    () => {
      const message = bot.fake.message(card.channel, card.ts);
      const shown = messageText(message);
      return message && !hasConfirm(message.blocks) && until.test(shown ?? '') ? shown : undefined;
    },
    { timeoutMs: 15_000, what: `the card to say ${until}` },
  );
}

it('VSPC refuses the connection: failed, nothing sent, the target is free again', { timeout: 60_000 }, async () => {
  const sim = await startSimulator({ vbr: 3 });
  sims.push(sim);
  t = await startTestBot({ sim, env: { APPROVERS: APPROVER }, vspc: FAST_VSPC });
  const uid = uidOf(sim.state.list('vbr')[0] as never);
  const asked = await requestAndConfirm(t, `license update vbr ${uid}`, {
    user: APPROVER,
    channel: 'C0DOWN',
    confirm: false,
  });
  expect(asked.card).toBeDefined();
  const card = asked.card as PostedCard;

  await sim.close(); // VSPC goes down: its port now refuses connections
  const final = await confirmAndWait(t, card, /unreachable/);
  expect(final).toMatch(/Failed/);
  expect(final).toMatch(/VSPC unreachable, nothing was sent/);
  expect(final).not.toMatch(/not known/i);
  expect(sim.writes()).toHaveLength(0);

  // VSPC is back on the same port: asking again makes a new card (the target is not blocked).
  const back = await startSimulator({ vbr: 3, port: sim.port });
  sims.push(back);
  const again = await requestAndConfirm(t, `license update vbr ${uid}`, { user: APPROVER, channel: 'C0DOWN' });
  expect(again.reply).toBeUndefined();
  expect(again.card?.actionId).not.toBe(card.actionId);
  expect(again.final).toMatch(/Done/);
  expect(back.writes()).toHaveLength(1);
});

it('VSPC accepts the connection and resets it: the write may have arrived, so it stays open', {
  timeout: 60_000,
}, async () => {
  const sim = await startSimulator({ vbr: 3 });
  sims.push(sim);
  t = await startTestBot({ sim, env: { APPROVERS: APPROVER }, vspc: FAST_VSPC });
  const uid = uidOf(sim.state.list('vbr')[1] as never);
  const asked = await requestAndConfirm(t, `license update vbr ${uid}`, {
    user: APPROVER,
    channel: 'C0RESET',
    confirm: false,
  });
  const card = asked.card as PostedCard;
  sim.faults.push({ kind: 'reset', match: (req) => req.method !== 'GET', times: 10 });
  const shown = await confirmAndWait(t, card, /not known yet/i);
  expect(shown).not.toMatch(/nothing was sent/);
  const again = await t.command(`license update vbr ${uid}`, APPROVER, 'C0RESET');
  expect(again.status).toBe(200);
  const reply = await eventually(
    () => {
      const body = t?.fake.responses(again.responseUrl).at(-1)?.body;
      return body ? messageText(body) : undefined;
    },
    {
      timeoutMs: 10_000,
      what: 'the answer to the second request',
    },
  );
  expect(reply).toMatch(/already requested/i);
});
