/**
 * Store failures the operator can act on: a bad `DATABASE_URL`, a database that cannot be opened or
 * reached. Messages name `DATABASE_URL` and never carry a password; the driver error stays in `cause`.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A stored file whose bytes no longer match the hash the confirmation card showed. */
export class FileIntegrityError extends StoreError {}
