/**
 * What `serve` loads at start-up is part of its cold start and idle memory (npm run bench). Package
 * entry points that pull in hundreds of modules are imported by subpath instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/app.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('start-up imports', () => {
  it('src/ imports date-fns by function (date-fns/format), never the index of all ~300 modules', () => {
    const offenders = sourceFiles(join(ROOT, 'src')).filter((file) =>
      /from ['"]date-fns['"]/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
