/**
 * `mkdir -p` for the SQLite file's directory. Not `mkdirSync(dir, { recursive: true })`: Node's
 * recursive mkdir spins forever at 100% CPU when a parent exists but cannot hold children (a path
 * under /proc, a dangling symlink), and a typo in DATABASE_URL must give an error, not a hung process.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export function ensureDirectory(dir: string): void {
  if (isDirectory(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) ensureDirectory(parent);
  try {
    mkdirSync(dir);
  } catch (error) {
    // Another process may have created it in between; anything else is the real answer.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    if (!isDirectory(dir)) throw new Error(`${dir} exists and is not a directory`, { cause: error });
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
