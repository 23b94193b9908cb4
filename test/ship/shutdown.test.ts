/**
 * SIGTERM while a confirmed write is in flight, on the bot as a real process (`serve`): the process
 * stops taking Slack requests at once (503, /readyz "draining"), lets the VSPC call finish, records its outcome and audit trail,
 * updates the card, and exits 0. Nothing is lost and nothing runs twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { uidOf } from '../../src/simulator/kinds.js';
import { isLicensingWrite } from '../../src/simulator/recorder.js';
import { createStore } from '../../src/store/create-store.js';
import { buttonValue, textOf, waitForCard } from '../replicas/support/cards.js';
import { eventually } from '../replicas/support/eventually.js';
import { botEnv, type SpawnedBot, spawnBot, TEST_SIGNING_SECRET, tempDatabase } from '../support/app.js';
import { type FakeSlack, sendBlockAction, sendSlashCommand, startFakeSlack } from '../support/slack/index.js';

const USER = 'U0ALICE';
const CHANNEL = 'C0LICENSES';
const WRITE_DELAY_MS = 1500;

let sim: RunningSimulator;
let fake: FakeSlack;
let bot: SpawnedBot | undefined;
const database = tempDatabase();

beforeAll(async () => {
  [sim, fake] = await Promise.all([startSimulator({ seed: 'shutdown' }), startFakeSlack()]);
});

afterAll(async () => {
  await bot?.kill();
  await Promise.all([sim?.close(), fake?.close()]);
  database.remove();
});

/** The outcome of a request the process may no longer take: an HTTP status, or the socket error code. */
async function attempt(send: () => Promise<{ status: number }>): Promise<string> {
  try {
    return `HTTP ${(await send()).status}`;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? String(error);
  }
}

describe('graceful shutdown of the process', () => {
  it('SIGTERM during a confirmed write: the write finishes once, is recorded and audited, and the process exits 0', async () => {
    bot = await spawnBot(
      { ...botEnv(fake, sim, database.url), APPROVERS: USER, LOG_LEVEL: 'info' },
      { readyTimeoutMs: 25_000 },
    );
    const running = bot;
    const license = sim.state.list('vbr')[0];
    if (!license) throw new Error('the simulator has no VBR license');
    const uid = uidOf(license);
    sim.faults.push({ kind: 'delay', ms: WRITE_DELAY_MS, match: isLicensingWrite });

    const since = fake.mark();
    const requested = await sendSlashCommand(running.url, TEST_SIGNING_SECRET, {
      text: `license update vbr ${uid}`,
      userId: USER,
      channelId: CHANNEL,
      responseUrl: fake.responseUrl(),
    });
    expect(requested.status).toBe(200);
    const card = await waitForCard(fake, since);

    const click = await sendBlockAction(running.url, TEST_SIGNING_SECRET, {
      actionId: 'confirm_action',
      value: card.actionId,
      userId: USER,
      channelId: CHANNEL,
      messageTs: card.ts,
      responseUrl: fake.responseUrl({ channel: CHANNEL, messageTs: card.ts }),
    });
    expect(click.status).toBe(200);

    // The write reached VSPC and is held there for 1.5 s: now the process is told to stop.
    const write = await eventually(() => sim.requests.find(isLicensingWrite), { what: 'the write to reach VSPC' });
    expect(write.status).toBeUndefined();
    running.child.kill('SIGTERM');
    await eventually(() => (running.stdout().includes('shutting down') ? true : undefined), {
      what: 'the bot to log that it is shutting down',
    });

    // A new request after SIGTERM is not taken: Slack gets 503 (it retries elsewhere) while the
    // listener stays open for probes, and /readyz says "draining" instead of refusing the connection.
    const late = await attempt(() =>
      sendSlashCommand(running.url, TEST_SIGNING_SECRET, {
        text: 'licenses vbr',
        userId: USER,
        channelId: CHANNEL,
        responseUrl: fake.responseUrl(),
      }),
    );
    expect(late).toBe('HTTP 503');
    expect(await attempt(() => fetch(`${running.url}/readyz`))).toBe('HTTP 503');

    expect(await running.exited).toBe(0);
    expect(write.status).toBe(200);
    expect(running.stdout() + running.stderr()).not.toMatch(/shutdown timed out|shutdown failed/);
    expect(running.stdout()).toMatch(/"msg":"stopped"/);

    // Exactly one write reached VSPC, carrying the action id.
    expect(sim.writes()).toHaveLength(1);
    expect(sim.writes()[0]?.requestId).toBe(card.actionId);

    // The card shows the outcome (it was updated while draining, before the process exited).
    const final = fake.message(CHANNEL, card.ts);
    expect(textOf(final)).toContain('Done');
    expect(buttonValue(final?.blocks, 'confirm_action')).toBeUndefined();

    // The database the process left behind: the action succeeded, and the audit trail is whole.
    const store = await createStore(database.url);
    try {
      expect(await store.getAction(card.actionId)).toMatchObject({ status: 'succeeded', confirmedBy: USER });
      const entries = (await store.listAudit(100)).filter((entry) => entry.actionId === card.actionId).reverse();
      // The command itself is audited too (with the action it created); the approval trail, in order:
      expect(entries.filter((entry) => entry.event === 'command').map((entry) => entry.what)).toEqual([
        `license update vbr ${uid}`,
      ]);
      const trail = entries
        .filter((entry) => entry.event !== 'command')
        .map((entry) => [entry.event, entry.event === 'click' ? entry.outcome : entry.what]);
      expect(trail).toEqual([
        ['request', expect.stringContaining('fresh license')],
        ['click', 'accepted'],
        ['transition', 'pending→executing'],
        ['transition', 'executing→succeeded'],
        ['outcome', 'Update license'],
      ]);
      expect(entries.at(-1)?.outcome).toMatch(/^succeeded/);
      expect(entries.every((entry) => entry.requestId === card.actionId || entry.event === 'command')).toBe(true);
      expect(await store.listActions({ status: ['pending', 'executing'] })).toEqual([]);
    } finally {
      await store.close();
    }
  }, 30_000);
});
