/**
 * Separate OS processes on one SQLite file: the migration, the confirm compare-and-set, the one-open-
 * action index and the digest claim must each have exactly one winner when the race is real, not the
 * turn-taking of one event loop.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { newAction } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'vspc-sqlite-procs-'));
const PROCESSES = 3;
const ATTEMPTS = 10;

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface Outcome {
  confirmed: boolean;
  created: boolean;
  claimed: boolean;
}

function startContender(path: string, actionId: string, tag: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'helpers', 'contender.ts'), path, actionId, tag, String(ATTEMPTS)],
    { stdio: 'pipe' },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const nextLine = async (): Promise<string> => {
    const line = await lines.next();
    if (line.done) throw new Error(`contender ${tag} ended early: ${stderr}`);
    return line.value;
  };
  return { child, nextLine };
}

function waitExit(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('SQLite across processes', () => {
  it('has exactly one winner per race when 3 processes migrate a new file and contend', async () => {
    const path = join(dir, `race-${randomUUID()}.sqlite`);
    const actionId = randomUUID();
    // All processes migrate the brand-new file at the same time; one of them will also have to
    // find the action that this process creates once they are all ready.
    const contenders = Array.from({ length: PROCESSES }, (_, i) => startContender(path, actionId, `p${i}`));
    try {
      expect(await Promise.all(contenders.map((c) => c.nextLine()))).toEqual(Array(PROCESSES).fill('ready'));

      const seed = await createStore(`sqlite:${path}`);
      await seed.createAction(newAction({ id: actionId }));
      await seed.close();

      for (const contender of contenders) contender.child.stdin.end('go\n');
      const outcomes = (await Promise.all(contenders.map((c) => c.nextLine()))).flatMap(
        (line) => JSON.parse(line) as Outcome[],
      );
      expect(outcomes).toHaveLength(PROCESSES * ATTEMPTS);
      expect(outcomes.filter((o) => o.confirmed)).toHaveLength(1);
      expect(outcomes.filter((o) => o.created)).toHaveLength(1);
      expect(outcomes.filter((o) => o.claimed)).toHaveLength(1);
      expect(await Promise.all(contenders.map((c) => waitExit(c.child)))).toEqual(Array(PROCESSES).fill(0));
    } finally {
      for (const contender of contenders) if (contender.child.exitCode === null) contender.child.kill();
    }
  });
});
