/**
 * The digest through the real app: the scheduled job posts one digest to the fake Slack with the
 * simulator's expiring licenses and pending reports; a restart the same day posts nothing; the
 * digest's Finalize button leads, after approval, to exactly one finalization in VSPC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../src/simulator/index.js';
import { startTestBot, type TestBot, tempDatabase } from '../support/app.js';
import { type FakeSlack, startFakeSlack } from '../support/slack/index.js';

const DIGEST_CHANNEL = 'C0DIGEST';
const APPROVER = 'U0APPROVER';

interface Button {
  action_id: string;
  value: string;
}

function buttonsOf(blocks: unknown[] | undefined): Button[] {
  const found: Button[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const value = node as Record<string, unknown>;
      if (value.type === 'button' && typeof value.action_id === 'string') {
        found.push({ action_id: value.action_id, value: String(value.value) });
      }
      Object.values(value).forEach(walk);
    }
  };
  walk(blocks ?? []);
  return found;
}

describe('digest through Slack', () => {
  let sim: RunningSimulator;
  let fake: FakeSlack;
  const database = tempDatabase();
  const env = { APPROVERS: APPROVER, DIGEST_CHANNEL, DATABASE_URL: database.url, DIGEST_CRON: '0 8 * * *' };
  let bot: TestBot;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 21 });
    fake = await startFakeSlack();
    bot = await startTestBot({ sim, fake, env });
  });

  afterAll(async () => {
    await bot.stop();
    await fake.close();
    await sim.close();
    database.remove();
  });

  it('posts one digest with the expiring licenses and pending reports, once a day, across a restart', async () => {
    // start() may already have caught up (08:00 passed in UTC); the scheduled job runs again anyway.
    await bot.bot.services.digest.runScheduled();
    const posted = () => fake.messages(DIGEST_CHANNEL).filter((m) => !m.threadTs && !m.ephemeral);
    await fake.waitFor((call) => call.method === 'chat.postMessage' && call.params.channel === DIGEST_CHANNEL);
    expect(posted()).toHaveLength(1);

    const all = JSON.stringify(fake.messages(DIGEST_CHANNEL).map((m) => [m.text, m.blocks]));
    const { notable, reports } = sim.state.inventory;
    for (const ref of [...notable.expired, ...notable.expiringIn7Days]) {
      if (ref.kind !== 'console') expect(all, ref.uid).toContain(ref.uid.slice(0, 8));
    }
    const pending = reports.filter((r) => r.reportStatus === 'ApprovalRequired');
    expect(pending.length).toBeGreaterThan(0);
    for (const report of pending) expect(all).toContain(`Report ${report.reportParameters.reportId}`);

    // Same day, new process on the same store: nothing more.
    await bot.stop();
    bot = await startTestBot({ sim, fake, env });
    await bot.bot.services.digest.runScheduled();
    expect(posted()).toHaveLength(1);
  });

  it('Finalize in the digest creates an approval card; after approval VSPC finalizes exactly once', async () => {
    const digest = fake.messages(DIGEST_CHANNEL).find((m) => !m.threadTs && !m.ephemeral);
    const finalize = buttonsOf(digest?.blocks).find((b) => b.value === 'reports finalize');
    expect(finalize?.action_id).toMatch(/^run_command/);

    const since = fake.mark();
    const click = await bot.click({
      actionId: finalize!.action_id,
      value: finalize!.value,
      messageTs: digest!.ts,
      user: APPROVER,
      channel: DIGEST_CHANNEL,
    });
    expect(click.status).toBe(200);
    const card = await fake.waitFor(
      (call) =>
        call.method === 'chat.postMessage' && JSON.stringify(call.params.blocks ?? '').includes('confirm_action'),
      { since, timeoutMs: 10_000 },
    );
    const cardTs = String((card.result as { ts?: string }).ts);
    const confirm = buttonsOf(fake.message(DIGEST_CHANNEL, cardTs)?.blocks).find(
      (b) => b.action_id === 'confirm_action',
    );
    expect(confirm).toBeDefined();

    const finalizations = () => sim.writes().filter((r) => r.path.endsWith('/licensing/reports/finalization'));
    expect(finalizations()).toHaveLength(0);
    await Promise.all(
      [1, 2, 3].map(() =>
        bot.click({
          actionId: 'confirm_action',
          value: confirm!.value,
          messageTs: cardTs,
          user: APPROVER,
          channel: DIGEST_CHANNEL,
        }),
      ),
    );
    await fake.waitFor(
      () => (fake.message(DIGEST_CHANNEL, cardTs)?.text ?? '').match(/succeeded|Done|finalized/i) !== null,
      {
        timeoutMs: 10_000,
      },
    );
    expect(finalizations()).toHaveLength(1);
    expect(finalizations()[0]?.requestId).toBe(confirm!.value);
    expect(sim.state.inventory.reports.filter((r) => r.reportStatus === 'ApprovalRequired')).toHaveLength(0);
  });
});
