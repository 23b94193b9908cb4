/** The README is the operator's manual: it must name every variable and command the code has. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_DOCS } from '../../src/config.js';

const readme = readFileSync('README.md', 'utf8');

describe('README.md', () => {
  it('starts with the two quick-start commands', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
  });

  it('documents every environment variable in the configuration table, and .env.example lists them', () => {
    const example = readFileSync('.env.example', 'utf8');
    for (const name of Object.keys(ENV_DOCS)) {
      expect(readme, name).toMatch(new RegExp(`\\| \`${name}\` \\|`));
      if (
        name !== 'VSPC_PASSWORD' &&
        name !== 'VSPC_CLIENT_VERSION' &&
        !name.startsWith('VSPC_TIMEOUT') &&
        !name.startsWith('VSPC_PAGE')
      ) {
        expect(example, name).toContain(name);
      }
    }
  });

  it('has the command reference for every /vspc command and CLI subcommand', () => {
    for (const command of [
      'help',
      'licenses',
      'license update',
      'license install',
      'license autoupdate',
      'license delete vbr',
      'reports finalize',
      'reports autoapprove',
      'report <reportId>',
      'usage',
      'digest',
      'audit',
      'pending',
      'whoami',
    ]) {
      expect(readme, command).toContain(`\`${command}`);
    }
    for (const sub of ['serve', 'demo', 'simulator', 'exec', 'digest [--post]', 'audit [N]'])
      expect(readme, sub).toContain(`\`${sub}`);
  });
});
