import { describe, expect, it } from 'vitest';
import { isUsageError, type ParsedCommand, type UsageError } from '../../src/commands/command.js';
import { formatCommand } from '../../src/commands/format-command.js';
import { parseCommand } from '../../src/commands/parse.js';

function ok(text: string): ParsedCommand {
  const result = parseCommand(text);
  if (isUsageError(result)) throw new Error(`expected "${text}" to parse, got: ${result.message}`);
  return result;
}

function bad(text: string): UsageError {
  const result = parseCommand(text);
  if (!isUsageError(result)) throw new Error(`expected "${text}" to be refused, got ${JSON.stringify(result)}`);
  return result;
}

const UID = '5f1c2a9e-1b2c-4d3e-8f90-0a1b2c3d4e5f';

describe('parseCommand: every command of the table', () => {
  it.each([
    ['', { name: 'help', topic: null, share: false }],
    ['help', { name: 'help', topic: null, share: false }],
    ['help licenses', { name: 'help', topic: 'licenses', share: false }],
    ['whoami', { name: 'whoami', share: false }],
    ['pending', { name: 'pending', share: false }],
    ['audit', { name: 'audit', limit: 20, share: false }],
    ['audit 50', { name: 'audit', limit: 50, share: false }],
    ['digest', { name: 'digest', mode: 'preview', share: false }],
    ['digest now', { name: 'digest', mode: 'now', share: false }],
    ['reports', { name: 'reports', scope: { kind: 'latest' }, page: 1, share: false }],
    ['reports pending', { name: 'reports', scope: { kind: 'pending' }, page: 1, share: false }],
    ['reports all --page 2', { name: 'reports', scope: { kind: 'all' }, page: 2, share: false }],
    ['reports 2026-04', { name: 'reports', scope: { kind: 'month', month: '2026-04' }, page: 1, share: false }],
    ['reports finalize', { name: 'reports.finalize', share: false }],
    ['reports autoapprove off', { name: 'reports.autoapprove', enabled: false, share: false }],
    ['report 1042', { name: 'report', reportId: 1042, csv: false, share: false }],
    ['report 1042 csv', { name: 'report', reportId: 1042, csv: true, share: false }],
    ['usage', { name: 'usage', org: null, type: null, server: null, page: 1, share: false }],
    ['forecast', { name: 'forecast', share: false }],
    ['trend', { name: 'trend', months: 6, org: null, product: null, top: 5, png: null, share: false }],
    [
      'trend --months 24 --org "Acme Corp" --product vbr --top 3 --png out/trend.png',
      { name: 'trend', months: 24, org: 'Acme Corp', product: 'vbr', top: 3, png: 'out/trend.png', share: false },
    ],
    [
      'usage --org "Acme Corp" --type reseller --server cc',
      { name: 'usage', org: 'Acme Corp', type: 'Reseller', server: 'CloudConnect', page: 1, share: false },
    ],
  ] as const)('%s', (text, expected) => {
    expect(ok(text)).toEqual(expected);
  });

  it('reads licenses with kind, filters and page in any order', () => {
    expect(ok('licenses vbr --expiring 30 --status warning --company "Acme Corp" --page 3')).toEqual({
      name: 'licenses',
      kind: 'vbr',
      expiringDays: 30,
      status: 'Warning',
      company: 'Acme Corp',
      page: 3,
      share: false,
    });
    expect(ok('licenses --expiring=7 sites')).toMatchObject({ kind: 'site', expiringDays: 7 });
    expect(ok('licenses all')).toMatchObject({ kind: 'all' });
    expect(ok('LICENSES VB365')).toMatchObject({ kind: 'vb365' });
  });

  it('takes an unquoted multi-word company up to the next option or kind', () => {
    expect(ok('licenses --company Acme Corp --expiring 5')).toMatchObject({ company: 'Acme Corp', expiringDays: 5 });
    expect(ok('licenses --company Acme Corp vbr')).toMatchObject({ company: 'Acme Corp', kind: 'vbr' });
  });

  it('reads license detail by UID, prefix and company, and the console without target', () => {
    expect(ok(`license vbr ${UID}`)).toEqual({ name: 'license.show', kind: 'vbr', target: UID, share: false });
    expect(ok('license vbr 5f1c2a9e')).toMatchObject({ target: '5f1c2a9e' });
    expect(ok('license vbr Acme Corp')).toMatchObject({ target: 'Acme Corp' });
    expect(ok('license sites "Acme Corp"')).toMatchObject({ kind: 'site', target: 'Acme Corp' });
    expect(ok('license console')).toEqual({ name: 'license.show', kind: 'console', target: null, share: false });
  });

  it('reads the write forms', () => {
    expect(ok('license update vbr')).toEqual({ name: 'license.update', kind: 'vbr', target: null, share: false });
    expect(ok('license update console')).toMatchObject({ kind: 'console', target: null });
    expect(ok('license install site Acme')).toEqual({
      name: 'license.install',
      kind: 'site',
      target: 'Acme',
      share: false,
    });
    expect(ok('license autoupdate vone Umbrella Corp on')).toEqual({
      name: 'license.autoupdate',
      kind: 'vone',
      target: 'Umbrella Corp',
      enabled: true,
      share: false,
    });
    expect(ok('license autoupdate console off')).toMatchObject({ target: null, enabled: false });
    expect(ok(`license delete vbr ${UID} socket`)).toEqual({
      name: 'license.delete',
      kind: 'vbr',
      target: UID,
      section: 'Socket',
      share: false,
    });
    expect(ok('license delete vbr "All"')).toMatchObject({ target: 'All', section: null });
    expect(ok('license delete vone 9a8b7c6d')).toMatchObject({ kind: 'vone', section: null });
  });

  it('takes --share anywhere, and forgives Slack and phone typography', () => {
    expect(ok('licenses --share vbr')).toMatchObject({ kind: 'vbr', share: true });
    expect(ok('licenses —expiring 7')).toMatchObject({ expiringDays: 7 });
    expect(ok('license vbr “Acme Corp”')).toMatchObject({ target: 'Acme Corp' });
    expect(ok('license vbr AT&amp;T')).toMatchObject({ target: 'AT&T' });
    expect(ok("license vbr O'Brien Ltd")).toMatchObject({ target: "O'Brien Ltd" });
    expect(ok('/vspc whoami')).toMatchObject({ name: 'whoami' });
  });
});

