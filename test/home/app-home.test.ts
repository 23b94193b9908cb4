/**
 * The App Home through the whole bot (signed Events API and interactivity requests, simulator,
 * SQLite, fake Slack): an approver's Home lists what waits for them with the cards' own buttons; a
 * viewer's has none; 50 Confirm clicks from the Home make one VSPC write and replace the card in the
 * channel; opening the Home 100 times costs VSPC next to nothing and publishes a bounded number of views.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uidOf } from '../../src/simulator/kinds.js';
import { buttonValue, type PostedCard, waitForCard } from '../replicas/support/cards.js';
import { startTestBot, type TestBot } from '../support/app.js';
import {
  appHomeOpenedPayload,
  homeBlockActionPayload,
  type RecordedCall,
  sendEvent,
  sendSignedPayload,
} from '../support/slack/index.js';

const CHANNEL = 'C0LICENSES';
const APPROVER = 'U0APPROVER';
const OPERATOR = 'U0OPERATOR';
const VIEWER = 'U0VIEWER';
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({
    env: { APPROVERS: APPROVER, OPERATORS: OPERATOR, DIGEST_CHANNEL: 'C0DIGEST' },
    simulator: { seed: 'home' },
  });
}, 30_000);
afterAll(async () => {
  await t?.stop();
});

async function requestUpdate(index: number): Promise<PostedCard> {
  const uid = uidOf(t.sim.state.list('vbr')[index]!);
  const since = t.fake.mark();
  await t.command(`license update vbr ${uid}`, OPERATOR, CHANNEL);
  return waitForCard(t.fake, since);
}

function openHome(userId: string) {
  return sendEvent(t.url, t.secret, appHomeOpenedPayload({ userId }), { timeoutMs: 20_000 });
}

function publishedFor(userId: string, since: number, where: (call: RecordedCall) => boolean = () => true) {
  return t.fake.waitFor((call) => call.method === 'views.publish' && call.params.user_id === userId && where(call), {
    since,
    timeoutMs: 15_000,
  });
}

/** Every button in a list of blocks (actions elements and section accessories). */
type Element = { type?: string; action_id?: string; value?: string };
function buttons(blocks: unknown): Element[] {
  const found: Element[] = [];
  for (const block of (blocks ?? []) as { elements?: Element[]; accessory?: Element }[]) {
    for (const element of (block.elements ?? []) as { type?: string }[])
      if (element.type === 'button') found.push(element);
    if (block.accessory?.type === 'button') found.push(block.accessory);
  }
  return found;
}

const viewOf = (call: RecordedCall) => call.params.view as { type: string; blocks: unknown[] };

