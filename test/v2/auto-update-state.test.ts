/** What a v2 license says about auto-update, as the list and the card show it: on, off, or unknown. */
import { describe, expect, it } from 'vitest';
import { v2ServerToLicense } from '../../src/licenses/v2/map-licenses.js';
import { formatAutoUpdate } from '../../src/slack/render/license-text.js';
import type { V2ServerLicense } from '../../src/vspc/v2/index.js';

const wire = (extra: Partial<V2ServerLicense>): V2ServerLicense => ({
  id: '514c45eb-9543-4799-8003-1e59385b774c',
  licensedTo: 'Cloud Provider AG',
  ...extra,
});

describe('v2 auto-update state', () => {
  it('is unknown when the object does not carry the flag (the v2 reference objects do not)', () => {
    const license = v2ServerToLicense('site', wire({}));
    expect(license.autoUpdateEnabled).toBeNull();
    expect(formatAutoUpdate(license.autoUpdateEnabled)).toBe('auto-update unknown');
  });

  it('reads either spelling of the flag when a server sends it', () => {
    expect(v2ServerToLicense('site', wire({ autoUpdateEnabled: false })).autoUpdateEnabled).toBe(false);
    expect(v2ServerToLicense('site', wire({ autoupdateEnabled: true })).autoUpdateEnabled).toBe(true);
    expect(formatAutoUpdate(v2ServerToLicense('vbr', wire({ autoUpdateEnabled: false })).autoUpdateEnabled)).toBe(
      'auto-update off',
    );
  });

  it('a v2 backup-server license can only be deleted whole', () => {
    expect(v2ServerToLicense('vbr', wire({})).sectionTypes).toEqual(['All']);
    expect(v2ServerToLicense('site', wire({})).sectionTypes).toEqual([]);
  });
});
