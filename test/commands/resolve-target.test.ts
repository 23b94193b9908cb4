import { describe, expect, it } from 'vitest';
import { resolveTarget } from '../../src/licenses/resolve-target.js';
import { sampleLicenses, UID } from './support/licenses.js';

const licenses = sampleLicenses();

describe('resolveTarget', () => {
  it('finds a full UID regardless of case', () => {
    const result = resolveTarget(licenses, 'vbr', UID.globexVbr.toUpperCase());
    expect(result).toMatchObject({ status: 'one', license: { uid: UID.globexVbr } });
  });

  it('finds a UID prefix of 8+ hex characters, with or without dashes', () => {
    expect(resolveTarget(licenses, 'vbr', 'a0b1c2d3')).toMatchObject({
      status: 'one',
      license: { uid: UID.globexVbr },
    });
    expect(resolveTarget(licenses, 'vbr', '5f1c2a9e1b2c')).toMatchObject({
      status: 'one',
      license: { uid: UID.acmeVbr },
    });
    expect(resolveTarget(licenses, 'vbr', '5f1c2a9e-77')).toMatchObject({
      status: 'one',
      license: { uid: UID.acmeVbr2 },
    });
  });

  it('returns every license a shared prefix matches, never one of them', () => {
    const result = resolveTarget(licenses, 'vbr', '5f1c2a9e');
    expect(result.status).toBe('several');
    if (result.status === 'several')
      expect(result.licenses.map((l) => l.uid).sort()).toEqual([UID.acmeVbr, UID.acmeVbr2]);
  });

  it('matches company names exactly first, case-insensitively', () => {
    expect(resolveTarget(licenses, 'vbr', 'globex')).toMatchObject({ status: 'one', license: { uid: UID.globexVbr } });
    expect(resolveTarget(licenses, 'site', '  ACME   corp ')).toMatchObject({
      status: 'one',
      license: { uid: UID.acmeSite },
    });
  });

  it('falls back to a unique substring of the company name', () => {
    expect(resolveTarget(licenses, 'vbr', 'nitec')).toMatchObject({ status: 'one', license: { uid: UID.initechVbr } });
    expect(resolveTarget(licenses, 'vone', 'brell')).toMatchObject({
      status: 'one',
      license: { uid: UID.umbrellaVone },
    });
  });

  it('is ambiguous when a company holds several licenses of the kind', () => {
    const result = resolveTarget(licenses, 'vbr', 'Acme Corp');
    expect(result.status).toBe('several');
    if (result.status === 'several') expect(result.licenses).toHaveLength(2);
  });

  it('only looks at the asked kind', () => {
    // Acme has one site license and two VBR ones.
    expect(resolveTarget(licenses, 'site', 'acme')).toMatchObject({ status: 'one' });
    expect(resolveTarget(licenses, 'vb365', 'acme')).toEqual({
      status: 'none',
      message: 'There are no Veeam Backup for Microsoft 365 licenses.',
    });
  });

  it('says what did not match, and why a short hex run cannot be a prefix', () => {
    const none = resolveTarget(licenses, 'vbr', 'Wayne Enterprises');
    expect(none).toEqual({
      status: 'none',
      message:
        'No Veeam Backup & Replication license matches "Wayne Enterprises" by UID or company name. See: licenses vbr',
    });
    const short = resolveTarget(licenses, 'vbr', 'a0b1');
    expect(short.status === 'none' && short.message).toContain('at least 8 hex characters');
  });

  it('needs no target for the console, and picks among all when no target is given', () => {
    expect(resolveTarget(licenses, 'console', null)).toMatchObject({ status: 'one', license: { uid: 'console' } });
    expect(resolveTarget(licenses, 'vbr', null)).toMatchObject({ status: 'several' });
    expect(resolveTarget(licenses, 'vone', null)).toMatchObject({ status: 'one', license: { uid: UID.umbrellaVone } });
  });
});
