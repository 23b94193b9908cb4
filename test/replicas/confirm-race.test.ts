/**
 * Two app instances on one PostgreSQL (DESIGN §2.3, §7): a write requested through one of them and
 * 50 signed Confirm clicks spread over both reach VSPC exactly once, with the action id as
 * X-Request-id, and the card ends in one outcome. The store's compare-and-set decides, not memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { uidOf } from '../../src/simulator/kinds.js';
import { createStore } from '../../src/store/create-store.js';
import { type PostgresServer, startPostgres } from '../support/postgres.js';
import { type FakeSlack, RESPONSE_URL, startFakeSlack } from '../support/slack/index.js';
import { buttonValue, textOf, waitForCard } from './support/cards.js';
import { type Replica, startReplica } from './support/replica.js';

const CHANNEL = 'C0LICENSES';
const APPROVERS = ['U0ALICE', 'U0BOB'];
const CLICKS = 50;

let pg: PostgresServer;
let sim: RunningSimulator;
let fake: FakeSlack;
let databaseUrl: string;
const replicas: Replica[] = [];

beforeAll(async () => {
  [pg, sim, fake] = await Promise.all([startPostgres(), startSimulator({ seed: 'replicas' }), startFakeSlack()]);
  databaseUrl = await pg.newDatabase();
  const env = { APPROVERS: APPROVERS.join(',') };
  // Started together: both migrate the same new database at once, as two pods rolling out would.
  replicas.push(
    ...(await Promise.all([
      startReplica({ sim, fake, databaseUrl, env }),
      startReplica({ sim, fake, databaseUrl, env }),
    ])),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map((replica) => replica.stop()));
  await Promise.all([sim?.close(), fake?.close()]);
  await pg?.stop();
});

describe('two bots on one PostgreSQL', () => {
  it('50 Confirm clicks spread over both make exactly one VSPC write, and the card ends once', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const license = sim.state.list('vbr')[0];
    if (!license) throw new Error('the simulator has no VBR license');
    const uid = uidOf(license);

    const since = fake.mark();
    const requested = await a.command(`license update vbr ${uid}`, 'U0ALICE', CHANNEL);
    expect(requested.status).toBe(200);
    const card = await waitForCard(fake, since);
    expect(card.channel).toBe(CHANNEL);

    // Asking again through the other instance finds the open action instead of making a second one.
    const again = await b.command(`license update vbr ${uid}`, 'U0BOB', CHANNEL);
    expect(again.status).toBe(200);
    await fake.waitFor(RESPONSE_URL, {
      where: (call) => again.responseUrl.endsWith(call.target ?? '\0'),
      timeoutMs: 15_000,
    });
    const store = await createStore(databaseUrl);
    try {
      expect(await store.listActions({})).toHaveLength(1);
    } finally {
      await store.close();
    }

    const beforeClicks = fake.mark();
    const acks = await Promise.all(
      Array.from({ length: CLICKS }, (_, i) =>
        (i % 2 === 0 ? a : b).click({
          actionId: 'confirm_action',
          value: card.actionId,
          messageTs: card.ts,
          user: APPROVERS[i % APPROVERS.length]!,
          channel: CHANNEL,
        }),
      ),
    );
    expect(acks.map((ack) => ack.status)).toEqual(Array(CLICKS).fill(200));

    // The winner's card ends in "Done"; the 49 others are told, each in an ephemeral answer.
    const done = await fake.waitFor(
      (call) => call.method === 'chat.update' && call.params.ts === card.ts && textOf(call.params).includes('Done'),
      { since: beforeClicks, timeoutMs: 20_000 },
    );
    expect(buttonValue(done.params.blocks, 'confirm_action')).toBeUndefined();
    await fake.waitFor(
      (call) =>
        call.method === RESPONSE_URL && (call.params as { response_type?: unknown }).response_type === 'ephemeral',
      { since: beforeClicks, count: CLICKS - 1, timeoutMs: 20_000 },
    );

    const writes = sim.writes();
    expect(writes).toHaveLength(1);
    expect(writes.filter((write) => write.requestId === card.actionId)).toHaveLength(1);
    expect(writes[0]).toMatchObject({ method: 'POST', requestId: card.actionId, status: 200 });
    expect(writes[0]?.path.toLowerCase()).toContain(uid.toLowerCase());

    const updates = fake.calls('chat.update').filter((call) => call.params.ts === card.ts);
    const leads = updates.map((call) => (textOf(call.params).includes('Done') ? 'done' : 'other'));
    expect(leads.filter((lead) => lead === 'done')).toHaveLength(1);
    expect(updates.every((call) => !textOf(call.params).match(/Failed|Outcome unknown|Cancelled|Expired/))).toBe(true);
    const final = fake.message(CHANNEL, card.ts);
    expect(textOf(final)).toContain('Done');
    expect(buttonValue(final?.blocks, 'confirm_action')).toBeUndefined();

    const check = await createStore(databaseUrl);
    try {
      const action = await check.getAction(card.actionId);
      expect(action).toMatchObject({ status: 'succeeded', requestedBy: 'U0ALICE' });
      expect(APPROVERS).toContain(action?.confirmedBy);
      const audit = (await check.listAudit(500)).filter((entry) => entry.actionId === card.actionId);
      const clicks = audit.filter((entry) => entry.event === 'click');
      expect(clicks).toHaveLength(CLICKS);
      expect(clicks.filter((entry) => entry.outcome === 'accepted')).toHaveLength(1);
      expect(audit.filter((entry) => entry.event === 'transition').map((entry) => entry.what)).toEqual([
        'executing→succeeded',
        'pending→executing',
      ]);
    } finally {
      await check.close();
    }
  }, 30_000);
});
