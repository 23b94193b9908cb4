/**
 * `/vspc pending` through the whole bot (signed command, simulator, SQLite, fake Slack): it lists
 * exactly the open actions — waiting or executing — and none that ended, each with a link to its card
 * on the team's own domain (auth.test's url).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render-text.js';
import { uidOf } from '../../src/simulator/kinds.js';
import { buttonValue, waitForCard } from '../replicas/support/cards.js';
import { startTestBot, type TestBot } from '../support/app.js';
import { RESPONSE_URL } from '../support/slack/index.js';

const CHANNEL = 'C0LICENSES';
const APPROVER = 'U0APPROVER';
const OPERATOR = 'U0OPERATOR';
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ env: { APPROVERS: APPROVER, OPERATORS: OPERATOR }, simulator: { seed: 'pending' } });
}, 30_000);
afterAll(async () => {
  await t?.stop();
});

async function requestUpdate(uid: string) {
  const since = t.fake.mark();
  const answer = await t.command(`license update vbr ${uid}`, OPERATOR, CHANNEL);
  expect(answer.status).toBe(200);
  return waitForCard(t.fake, since);
}

async function answerTo(text: string, user: string) {
  const answer = await t.command(text, user, CHANNEL);
  const target = decodeURIComponent(answer.responseUrl.split('/').pop() ?? '');
  const call = await t.fake.waitFor((c) => c.method === RESPONSE_URL && c.target === target, {
    since: answer.since,
    timeoutMs: 15_000,
  });
  return JSON.stringify(call.params);
}

describe('/vspc pending', () => {
  it('lists exactly the open actions (waiting and executing), never ended ones, with links to their cards', async () => {
    const uids = t.sim.state.list('vbr').slice(0, 4).map(uidOf);
    const cards = [];
    for (const uid of uids) cards.push(await requestUpdate(uid));
    const [waiting, running, confirmed, cancelled] = cards as [
      (typeof cards)[0],
      (typeof cards)[0],
      (typeof cards)[0],
      (typeof cards)[0],
    ];

    const since = t.fake.mark();
    await t.click({ actionId: 'confirm_action', value: confirmed.actionId, messageTs: confirmed.ts, user: APPROVER });
    await t.click({ actionId: 'cancel_action', value: cancelled.actionId, messageTs: cancelled.ts, user: OPERATOR });
    for (const card of [confirmed, cancelled]) {
      await t.fake.waitFor(
        (call) =>
          call.method === 'chat.update' &&
          call.params.ts === card.ts &&
          /Done|Cancelled/.test(JSON.stringify(call.params.blocks)),
        { since, timeoutMs: 15_000 },
      );
    }
    // An action confirmed but still running (its VSPC call not back yet), made directly in the store.
    const store = t.bot.services.store;
    expect(
      await store.transition(running.actionId, 'pending', 'executing', new Date(), { confirmedBy: APPROVER }),
    ).toBe(true);

    const answer = await answerTo('pending', 'U0SOMEVIEWER');
    for (const open of [waiting, running]) {
      expect(answer).toContain(open.actionId);
      expect(answer).toContain(`https://fake-workspace.slack.com/archives/${CHANNEL}/p${open.ts.replace('.', '')}`);
    }
    for (const ended of [confirmed, cancelled]) expect(answer).not.toContain(ended.actionId);
    expect(answer).toContain('waits for a decision until');
    expect(answer).toContain(`running`);
    expect(answer).toContain('2 open actions');
    // The list only points at the cards: the buttons stay on them.
    expect(buttonValue(JSON.parse(answer).blocks, 'confirm_action')).toBeUndefined();

    const open = await store.listActions({ status: ['pending', 'executing'] });
    expect(open.map((action) => action.id).sort()).toEqual([waiting.actionId, running.actionId].sort());
    const text = renderText({ type: 'pending', actions: open }, { timeZone: 'UTC' });
    expect(text).toContain('2 open actions');
    expect(text).toContain(waiting.actionId);
    expect(text).not.toContain(confirmed.actionId);
  }, 60_000);

  it('with nothing open says so', async () => {
    const store = t.bot.services.store;
    const now = new Date();
    for (const action of await store.listActions({ status: ['pending'] })) {
      await store.transition(action.id, 'pending', 'cancelled', now, { outcome: 'test', finishedAt: now });
    }
    for (const action of await store.listActions({ status: ['executing'] })) {
      await store.transition(action.id, 'executing', 'failed', now, { outcome: 'test', finishedAt: now });
    }
    expect(await answerTo('pending', 'U0SOMEVIEWER')).toContain('Nothing waits for a decision or runs');
  }, 30_000);
});
