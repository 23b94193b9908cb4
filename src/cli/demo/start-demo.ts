/**
 * The demo's world: the simulator in-process, the v3 backend against it with an API key, and the
 * product's services over a SQLite store (a temporary file unless a DATABASE_URL is given).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type Services } from '../../compose.js';
import { loadConfig } from '../../config.js';
import { createV3Backend } from '../../licenses/v3/index.js';
import { type Logger, silentLogger } from '../../log.js';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../simulator/index.js';

export interface DemoOptions {
  simulator?: SimulatorOptions;
  /** Default: a fresh SQLite file in a temporary directory, removed on close. */
  databaseUrl?: string;
  /** DIGEST_TIMEZONE and DIGEST_EXPIRY_DAYS are taken from here when set. */
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

export interface Demo {
  simulator: RunningSimulator;
  services: Services;
  databaseUrl: string;
  close(): Promise<void>;
}

/** The simulator accepts any API key; the demo's is only there because VSPC needs one. */
const DEMO_API_KEY = 'demo-api-key';

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const env = options.env ?? {};
  const logger = options.logger ?? silentLogger;
  const tempDir = options.databaseUrl ? null : mkdtempSync(join(tmpdir(), 'vspc-demo-'));
  const databaseUrl = options.databaseUrl ?? `sqlite:${join(tempDir!, 'demo.sqlite')}`;
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    // The console user is `cli`, who may do everything; a non-empty APPROVERS only turns writes on.
    APPROVERS: 'U0DEMOADMIN',
    ...(env.DIGEST_TIMEZONE ? { DIGEST_TIMEZONE: env.DIGEST_TIMEZONE } : {}),
    ...(env.DIGEST_EXPIRY_DAYS ? { DIGEST_EXPIRY_DAYS: env.DIGEST_EXPIRY_DAYS } : {}),
  });
  const simulator = await startSimulator(options.simulator ?? {});
  const cleanup = async () => {
    await simulator.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  try {
    const backend = createV3Backend({ url: simulator.url, auth: { type: 'apiKey', apiKey: DEMO_API_KEY }, logger });
    const services = await createServices(config, { logger, backend });
    return {
      simulator,
      services,
      databaseUrl,
      async close() {
        await services.close();
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
