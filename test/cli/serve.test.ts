/** `npm start` without configuration stops at once and says what is missing and how to try the bot instead. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('vspc-license-bot serve', () => {
  it('fails at once without Slack or VSPC configuration, naming each variable and pointing to the demo', () => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
      env: { ...env, VSPC_PASSWORD: 'pw-never-echoed' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(2);
    for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'VSPC_URL', 'VSPC_USERNAME']) {
      expect(result.stderr).toContain(name);
    }
    expect(result.stderr).toContain('npm run demo');
    expect(result.stderr).not.toContain('pw-never-echoed');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
