/** `vspc-license-bot audit [N]`: the newest N audit entries (default 50) as JSON lines, oldest first. */
import { createStore } from '../../store/create-store.js';
import { loadCliConfig } from '../load-cli-config.js';

export async function run(argv: string[]): Promise<number> {
  const [count, ...extra] = argv;
  const limit = count === undefined ? 50 : Number(count);
  if (extra.length > 0 || !Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    console.error('usage: vspc-license-bot audit [N]   (N from 1 to 10000, default 50)');
    return 2;
  }
  const config = loadCliConfig({});
  if (!config) return 2;
  const store = await createStore(config.databaseUrl);
  try {
    const entries = await store.listAudit(limit);
    for (const entry of entries.reverse()) {
      console.log(JSON.stringify({ ...entry, at: entry.at.toISOString() }));
    }
    return 0;
  } finally {
    await store.close();
  }
}
