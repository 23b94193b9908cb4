/**
 * Compiles src/ with the project's build settings (what `npm run build` and the Docker image run),
 * into bench/.build so a dist/ of the user's is left alone. Node finds node_modules from there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../test/support/app.js';

const BUILD_DIR = join(ROOT, 'bench/.build');

export interface Build {
  /** The compiled CLI, or null when the build produced none (then the bench runs the sources through tsx). */
  entry: string | null;
  seconds: number;
}

export function buildApp(): Build {
  const started = performance.now();
  rmSync(BUILD_DIR, { recursive: true, force: true });
  try {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        'tsconfig.build.json',
        '--outDir',
        BUILD_DIR,
        '--sourceMap',
        'false',
      ],
      { cwd: ROOT, stdio: 'ignore', timeout: 120_000 },
    );
  } catch {
    // A type error anywhere makes tsc exit non-zero, but it still emits every file.
  }
  const entry = join(BUILD_DIR, 'cli/main.js');
  return { entry: existsSync(entry) ? entry : null, seconds: (performance.now() - started) / 1000 };
}
