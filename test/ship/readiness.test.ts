/**
 * `/readyz` costs VSPC nothing while the bot is busy or was asked lately, and says 503 "draining"
 * (rather than refusing the connection) while the bot finishes its work after SIGTERM.
 */
import { afterEach, expect, it } from 'vitest';
import { uidOf } from '../../src/simulator/kinds.js';
import { isLicensingWrite } from '../../src/simulator/recorder.js';
import { eventually } from '../reliability/support/eventually.js';
import { requestAndConfirm } from '../reliability/support/write-flow.js';
import { startTestBot, type TestBot } from '../support/app.js';

const APPROVER = 'U0APPROVER';
let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

const settingsReads = (bot: TestBot) =>
  bot.sim.requests.filter((req) => req.method === 'GET' && req.path.endsWith('/licensing/console/settings')).length;

it('twenty probes in a row ask VSPC at most once', async () => {
  t = await startTestBot();
  const before = settingsReads(t);
  const statuses: number[] = [];
  for (let i = 0; i < 20; i++) statuses.push((await fetch(`${t.url}/readyz`)).status);
  expect(statuses.every((status) => status === 200)).toBe(true);
  expect(settingsReads(t) - before).toBeLessThanOrEqual(1);
});

it('while draining: /readyz 503 "draining", Slack 503, /healthz 200; then the listener closes', {
  timeout: 30_000,
}, async () => {
  t = await startTestBot({ env: { APPROVERS: APPROVER } });
  const bot = t;
  const license = bot.sim.state.list('vbr')[0];
  if (!license) throw new Error('no VBR license in the simulator');
  bot.sim.faults.push({ kind: 'delay', ms: 1500, match: isLicensingWrite });
  const asked = await requestAndConfirm(bot, `license update vbr ${uidOf(license)}`, {
    user: APPROVER,
    channel: 'C0DRAIN',
    confirm: false,
  });
  const card = asked.card;
  if (!card) throw new Error(`no card: ${asked.reply}`);
  await bot.click({
    actionId: 'confirm_action',
    value: card.actionId,
    messageTs: card.ts,
    user: APPROVER,
    channel: card.channel,
  });
  await eventually(() => bot.sim.requests.find(isLicensingWrite), { what: 'the write to reach VSPC' });

  const stopped = bot.bot.stop(); // what SIGTERM does
  const ready = await fetch(`${bot.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({ status: 'draining' });
  expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  const command = await bot.command('licenses', APPROVER);
  expect(command.status).toBe(503);

  await stopped;
  expect(bot.sim.writes()).toHaveLength(1);
  await expect(fetch(`${bot.url}/readyz`)).rejects.toThrow();
  t = undefined;
  await bot.stop();
});
