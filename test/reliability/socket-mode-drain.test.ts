/**
 * Shutdown in Socket Mode. There is no HTTP receiver to answer Slack 503: draining means the socket
 * is closed at once (Slack sends new envelopes to another connection, or redelivers them), the health
 * server still answers (`/readyz` 503 "draining", `/healthz` 200), and the work the bot acknowledged
 * before (a command's answer, a confirmed write, a license file being installed) finishes and is
 * recorded before the store closes. Every hold is released by the test, so nothing here is timed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { uidOf } from '../../src/simulator/kinds.js';
import { isLicensingWrite } from '../../src/simulator/recorder.js';
import { createStore } from '../../src/store/create-store.js';
import { XML_LICENSE } from '../approvals/fixtures/licenses.js';
import { startTestBot, type TestBot } from '../support/app.js';
import {
  blockActionPayload,
  type FakeSlack,
  FILE_DOWNLOAD,
  fileInputValue,
  RESPONSE_URL,
  slashCommandPayload,
  startFakeSlack,
  viewSubmissionPayload,
} from '../support/slack/index.js';
import { buttonValue, messageText, postedCards, waitForCard } from './support/cards.js';
import { eventually } from './support/eventually.js';

const USER = 'U0ALICE';
const CHANNEL = 'C0LICENSES';

let sim: RunningSimulator;
let fake: FakeSlack;
let t: TestBot | undefined;
let stopped = false;

beforeAll(async () => {
  [sim, fake] = await Promise.all([startSimulator({ seed: 'socket-drain' }), startFakeSlack()]);
});

afterAll(async () => {
  if (t && !stopped) await t.bot.stop();
  await Promise.all([sim?.close(), fake?.close()]);
});

/** A promise the test settles itself, and one that settles when the held call has arrived. */
function hold(): { until: () => Promise<void>; arrived: Promise<void>; release: () => void } {
  let release = () => {};
  let arrive = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  return {
    until: () => {
      arrive();
      return released;
    },
    arrived,
    release,
  };
}

function command(text: string, responseUrl: string) {
  return fake.sendEnvelope({
    type: 'slash_commands',
    payload: slashCommandPayload({ text, userId: USER, channelId: CHANNEL, responseUrl }),
  });
}

async function status(path: string): Promise<string> {
  try {
    return `HTTP ${(await fetch(`${t?.url}${path}`)).status}`;
  } catch (error) {
    return String((error as { cause?: { code?: string } }).cause?.code ?? error);
  }
}

describe('graceful shutdown over Socket Mode', () => {
  it('closes the socket at once, answers /readyz 503 meanwhile, and finishes and records what it acknowledged', async () => {
    t = await startTestBot({ sim, fake, env: { SLACK_APP_TOKEN: fake.identity.appToken, APPROVERS: USER } });
    const bot = t;
    await fake.socket.waitForConnection();
    const license = sim.state.list('vbr')[0];
    if (!license) throw new Error('the simulator has no VBR license');
    const uid = uidOf(license);

    // 1. A confirmed write whose VSPC call is held.
    let since = fake.mark();
    await command(`license update vbr ${uid}`, fake.responseUrl());
    const card = await waitForCard(fake, since);
    const write = hold();
    sim.faults.push({ kind: 'hold', until: write.until(), match: isLicensingWrite });
    await fake.sendEnvelope({
      type: 'interactive',
      payload: blockActionPayload({
        actionId: 'confirm_action',
        value: card.actionId,
        userId: USER,
        channelId: CHANNEL,
        messageTs: card.ts,
        responseUrl: fake.responseUrl({ channel: CHANNEL, messageTs: card.ts }),
      }),
    });
    await eventually(() => sim.requests.find(isLicensingWrite), { what: 'the write to reach VSPC' });

    // 2. A command whose answer is held on its way to the response_url.
    const answer = hold();
    fake.failNext(RESPONSE_URL, { until: answer.until });
    const commandUrl = fake.responseUrl();
    await command('help', commandUrl);
    await answer.arrived;

    // 3. A license file submitted in the install modal, its download from Slack held.
    const download = hold();
    fake.failNext(FILE_DOWNLOAD, { until: download.until });
    const file = fake.hostFile({ name: 'acme.lic', bytes: XML_LICENSE });
    since = fake.mark();
    const submitted = await fake.sendEnvelope({
      type: 'interactive',
      payload: viewSubmissionPayload({
        callbackId: 'install_license',
        privateMetadata: JSON.stringify({ channel: CHANNEL, kind: 'vbr' }),
        userId: USER,
        values: {
          target: {
            target: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: uid }, value: uid } },
          },
          file: { file: fileInputValue(file) },
        } as never,
      }),
    });
    expect(submitted.payload ?? {}).toEqual({});
    await download.arrived;

    // SIGTERM's path: the socket closes at once, the health server stays.
    const stopping = bot.bot.stop().then(() => {
      stopped = true;
    });
    expect(await status('/readyz')).toBe('HTTP 503');
    expect(await status('/healthz')).toBe('HTTP 200');
    await eventually(() => (fake.socket.open === 0 ? true : undefined), { what: 'the socket to close' });
    // Closed by the bot, normally, with every envelope it was sent acknowledged.
    expect(fake.socket.closes()).toEqual([{ code: 1000, unacked: [] }]);
    await expect(command('licenses vbr', fake.responseUrl())).rejects.toThrow(/no open Socket Mode connection/);

    write.release();
    answer.release();
    download.release();
    await stopping;

    // No reconnect after the drain.
    expect(fake.calls('apps.connections.open')).toHaveLength(1);
    expect(fake.socket.connections).toBe(1);
    // The command was answered.
    expect(fake.responses(commandUrl)).toHaveLength(1);
    // The write ran once and its card shows the outcome.
    expect(sim.writes()).toHaveLength(1);
    expect(sim.writes()[0]?.requestId).toBe(card.actionId);
    const final = fake.message(CHANNEL, card.ts);
    expect(messageText(final)).toContain('Done');
    expect(buttonValue(final?.blocks, 'confirm_action')).toBeUndefined();
    // The license file became a pending install with its card.
    const installCard = postedCards(fake, since).find((posted) => posted.channel === CHANNEL);
    expect(installCard).toBeDefined();

    const store = await createStore(bot.databaseUrl);
    try {
      expect(await store.getAction(card.actionId)).toMatchObject({ status: 'succeeded' });
      const install = await store.getAction(installCard?.actionId ?? '');
      expect(install).toMatchObject({ status: 'pending', operation: { op: 'license.install' } });
      expect(install?.messageTs).toBe(installCard?.ts);
      const trail = (await store.listAudit(100)).filter((entry) => entry.actionId === card.actionId);
      expect(trail.map((entry) => entry.what)).toContain('executing→succeeded');
    } finally {
      await store.close();
    }
  }, 30_000);
});