describe('parseCommand: bad input gets a clear answer', () => {
  it('suggests the nearest command for a typo', () => {
    const error = bad('licences vbr');
    expect(error.message).toContain('Did you mean "licenses"');
    expect(error.suggestion).toBe('licenses vbr');
    expect(bad('reprots').message).toContain('Did you mean "reports"');
    expect(bad('license udpate vbr x').suggestion).toBe('license update vbr x');
    expect(bad('reports pendign').suggestion).toBe('reports pending');
    expect(bad('report finalize').suggestion).toBe('reports finalize');
  });

  it('names unknown kinds, statuses, options and choices', () => {
    expect(bad('licenses vbrr').message).toMatch(/Unknown license kind "vbrr".*Did you mean vbr/);
    expect(bad('license update vmware x').message).toContain('Unknown license kind');
    expect(bad('licenses --status valdi').message).toContain('Did you mean Valid');
    expect(bad('licenses --expirng 3').message).toContain('Did you mean --expiring');
    expect(bad('usage --server xyz').message).toContain('--server must be one of vbr, cc, vone, vb365, vspc');
    expect(bad('digest later').message).toContain('Unknown word');
    expect(bad('license delete site x').message).toContain('Only vbr and vone');
    expect(bad('license delete vone x all').message).toContain('no sections');
  });

  it('refuses malformed UIDs with the 8-hex-character rule', () => {
    expect(bad('license vbr 5f1c2a').message).toContain('a UID prefix must be at least 8 hex characters');
    expect(bad('license vbr 5f1c2a9e-zz').message).toContain('is not a valid UID');
    expect(bad(`license vbr ${'a1'.repeat(20)}`).message).toContain('is not a valid UID');
    // Quoted, it is a company name.
    expect(ok('license vbr "5f1c2a"')).toMatchObject({ target: '5f1c2a' });
  });

  it('refuses bad months and numbers with the accepted range', () => {
    expect(bad('reports 2026-13').message).toContain('month must be YYYY-MM with a month from 01 to 12');
    expect(bad('reports 2026-00').message).toContain('month must be YYYY-MM');
    expect(bad('reports 2026-4').message).toContain('month must be YYYY-MM');
    expect(bad('licenses --expiring soon').message).toContain('whole number from 0 to 3650');
    expect(bad('licenses --expiring -3').message).toContain('whole number');
    expect(bad('licenses --page 0').message).toContain('from 1 to');
    expect(bad('audit 500').message).toContain('from 1 to 200');
    expect(bad('report 12.5').message).toContain('whole number');
  });

  it('asks for what is missing', () => {
    expect(bad('license vbr').message).toContain('Which Veeam Backup & Replication license?');
    expect(bad('license').suggestion).toBe('licenses');
    expect(bad('license autoupdate vbr Acme').message).toContain('Say on or off');
    expect(bad('reports autoapprove').message).toContain('on or off');
    expect(bad('licenses --expiring').message).toBe('--expiring needs a value.');
    expect(bad('license console x').message).toContain('leave out the target');
    expect(bad('licenses --status Valid --status Error').message).toContain('given twice');
  });

  it('refuses extra words, unclosed quotes and options a command does not take', () => {
    expect(bad('whoami please').message).toContain('Unexpected "please"');
    expect(bad('licenses vbr Acme').message).toContain('license <kind> <target>');
    expect(bad('license vbr "Acme').message).toContain('not closed');
    expect(bad('audit --page 2').message).toContain('not an option');
  });

  it('answers a 10 kB paste briefly, without echoing it', () => {
    const paste = `licenses ${'x'.repeat(10_240)}`;
    const error = bad(paste);
    expect(error.message).toContain('a command is at most 2000');
    expect(JSON.stringify(error).length).toBeLessThan(500);
    const longWord = bad(`licenses ${'y'.repeat(1500)}`);
    expect(JSON.stringify(longWord).length).toBeLessThan(500);
  });
});

