/**
 * GET /metrics of the running bot after real traffic (signed commands through the Slack HTTP path,
 * VSPC calls to the simulator, a Slack API failure from the fake): the counters say what happened.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uidOf } from '../../src/simulator/kinds.js';
import { buttonValue, waitForCard } from '../replicas/support/cards.js';
import { eventually } from '../replicas/support/eventually.js';
import { startTestBot, type TestBot } from '../support/app.js';
import { RESPONSE_URL } from '../support/slack/index.js';

const USER = 'U0ALICE';
const CHANNEL = 'C0LICENSES';

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ env: { APPROVERS: USER } });
}, 30_000);

afterAll(async () => {
  await t?.stop();
});

async function scrape(): Promise<string> {
  const response = await fetch(`${t.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

/** Scrapes until a line matches: some counters move after the answer was delivered. */
function scrapeUntil(pattern: RegExp): Promise<string> {
  return eventually(
    async () => {
      const text = await scrape();
      return pattern.test(text) ? text : undefined;
    },
    { what: `a /metrics line matching ${pattern}` },
  );
}

function vbrUid(index: number): string {
  const license = t.sim.state.list('vbr')[index];
  if (!license) throw new Error(`the simulator has no VBR license #${index}`);
  return uidOf(license);
}

describe('/metrics after real traffic', () => {
  it('counts the command by name and outcome, and times the VSPC requests it made by operation and status', async () => {
    const before = await scrape();
    expect(before).not.toMatch(/^vspc_bot_commands_total\{/m);

    const sent = await t.command('licenses vbr', USER, CHANNEL);
    expect(sent.status).toBe(200);
    await t.fake.waitFor(RESPONSE_URL, { since: sent.since, timeoutMs: 15_000 });

    const text = await scrapeUntil(/^vspc_bot_commands_total\{command="licenses",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^vspc_bot_vspc_request_duration_seconds_count\{operation="[^"]+",status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^# TYPE vspc_bot_vspc_request_duration_seconds histogram$/m);
    // Nothing else was counted as a command.
    expect(text.match(/^vspc_bot_commands_total\{.*$/gm)).toEqual([
      'vspc_bot_commands_total{command="licenses",outcome="ok"} 1',
    ]);
  }, 20_000);

  it('shows a requested write as a pending action', async () => {
    const since = t.fake.mark();
    const sent = await t.command(`license update vbr ${vbrUid(0)}`, USER, CHANNEL);
    expect(sent.status).toBe(200);
    await waitForCard(t.fake, since);
    const text = await scrapeUntil(/^vspc_bot_pending_actions\{state="pending"\} 1$/m);
    expect(text).toMatch(/^vspc_bot_commands_total\{command="license",outcome="ok"\} 1$/m);
  }, 20_000);

  it('counts a Slack API failure by method and error code (the card then goes by response_url)', async () => {
    t.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    const sent = await t.command(`license update vbr ${vbrUid(1)}`, USER, CHANNEL);
    expect(sent.status).toBe(200);
    const fallback = await t.fake.waitFor(RESPONSE_URL, {
      since: sent.since,
      where: (call) => buttonValue(call.params.blocks, 'confirm_action') !== undefined,
      timeoutMs: 15_000,
    });
    expect(fallback.params.response_type).toBe('in_channel');

    const text = await scrapeUntil(
      /^vspc_bot_slack_api_errors_total\{method="chat\.postMessage",error="not_in_channel"\} 1$/m,
    );
    expect(text).toMatch(/^vspc_bot_pending_actions\{state="pending"\} 2$/m);
  }, 20_000);
});
