/** Uploaded license files on PostgreSQL, checked against their sha256 on the way in and out. */
import type pg from 'pg';
import { StoreError } from '../errors.js';
import { assertFileIntact } from '../file-integrity.js';
import { FILE_COLUMNS, type FileRow, fileFromRow, fileValues } from '../rows.js';
import type { FileStore, StoredFile } from '../types.js';

export function postgresFiles(pool: pg.Pool): FileStore {
  /** Storing the same file twice is harmless; storing other bytes under a used id is not. */
  const assertSameFile = async (file: StoredFile): Promise<void> => {
    const { rows } = await pool.query<{ sha256: string }>('SELECT sha256 FROM files WHERE id = $1', [file.id]);
    if (rows[0]?.sha256.toLowerCase() !== file.sha256.toLowerCase()) {
      throw new StoreError(`file ${file.id} is already stored with different content`);
    }
  };

  return {
    async putFile(file) {
      assertFileIntact(file);
      const result = await pool.query(
        `INSERT INTO files (${FILE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
        fileValues(file),
      );
      if (result.rowCount === 0) await assertSameFile(file);
    },

    async getFile(id) {
      const { rows } = await pool.query<FileRow>('SELECT * FROM files WHERE id = $1', [id]);
      if (!rows[0]) return null;
      const file = fileFromRow(rows[0]);
      assertFileIntact(file);
      return file;
    },
  };
}
