/**
 * The floor of the ack ratio: a bare Bolt app (bench/lib/bare-bolt-child.ts: one command listener
 * that only acks, the bot's node flags) through the same bursts as the bot: 100 concurrent
 * `/healthz`, then 100 concurrent signed `/vspc licenses`, over connections opened beforehand.
 * Whatever ratio it shows is Bolt's (body read, signature check, middleware, ack) and Node's, not
 * the bot's. Median of a few rounds: the machine's noise moves single rounds a lot.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../test/support/app.js';
import { keepAliveAgent, timedRequest } from './lib/http.js';
import { imageNodeFlags } from './lib/image-node-flags.js';
import { BURST, SIGNING_SECRET, signedSlashCommand } from './lib/slash-burst.js';
import { median, percentile } from './lib/stats.js';

const ROUNDS = 5;

export interface BoltFloorResult {
  healthP99Ms: number;
  ackP99Ms: number;
  /** Median over the rounds of ack p99 ÷ healthz p99 in the same round. */
  ratio: number;
}

export async function measureBoltFloor(): Promise<BoltFloorResult> {
  const child = spawn(
    process.execPath,
    [...imageNodeFlags(), '--import', 'tsx', join(ROOT, 'bench/lib/bare-bolt-child.ts')],
    { cwd: ROOT, env: { ...process.env, BENCH_SIGNING_SECRET: SIGNING_SECRET }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        const match = /PORT (\d+)/.exec(chunk);
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`the bare Bolt app exited (${code})`)));
    });
    const url = `http://127.0.0.1:${port}`;
    const agent = keepAliveAgent(BURST);
    // The bare app never answers through the response URL: nothing listens there.
    const signed = () =>
      signedSlashCommand({
        url: `${url}/slack/events`,
        text: 'licenses',
        user: 'U0FLOOR',
        responseUrl: 'http://127.0.0.1:9/unused',
      });
    const healthBurst = () =>
      Promise.all(Array.from({ length: BURST }, () => timedRequest(`${url}/healthz`, { agent })));
    // Warm-up, as the bot's bench: the command path a few times, the burst's connections opened.
    for (let i = 0; i < 5; i++) {
      const warm = await signed();
      await timedRequest(warm.url, { method: 'POST', headers: warm.headers, body: warm.body, agent });
    }
    await healthBurst();
    await healthBurst();
    const rounds: BoltFloorResult[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const health = await healthBurst();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const requests = await Promise.all(Array.from({ length: BURST }, () => signed()));
      const acks = await Promise.all(
        requests.map((s) => timedRequest(s.url, { method: 'POST', headers: s.headers, body: s.body, agent })),
      );
      if (acks.some((ack) => ack.status !== 200)) throw new Error('the bare Bolt app did not ack every command');
      const healthP99Ms = percentile(
        health.map((h) => h.ms),
        99,
      );
      const ackP99Ms = percentile(
        acks.map((a) => a.ms),
        99,
      );
      rounds.push({ healthP99Ms, ackP99Ms, ratio: ackP99Ms / healthP99Ms });
    }
    agent.destroy();
    return {
      healthP99Ms: median(rounds.map((r) => r.healthP99Ms)),
      ackP99Ms: median(rounds.map((r) => r.ackP99Ms)),
      ratio: median(rounds.map((r) => r.ratio)),
    };
  } finally {
    child.kill();
  }
}
