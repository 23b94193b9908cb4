/**
 * `vspc_bot_digest_runs_total` counts the scheduled digest runs of the running bot by outcome: a bot
 * started after today's scheduled time catches the run up and posts (outcome `posted`); the same
 * day's next run finds every channel done (`skipped`).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually } from '../replicas/support/eventually.js';
import { startTestBot, type TestBot } from '../support/app.js';

const DIGEST_CHANNEL = 'C0DIGEST';

let t: TestBot;

beforeAll(async () => {
  // 00:00 UTC has always passed when the bot starts, so it catches today's run up at once.
  t = await startTestBot({ env: { DIGEST_CHANNEL, DIGEST_CRON: '0 0 * * *', DIGEST_TIMEZONE: 'UTC' } });
}, 30_000);

afterAll(async () => {
  await t?.stop();
});

async function digestRuns(): Promise<string[]> {
  const text = await (await fetch(`${t.url}/metrics`)).text();
  return text.match(/^vspc_bot_digest_runs_total\{.*$/gm) ?? [];
}

it('counts the caught-up run as posted, and a second run the same day as skipped', async () => {
  const posted = await eventually(
    async () => {
      const lines = await digestRuns();
      return lines.length > 0 ? lines : undefined;
    },
    { what: 'a vspc_bot_digest_runs_total line' },
  );
  expect(posted).toEqual(['vspc_bot_digest_runs_total{outcome="posted"} 1']);
  expect(t.fake.calls('chat.postMessage').some((call) => call.params.channel === DIGEST_CHANNEL)).toBe(true);

  await t.bot.services.digest.runScheduled();
  expect((await digestRuns()).toSorted()).toEqual([
    'vspc_bot_digest_runs_total{outcome="posted"} 1',
    'vspc_bot_digest_runs_total{outcome="skipped"} 1',
  ]);
}, 30_000);