describe('App Home', () => {
  let card: PostedCard;

  it('opening the Home 100 times in a row costs VSPC at most one load and publishes a bounded number of views', async () => {
    const requestsBefore = t.sim.requests.length;
    const since = t.fake.mark();
    const users = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? APPROVER : VIEWER));
    const sent = Date.now();
    const acks = await Promise.all(users.map((user) => openHome(user)));
    const spreadMs = Date.now() - sent;
    expect(acks.every((ack) => ack.status === 200)).toBe(true);
    await publishedFor(APPROVER, since);
    await publishedFor(VIEWER, since);
    await t.bot.slack.home?.idle();
    const publishes = t.fake.calls('views.publish').filter((call) => call.seq > since);
    const vspc = t.sim.requests.slice(requestsBefore).filter((request) => !request.path.endsWith('/token'));
    // Per person one publish at a time, one more queued for everything that arrived meanwhile, and a
    // 2 s pause between two: per person at most one publish per pause while the opens kept arriving, plus
    // the first and the last; far fewer than the 100 opens, however slowly this machine delivered them.
    expect(publishes.length).toBeGreaterThanOrEqual(2);
    expect(publishes.length).toBeLessThanOrEqual(2 * (2 + Math.ceil(spreadMs / 2000)));
    expect(publishes.length).toBeLessThan(50);
    // The team facts (inventory and pending reports) are loaded once and shared: each VSPC path asked once.
    const paths = vspc.map((request) => `${request.path}?${new URLSearchParams(request.query)}`);
    expect(paths.length).toBeGreaterThan(0);
    expect(new Set(paths).size).toBe(paths.length);
    console.info(`Home open ×100 → ${vspc.length} VSPC requests, ${publishes.length} views.publish`);
  }, 60_000);

  it("an approver's Home lists the action waiting for them, with the card's own Confirm and Cancel", async () => {
    card = await requestUpdate(0);
    const since = t.fake.mark();
    const answer = await openHome(APPROVER);
    expect(answer.status).toBe(200);
    const published = await publishedFor(APPROVER, since);
    const view = viewOf(published);
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Waiting for your decision* (1)');
    expect(buttonValue(view.blocks, 'confirm_action')).toBe(card.actionId);
    expect(buttonValue(view.blocks, 'cancel_action')).toBe(card.actionId);
    expect(text).toContain(`approval:${card.actionId}`);
    expect(text).toContain('Licenses expired or expiring within 7 days');
    expect(text).toContain('Usage reports waiting for approval');
    expect(text).toContain('Daily digest');
    expect(text).toContain('Your roles*: viewer, approver');
    expect(t.fake.homeView(APPROVER)?.view.type).toBe('home');
  }, 30_000);

  it("a viewer's Home has the read parts and no button at all", async () => {
    const since = t.fake.mark();
    await openHome(VIEWER);
    const view = viewOf(await publishedFor(VIEWER, since));
    expect(buttons(view.blocks)).toEqual([]);
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Waiting for your decision* (0)');
    expect(text).toContain('Licenses expired or expiring within 7 days');
    expect(text).not.toContain(card.actionId);
  }, 30_000);

  it('the requester sees their open request on their Home, without buttons', async () => {
    const since = t.fake.mark();
    await openHome(OPERATOR);
    const view = viewOf(await publishedFor(OPERATOR, since));
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Your requests* (1 open');
    expect(text).toContain(card.actionId);
    expect(buttons(view.blocks)).toEqual([]);
  }, 30_000);

  it('a Confirm from the Home that is refused says why on that Home; nothing runs', async () => {
    const writesBefore = t.sim.writes().length;
    const since = t.fake.mark();
    await sendSignedPayload(
      t.url,
      t.secret,
      homeBlockActionPayload({ actionId: 'confirm_action', value: card.actionId, userId: OPERATOR }),
    );
    const published = await publishedFor(OPERATOR, since, (call) =>
      JSON.stringify(viewOf(call).blocks).includes('Only approvers'),
    );
    expect(JSON.stringify(viewOf(published).blocks)).toContain(':warning:');
    expect(t.sim.writes().length).toBe(writesBefore);
    expect((await t.bot.services.store.getAction(card.actionId))?.status).toBe('pending');
  }, 30_000);

  it('50 concurrent Confirm clicks from the Home: one VSPC write, the card in the channel replaced, Homes refreshed', async () => {
    const writesBefore = t.sim.writes().length;
    const since = t.fake.mark();
    const acks = await Promise.all(
      Array.from({ length: 50 }, () =>
        sendSignedPayload(
          t.url,
          t.secret,
          homeBlockActionPayload({ actionId: 'confirm_action', value: card.actionId, userId: APPROVER }),
          { timeoutMs: 20_000 },
        ),
      ),
    );
    expect(acks.map((ack) => ack.status)).toEqual(Array(50).fill(200));
    const done = await t.fake.waitFor(
      (call) =>
        call.method === 'chat.update' &&
        call.params.channel === CHANNEL &&
        call.params.ts === card.ts &&
        JSON.stringify(call.params.blocks).includes('Done'),
      { since, timeoutMs: 20_000 },
    );
    expect(buttonValue(done.params.blocks, 'confirm_action')).toBeUndefined();
    const writes = t.sim.writes().slice(writesBefore);
    expect(writes).toHaveLength(1);
    expect(writes[0]?.requestId).toBe(card.actionId);
    expect(JSON.stringify(t.fake.message(CHANNEL, card.ts)?.blocks)).toContain('Done');
    // Nothing went to a response_url: a click in the Home has none.
    expect(t.fake.calls('response_url').filter((call) => call.seq > since)).toEqual([]);

    // The approver's and the requester's Homes no longer offer the action; the requester's says how it ended.
    await publishedFor(APPROVER, since, (call) => buttonValue(viewOf(call).blocks, 'confirm_action') === undefined);
    await publishedFor(OPERATOR, since, (call) => JSON.stringify(viewOf(call).blocks).includes('succeeded'));
    await t.bot.slack.home?.idle();
    const last = t.fake.homeView(APPROVER);
    expect(buttonValue(last?.view.blocks, 'confirm_action')).toBeUndefined();
    expect(t.fake.calls('chat.postEphemeral').filter((call) => call.seq > since)).toEqual([]);
  }, 60_000);

  it('the Messages tab does not publish anything', async () => {
    await t.bot.slack.home?.idle();
    const since = t.fake.mark();
    await sendEvent(t.url, t.secret, appHomeOpenedPayload({ userId: 'U0OTHER', tab: 'messages' }));
    await openHome('U0THIRD');
    await publishedFor('U0THIRD', since);
    expect(
      t.fake.calls('views.publish').filter((call) => call.seq > since && call.params.user_id === 'U0OTHER'),
    ).toEqual([]);
  }, 30_000);
});
