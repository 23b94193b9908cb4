/** The image cannot be built here (no Docker engine): check the Dockerfile's promises as text. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { imageNodeFlags } from '../../bench/lib/image-node-flags.js';

const lines = readFileSync('Dockerfile', 'utf8')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const stages: string[][] = [];
for (const line of lines) {
  if (line.startsWith('FROM ')) stages.push([]);
  stages.at(-1)?.push(line);
}
const final = stages.at(-1) ?? [];

describe('Dockerfile', () => {
  it('is multi-stage on a Node slim image pinned by major version', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0]).toMatch(/^FROM node:\d+-slim( AS \w+)?$/);
  });

  it('runs production dependencies only, as a non-root user, with a health check', () => {
    expect(final.some((l) => /npm ci --omit=dev/.test(l))).toBe(true);
    expect(final.some((l) => /^ENV .*NODE_ENV=production/.test(l))).toBe(true);
    const user = final.find((l) => l.startsWith('USER '));
    expect(user).toBeDefined();
    expect(user).not.toMatch(/USER (root|0)\b/);
    expect(final.some((l) => l.startsWith('HEALTHCHECK') && l.includes('/healthz'))).toBe(true);
    expect(final.some((l) => l.startsWith('VOLUME') && l.includes('/app/data'))).toBe(true);
  });

  it('bounds the young generation and the old one, and npm run bench starts the bot with the same node flags', () => {
    expect(imageNodeFlags()).toEqual(['--max-semi-space-size=2', '--liftoff-only', '--max-old-space-size=256']);
    expect(imageNodeFlags('CMD ["node", "dist/cli/main.js", "serve"]')).toEqual([]);
  });

  it('uses node flags this node accepts: an unknown V8 flag would stop the container at start', () => {
    const run = spawnSync(process.execPath, [...imageNodeFlags(), '-e', 'process.stdout.write("started")'], {
      encoding: 'utf8',
      timeout: 10_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('started');
  });

  it('starts the compiled CLI that `npm run build` produces', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toContain('tsconfig.build.json');
    expect(final.at(-1)).toBe(
      'CMD ["node", "--max-semi-space-size=2", "--liftoff-only", "--max-old-space-size=256", "dist/cli/main.js", "serve"]',
    );
    const build = JSON.parse(readFileSync('tsconfig.build.json', 'utf8')) as { compilerOptions: { outDir: string } };
    expect(build.compilerOptions.outDir).toBe('dist');
  });

  it('keeps secrets and local state out of the build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n');
    for (const entry of ['node_modules', 'data', '.env', '.git']) expect(ignored).toContain(entry);
  });

  it('has a compose file with the app and PostgreSQL', () => {
    const compose = parse(readFileSync('compose.yaml', 'utf8')) as {
      services: Record<string, { image?: string; environment?: Record<string, string> }>;
    };
    expect(compose.services.postgres?.image).toMatch(/^postgres:\d+/);
    expect(compose.services.bot?.environment?.DATABASE_URL).toMatch(/^postgres:\/\//);
  });
});
