/** Uploaded license files on SQLite, checked against their sha256 on the way in and out. */
import { StoreError } from '../errors.js';
import { assertFileIntact } from '../file-integrity.js';
import { type FileRow, fileFromRow, millis } from '../rows.js';
import type { FileStore, StoredFile } from '../types.js';
import type { SqliteStatements } from './statements.js';

export function sqliteFiles({ statement }: SqliteStatements): FileStore {
  /** Storing the same file twice is harmless; storing other bytes under a used id is not. */
  const assertSameFile = (file: StoredFile): void => {
    const existing = statement('SELECT sha256 FROM files WHERE id = ?').get(file.id) as { sha256: string } | undefined;
    if (existing?.sha256.toLowerCase() !== file.sha256.toLowerCase()) {
      throw new StoreError(`file ${file.id} is already stored with different content`);
    }
  };

  return {
    async putFile(file) {
      assertFileIntact(file);
      const result = statement(`
        INSERT INTO files (id, name, size, sha256, bytes, uploaded_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`).run(
        file.id,
        file.name,
        file.size,
        file.sha256,
        Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
        file.uploadedBy,
        millis(file.createdAt),
      );
      if (result.changes === 0) assertSameFile(file);
    },

    async getFile(id) {
      const row = statement('SELECT * FROM files WHERE id = ?').get(id) as FileRow | undefined;
      if (!row) return null;
      const file = fileFromRow(row);
      assertFileIntact(file);
      return file;
    },
  };
}
