/**
 * Cold start: from spawning `serve` to the first 200 of `/readyz` (store open, VSPC answered), run
 * compiled (lib/build.ts) and from the TypeScript sources through tsx. Median of three starts each.
 */
import { spawnBot, tempDatabase } from '../test/support/app.js';
import { startFakeSlackProcess, startSimulatorProcess } from './lib/children.js';
import { imageNodeFlags } from './lib/image-node-flags.js';
import { median } from './lib/stats.js';

const ROUNDS = 3;

export interface ColdStartResult {
  compiledMs: number | null;
  tsxMs: number;
}

export async function measureColdStart(entry: string | null): Promise<ColdStartResult> {
  const sim = await startSimulatorProcess([]);
  const fake = await startFakeSlackProcess();
  try {
    const startOnce = async (compiled?: string) => {
      const database = tempDatabase();
      const bot = await spawnBot(
        {
          SLACK_API_URL: fake.apiUrl,
          SLACK_BOT_TOKEN: fake.botToken,
          SLACK_SIGNING_SECRET: 'bench-signing-secret',
          VSPC_URL: sim.url,
          VSPC_API_KEY: 'bench',
          DATABASE_URL: database.url,
          LOG_LEVEL: 'warn',
        },
        { readyTimeoutMs: 30_000, nodeArgs: imageNodeFlags(), ...(compiled ? { entry: compiled } : {}) },
      );
      await bot.stop();
      database.remove();
      return bot.startupMs;
    };
    const tsx: number[] = [];
    const compiled: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      tsx.push(await startOnce());
      if (entry) compiled.push(await startOnce(entry));
    }
    return { tsxMs: median(tsx), compiledMs: compiled.length > 0 ? median(compiled) : null };
  } finally {
    await fake.stop();
    await sim.stop();
  }
}
