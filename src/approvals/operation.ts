/**
 * Every VSPC write the product can make, as data. A pending action stores exactly one of these;
 * what runs on Confirm is this value, never a re-resolved target.
 */
import type { VbrDeleteSection } from '../licenses/backend.js';
import type { LicenseKind } from '../licenses/model.js';

export type WriteOperation =
  | { op: 'license.update'; kind: LicenseKind; uid: string }
  | {
      op: 'license.install';
      kind: LicenseKind;
      uid: string;
      fileId: string;
      fileName: string;
      size: number;
      sha256: string;
    }
  | { op: 'license.autoupdate'; kind: LicenseKind; uid: string; enabled: boolean }
  | { op: 'license.delete'; kind: 'vbr' | 'vone'; uid: string; section: VbrDeleteSection | null }
  | { op: 'reports.finalize' }
  | { op: 'reports.autoapprove'; enabled: boolean };

export type OperationName = WriteOperation['op'];

/** One open action per operation and target: asking again points at the open card. */
export function dedupeKey(operation: WriteOperation): string {
  switch (operation.op) {
    case 'license.update':
    case 'license.install':
    case 'license.autoupdate':
    case 'license.delete':
      return `${operation.op}:${operation.kind}:${operation.uid}`;
    case 'reports.finalize':
    case 'reports.autoapprove':
      return operation.op;
  }
}

// The store keeps operations as JSON without importing this layer; this names their type there.
declare module '../store/types.js' {
  interface StoredOperationRegistry {
    operation: WriteOperation;
  }
}
