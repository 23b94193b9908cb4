/**
 * The node flags the Docker image starts the bot with (its CMD), so that the bench measures the
 * process the image runs: e.g. `--max-semi-space-size`, which bounds the young generation's memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../test/support/app.js';

export function imageNodeFlags(dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')): string[] {
  const cmd = dockerfile
    .split('\n')
    .filter((line) => line.startsWith('CMD ['))
    .at(-1);
  if (!cmd) return [];
  const argv = JSON.parse(cmd.slice('CMD '.length)) as string[];
  return argv[0] === 'node' ? argv.slice(1).filter((arg) => arg.startsWith('--')) : [];
}
