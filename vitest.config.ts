import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Integration tests start real loopback servers and child processes; two cores, so keep it modest.
    pool: 'forks',
    maxWorkers: 2,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
    coverage: {
      provider: 'v8',
      include: ['src/vspc/**'],
      thresholds: { lines: 85, functions: 85, branches: 75, statements: 85 },
    },
  },
});
