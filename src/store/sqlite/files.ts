/** Uploaded license files on SQLite, checked against their sha256 on the way in and out. */
import { StoreError } from '../errors.js';
import { assertFileIntact } from '../file-integrity.js';
import { FILE_COLUMNS, type FileRow, fileFromRow, fileValues } from '../rows.js';
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
      const result = statement(
        `INSERT INTO files (${FILE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      ).run(...fileValues(file));
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
