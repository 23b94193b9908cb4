import { afterEach, describe, expect, it } from 'vitest';
import { toStoredFile } from '../../src/approvals/license-file.js';
import type { WriteOperation } from '../../src/approvals/operation.js';
import { bytesOf, XML_LICENSE } from './fixtures/licenses.js';
import { type Harness, startHarness } from './support/harness.js';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const UID = '5f1c2a9e-0000-4000-8000-000000000001';

async function requestInstall(operation: WriteOperation) {
  const result = await h.service.request({
    operation,
    targetLabel: UID,
    requestedBy: 'UOPERATOR',
    channel: 'C0LICENSES',
  });
  if (result.status !== 'created') throw new Error(`expected created, got ${result.status}`);
  return result.action;
}

describe('license.install', () => {
  it('sends exactly the stored bytes, under the action id', async () => {
    h = await startHarness();
    const file = toStoredFile(bytesOf(XML_LICENSE), 'acme.lic', 'UOPERATOR', h.clock.now);
    await h.store.putFile(file);
    const action = await requestInstall({
      op: 'license.install',
      kind: 'vbr',
      uid: UID,
      fileId: file.id,
      fileName: file.name,
      size: file.size,
      sha256: file.sha256,
    });
    await h.service.confirm(action.id, 'UAPPROVER', h.presenter);

    expect(h.backend.writes).toHaveLength(1);
    const write = h.backend.writes[0];
    expect(write).toMatchObject({ method: 'installLicense', requestId: action.id, kind: 'vbr', uid: UID });
    expect(Buffer.from(write?.file?.bytes ?? []).equals(Buffer.from(file.bytes))).toBe(true);
    expect(write?.file).toMatchObject({ name: 'acme.lic', sha256: file.sha256 });
    expect((await h.store.getAction(action.id))?.status).toBe('succeeded');
  });

  it('refuses to send a file whose hash differs from the card, and VSPC is never called', async () => {
    h = await startHarness();
    const file = toStoredFile(bytesOf(XML_LICENSE), 'acme.lic', 'UOPERATOR', h.clock.now);
    await h.store.putFile(file);
    const action = await requestInstall({
      op: 'license.install',
      kind: 'vbr',
      uid: UID,
      fileId: file.id,
      fileName: file.name,
      size: file.size,
      sha256: 'ab'.repeat(32),
    });
    await h.service.confirm(action.id, 'UAPPROVER', h.presenter);

    expect(h.backend.writes).toHaveLength(0);
    const stored = await h.store.getAction(action.id);
    expect(stored?.status).toBe('failed');
    expect(stored?.outcome).toMatch(/^Refused: the stored file does not match the card/);
    expect(h.invalidations).toBe(0);
  });

  it('fails cleanly when the stored file is gone', async () => {
    h = await startHarness();
    const action = await requestInstall({
      op: 'license.install',
      kind: 'vbr',
      uid: UID,
      fileId: 'missing',
      fileName: 'acme.lic',
      size: 10,
      sha256: 'ab'.repeat(32),
    });
    await h.service.confirm(action.id, 'UAPPROVER', h.presenter);
    expect(h.backend.writes).toHaveLength(0);
    expect((await h.store.getAction(action.id))?.outcome).toMatch(/no longer stored/);
  });
});
