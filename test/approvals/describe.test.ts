import { describe, expect, it } from 'vitest';
import { describeOperation, formatSize, operationTitle } from '../../src/approvals/describe.js';

const UID = '5f1c2a9e-0000-4000-8000-000000000001';

describe('describeOperation', () => {
  it('says exactly what will happen, naming the kind and target once', () => {
    expect(describeOperation({ op: 'license.update', kind: 'vbr', uid: UID }, `${UID} (Acme Corp)`)).toBe(
      `Ask VSPC to download and install a fresh license for Veeam Backup & Replication ${UID} (Acme Corp)`,
    );
    expect(
      describeOperation(
        { op: 'license.update', kind: 'vbr', uid: UID },
        `Veeam Backup & Replication ${UID} (Acme Corp)`,
      ),
    ).toBe(`Ask VSPC to download and install a fresh license for Veeam Backup & Replication ${UID} (Acme Corp)`);
    expect(describeOperation({ op: 'license.update', kind: 'console', uid: 'console' }, 'console')).toBe(
      'Ask VSPC to download and install a fresh license for the VSPC console',
    );
  });

  it('shows file name, size and sha256 for an install, the section for a delete', () => {
    const sha = 'c0ffee'.repeat(10).slice(0, 64);
    const install = describeOperation(
      { op: 'license.install', kind: 'site', uid: UID, fileId: 'f', fileName: 'acme.lic', size: 2150, sha256: sha },
      'Acme site',
    );
    expect(install).toBe(`Install the license file acme.lic (2.1 KB, sha256 ${sha}) on Cloud Connect site Acme site`);
    expect(describeOperation({ op: 'license.delete', kind: 'vbr', uid: UID, section: 'Socket' }, UID)).toMatch(
      /\(section: Socket\)$/,
    );
    expect(describeOperation({ op: 'license.delete', kind: 'vbr', uid: UID, section: null }, UID)).toMatch(
      /\(section: All\)$/,
    );
  });

  it('covers the report operations', () => {
    expect(describeOperation({ op: 'reports.finalize' }, '')).toMatch(/^Finalize \(approve\) the monthly/);
    expect(describeOperation({ op: 'reports.autoapprove', enabled: false }, '')).toMatch(/ off$/);
    expect(operationTitle({ op: 'license.autoupdate', kind: 'vbr', uid: UID, enabled: true })).toBe('Auto-update on');
  });

  it('formats sizes', () => {
    expect(formatSize(812)).toBe('812 bytes');
    expect(formatSize(1024 * 1024)).toBe('1.0 MB');
  });
});