describe('parseCommand: trend and forecast', () => {
  it('reads options in any order, names without quotes, --opt=value', () => {
    expect(ok('trend --top 1 --org Acme Corp --months=12')).toMatchObject({ org: 'Acme Corp', top: 1, months: 12 });
    expect(ok('TREND --product BackupAndReplication --share')).toMatchObject({
      product: 'BackupAndReplication',
      share: true,
    });
    expect(ok('trend --org 5f1c2a9e')).toMatchObject({ org: '5f1c2a9e' });
    expect(ok('trend --png "my chart.png"')).toMatchObject({ png: 'my chart.png' });
  });

  it('refuses months and top out of range with the accepted range', () => {
    expect(bad('trend --months 25').message).toBe('--months must be a whole number from 1 to 24, not 25.');
    expect(bad('trend --months 0').message).toContain('from 1 to 24');
    expect(bad('trend --months six').message).toContain('--months must be a whole number from 1 to 24, not "six"');
    expect(bad('trend --top 21').message).toContain('--top must be a whole number from 1 to 20');
    expect(bad('trend --top -1').message).toContain('--top');
    expect(bad('trend --months').message).toBe('--months needs a value.');
    expect(bad('trend --months 3 --months 4').message).toContain('given twice');
  });

  it('answers typos and stray words with the usage of trend', () => {
    const typo = bad('trnd --months 3');
    expect(typo.message).toContain('Did you mean "trend"');
    expect(typo.suggestion).toBe('trend --months 3');
    expect(bad('forcast').suggestion).toBe('forecast');
    expect(bad('trend --mnths 3').message).toContain('Did you mean --months?');
    const stray = bad('trend acme');
    expect(stray.message).toContain('Unexpected "acme"');
    expect(stray.usage).toBe('trend [--months N] [--org NAME|UID] [--product P] [--top K] [--png FILE]');
    expect(bad('forecast acme').message).toContain('forecast takes no words');
    expect(bad('forecast --months 3').message).toContain('It takes no options');
  });

  it('refuses a product that cannot be a product name, and a paste as a file name', () => {
    expect(bad('trend --product "v b r"').message).toContain('--product takes a product name such as vbr');
    expect(bad(`trend --png ${'x'.repeat(600)}.png`).message).toContain('--png takes a file name');
  });
});

describe('formatCommand', () => {
  it.each([
    'licenses vbr --expiring 30 --status Warning --company "Acme Corp" --page 2',
    `license delete vbr ${UID} instance`,
    'license autoupdate vone "Umbrella Corp" on',
    'license update console',
    'usage --org "Acme Corp" --type company --server vbr',
    'reports 2026-04',
    'report 7 csv',
    'licenses --company "O\'Brien Ltd" --share',
    'trend',
    'trend --months 12 --org "Acme Corp" --product cc --top 2 --png chart.png',
    'trend --org 5f1c2a9e --share',
    'forecast --share',
  ])('round-trips %s', (text) => {
    const parsed = ok(text);
    expect(ok(formatCommand(parsed))).toEqual(parsed);
  });
});
