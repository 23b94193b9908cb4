import { describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/run.js';
import { makeContext } from './support/context.js';
import { UID } from './support/licenses.js';

describe('licenses', () => {
  it('--expiring 30 lists expired and expiring licenses, soonest first, with counts', async () => {
    const ctx = makeContext();
    const { reply } = await runCommand('licenses --expiring 30', ctx);
    if (reply.type !== 'licenses') throw new Error(reply.type);
    expect(reply.rows.map((r) => [r.license.uid, r.daysLeft])).toEqual([
      [UID.globexVbr, -3],
      [UID.umbrellaVone, 5],
      [UID.acmeVbr, 12],
      [UID.initechVbr, 30],
    ]);
    expect(reply.title).toBe('Licenses · expiring within 30 days');
    expect(reply.summary).toBe(
      '4 licenses: 2 Valid, 1 Expired, 1 Warning · 3 expiring within 30 days · 1 already expired',
    );
    expect(reply.paging).toMatchObject({ offset: 0, pageSize: 20, total: 4, commandText: 'licenses --expiring 30' });
    expect(reply.paging.nextCommandText).toBeUndefined();
  });

  it('filters by kind, status and company substring', async () => {
    const ctx = makeContext();
    const vbr = await runCommand('licenses vbr --company acme', ctx);
    expect(vbr.reply.type === 'licenses' && vbr.reply.rows.map((r) => r.license.uid)).toEqual([
      UID.acmeVbr,
      UID.acmeVbr2,
    ]);
    const warning = await runCommand('licenses --status warning', ctx);
    expect(warning.reply.type === 'licenses' && warning.reply.rows.map((r) => r.license.uid)).toEqual([UID.initechVbr]);
    // A license that never expires sorts last.
    const all = await runCommand('licenses', ctx);
    expect(all.reply.type === 'licenses' && all.reply.rows.at(-1)?.license.uid).toBe(UID.acmeSite);
  });

  it('pages by 20 with the texts of the next and previous pages', async () => {
    const ctx = makeContext();
    ctx.backend.licenses = Array.from({ length: 45 }, (_, i) => ({
      ...ctx.backend.licenses[1]!,
      uid: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
    }));
    const first = await runCommand('licenses vbr', ctx);
    if (first.reply.type !== 'licenses') throw new Error(first.reply.type);
    expect(first.reply.rows).toHaveLength(20);
    expect(first.reply.paging.nextCommandText).toBe('licenses vbr --page 2');
    const third = await runCommand(first.reply.paging.nextCommandText!.replace('2', '3'), ctx);
    if (third.reply.type !== 'licenses') throw new Error(third.reply.type);
    expect(third.reply.rows).toHaveLength(5);
    expect(third.reply.paging).toMatchObject({ offset: 40, total: 45, previousCommandText: 'licenses vbr --page 2' });
    const beyond = await runCommand('licenses vbr --page 4', ctx);
    expect(beyond.reply).toEqual({ type: 'error', message: 'There is no page 4: 45 results make 3 pages.' });
  });

  it('says when the API version has no such kind', async () => {
    const ctx = makeContext();
    ctx.backend.unsupported.add('vone:list');
    const { reply } = await runCommand('licenses vone', ctx);
    expect(reply).toEqual({ type: 'error', message: 'list of vone licenses is not available on VSPC API v3' });
  });
});

describe('license <kind> <target>', () => {
  it('shows one license fresh from VSPC with the buttons it supports', async () => {
    const ctx = makeContext();
    const { reply } = await runCommand('license vbr globex', ctx);
    if (reply.type !== 'license') throw new Error(reply.type);
    expect(reply.row).toMatchObject({ license: { uid: UID.globexVbr }, daysLeft: -3 });
    expect(ctx.backend.calls).toContain(`getLicense vbr ${UID.globexVbr}`);
    expect(reply.buttons.map((b) => [b.label, b.commandText])).toEqual([
      ['Update now', `license update vbr ${UID.globexVbr}`],
      ['Turn auto-update on', `license autoupdate vbr ${UID.globexVbr} on`],
      ['Install new file', `license install vbr ${UID.globexVbr}`],
      ['Delete', `license delete vbr ${UID.globexVbr}`],
    ]);
  });

  it('offers only what the backend supports', async () => {
    const ctx = makeContext();
    ctx.backend.unsupported.add('site:install');
    ctx.backend.unsupported.add('site:autoupdate');
    const { reply } = await runCommand('license site acme', ctx);
    expect(reply.type === 'license' && reply.buttons.map((b) => b.label)).toEqual(['Update now']);
    const consoleReply = await runCommand('license console', ctx);
    expect(consoleReply.reply.type === 'license' && consoleReply.reply.buttons[0]?.commandText).toBe(
      'license update console',
    );
  });

  it('answers an ambiguous company with a picker of full-UID commands', async () => {
    const ctx = makeContext();
    const { reply } = await runCommand('license vbr Acme Corp', ctx);
    if (reply.type !== 'picker') throw new Error(reply.type);
    expect(reply.prompt).toBe('"Acme Corp" matches 2 VBR licenses. Which one?');
    expect(reply.options).toEqual([
      { label: 'Acme Corp · 5f1c2a9e… · Valid · expires 2026-03-22', commandText: `license vbr ${UID.acmeVbr}` },
      { label: 'Acme Corp · 5f1c2a9e… · Valid · expires 2026-04-24', commandText: `license vbr ${UID.acmeVbr2}` },
    ]);
  });

  it('says which target matched nothing', async () => {
    const { reply } = await runCommand('license vbr Wayne', makeContext());
    expect(reply).toEqual({
      type: 'error',
      message: 'No Veeam Backup & Replication license matches "Wayne" by UID or company name. See: licenses vbr',
    });
  });
});
