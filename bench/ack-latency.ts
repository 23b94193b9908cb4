/**
 * Slash-command ack latency: 100 signed `/vspc licenses` at once while VSPC (the simulator) takes
 * 2 s for every call, next to a burst of 100 bare `GET /healthz` against the same bot just before.
 * The bot runs as its own process, so the measuring client shares no event loop with it. The ratio
 * of the two p99s is what the ack path costs beyond plain HTTP on this machine.
 */
import { type SpawnedBot, spawnBot, tempDatabase } from '../test/support/app.js';
import { INVENTORY } from './inventory-load.js';
import { type FakeSlackProcess, startFakeSlackProcess, startSimulatorProcess } from './lib/children.js';
import { keepAliveAgent, timedRequest } from './lib/http.js';
import { imageNodeFlags } from './lib/image-node-flags.js';
import { peakRssMb, rssMb } from './lib/process-memory.js';
import { BURST, SIGNING_SECRET, signedSlashCommand } from './lib/slash-burst.js';
import { percentile } from './lib/stats.js';

const VSPC_LATENCY_MS = 2000;

export interface AckLatencyResult {
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  healthP50Ms: number;
  healthP99Ms: number;
  ratio: number;
  /** A second burst (`whoami`) sent once the first answers start: the bot is busy rendering them. */
  busyAckP50Ms: number;
  busyAckP99Ms: number;
  busyAckMaxMs: number;
  acked: number;
  /** Commands of both bursts answered through their response_url (of 200). */
  answered: number;
  answerSeconds: number;
  /**
   * VmHWM of the bot once both bursts are answered (start-up, the inventory load and the 200 answers,
   * 100 of them over 12,000 licenses): the "peak RSS during the burst".
   */
  burstPeakRssMb: number | null;
  /** VmHWM of the bot process over its whole life: the above, then a digest preview over the same licenses. */
  peakRssMb: number | null;
  /** VmRSS of the bot just before the burst: started, warmed up, nothing loaded from VSPC yet. */
  idleRssMb: number | null;
}

async function waitForAnswers(fake: FakeSlackProcess, count: number, timeoutMs: number): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const answers = await fake.answers();
    if (answers >= count || performance.now() > deadline) return answers;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function signedCommand(bot: SpawnedBot, fake: FakeSlackProcess, text: string, user: string) {
  return signedSlashCommand({ url: bot.url, text, user, responseUrl: await fake.responseUrl() });
}

/** `entry`: the compiled CLI to run (null: the sources through tsx). */
export async function measureAckLatency(entry: string | null): Promise<AckLatencyResult> {
  const sim = await startSimulatorProcess([
    ...Object.entries(INVENTORY).flatMap(([kind, count]) => [`--${kind}`, String(count)]),
    '--latency',
    String(VSPC_LATENCY_MS),
  ]);
  const fake = await startFakeSlackProcess();
  const database = tempDatabase();
  let bot: SpawnedBot | undefined;
  try {
    bot = await spawnBot(
      {
        SLACK_API_URL: fake.apiUrl,
        SLACK_BOT_TOKEN: fake.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        VSPC_URL: sim.url,
        VSPC_API_KEY: 'bench',
        DATABASE_URL: database.url,
        LOG_LEVEL: 'warn',
        // For profiling the bot, e.g. BENCH_BOT_NODE_OPTIONS="--import ./my-profiler.mjs".
        ...(process.env.BENCH_BOT_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_BOT_NODE_OPTIONS } : {}),
      },
      { readyTimeoutMs: 60_000, nodeArgs: imageNodeFlags(), ...(entry ? { entry } : {}) },
    );
    const running = bot;
    const agent = keepAliveAgent(BURST);
    const healthBurst = () =>
      Promise.all(Array.from({ length: BURST }, () => timedRequest(`${running.url}/healthz`, { agent })));
    // Warm-up that does not touch VSPC (a `licenses` now would fill the inventory cache): opens the
    // burst's connections and runs the command path once.
    for (let i = 0; i < 5; i++) {
      const warm = await signedCommand(running, fake, 'help', 'U0WARMUP');
      await timedRequest(warm.url, { method: 'POST', headers: warm.headers, body: warm.body, agent });
    }
    await waitForAnswers(fake, 5, 10_000);
    await healthBurst();
    await healthBurst();
    const before = await fake.answers();

    const health = await healthBurst();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const idleRss = rssMb(running.pid);
    // Signed (and given response URLs) before the clock starts: only the bot's work is timed.
    const requests = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        signedCommand(running, fake, 'licenses', `U0BENCH${String(i).padStart(3, '0')}`),
      ),
    );
    const started = performance.now();
    // Over the connections the healthz bursts opened, as the healthz burst itself: the two bursts
    // then differ only in what the bot does, not in 100 TCP handshakes.
    const acks = await Promise.all(
      requests.map((signed) =>
        timedRequest(signed.url, { method: 'POST', headers: signed.headers, body: signed.body, agent }),
      ),
    );
    // A second burst lands while the bot renders those 100 answers over 12,000 licenses: acks
    // must not wait for that work either.
    await waitForAnswers(fake, before + 1, 120_000);
    const busyRequests = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        signedCommand(running, fake, 'whoami', `U0BUSY${String(i).padStart(3, '0')}`),
      ),
    );
    const busyAcks = await Promise.all(
      busyRequests.map((signed) =>
        timedRequest(signed.url, { method: 'POST', headers: signed.headers, body: signed.body, agent }),
      ),
    );
    const answered = (await waitForAnswers(fake, before + 2 * BURST, 120_000)) - before;
    const answerSeconds = (performance.now() - started) / 1000;
    const burstPeakRss = peakRssMb(running.pid);
    const busyMs = busyAcks.map((ack) => ack.ms);

    // The digest over the same 12,000 licenses, in the bot, so its memory counts in the peak.
    const digest = await signedCommand(running, fake, 'digest preview', 'U0BENCH000');
    await timedRequest(digest.url, { method: 'POST', headers: digest.headers, body: digest.body, agent });
    await waitForAnswers(fake, before + 2 * BURST + 1, 60_000);
    agent.destroy();

    const ackMs = acks.map((ack) => ack.ms);
    const healthMs = health.map((probe) => probe.ms);
    return {
      ackP50Ms: percentile(ackMs, 50),
      ackP99Ms: percentile(ackMs, 99),
      ackMaxMs: Math.max(...ackMs),
      healthP50Ms: percentile(healthMs, 50),
      healthP99Ms: percentile(healthMs, 99),
      ratio: percentile(ackMs, 99) / percentile(healthMs, 99),
      busyAckP50Ms: percentile(busyMs, 50),
      busyAckP99Ms: percentile(busyMs, 99),
      busyAckMaxMs: Math.max(...busyMs),
      acked: [...acks, ...busyAcks].filter((ack) => ack.status === 200).length,
      answered,
      answerSeconds,
      burstPeakRssMb: burstPeakRss,
      peakRssMb: peakRssMb(running.pid),
      idleRssMb: idleRss,
    };
  } finally {
    await bot?.stop();
    await fake.stop();
    await sim.stop();
    database.remove();
  }
}
