/**
 * A stored license file must be byte for byte what the confirmation card showed (name, size, sha256):
 * checked when it is stored and again when it is read back for the VSPC call.
 */
import { createHash } from 'node:crypto';
import { FileIntegrityError } from './errors.js';
import type { StoredFile } from './types.js';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function assertFileIntact(file: StoredFile): void {
  if (file.bytes.byteLength !== file.size) {
    throw new FileIntegrityError(`file ${file.id}: ${file.bytes.byteLength} bytes, but size says ${file.size}`);
  }
  if (sha256Hex(file.bytes) !== file.sha256.toLowerCase()) {
    throw new FileIntegrityError(`file ${file.id}: the bytes do not match sha256 ${file.sha256}`);
  }
}
