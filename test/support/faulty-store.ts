/**
 * A real store whose writes throw what better-sqlite3 throws when the file turned read-only or the
 * disk is full (`SQLITE_READONLY`, `SQLITE_FULL`: same class name, code and message shape), while a
 * fault is set. As root (CI runs as root) file modes do not stop writes and mounting a tiny
 * filesystem needs privileges CI may not have, so the fault is injected here instead.
 */
import type { Store } from '../../src/store/types.js';

const WRITES = new Set<keyof Store>([
  'createAction',
  'transition',
  'setActionMessage',
  'appendAudit',
  'putFile',
  'claimDigest',
  'finishDigest',
  'releaseDigest',
  'claimNotification',
  'finishNotification',
  'keepUsageMonth',
]);

export type Fault = { code: 'SQLITE_READONLY'; message: string } | { code: 'SQLITE_FULL'; message: string } | null;
export const READ_ONLY: Fault = { code: 'SQLITE_READONLY', message: 'attempt to write a readonly database' };
export const DISK_FULL: Fault = { code: 'SQLITE_FULL', message: 'database or disk is full' };

export interface FaultyStore {
  store: Store;
  set(fault: Fault): void;
  /** How many writes the fault refused so far. */
  readonly refused: number;
}

export interface FaultyOptions {
  /**
   * Runs just before the store records how a confirmed write ended (`transition` from `executing`),
   * i.e. after the VSPC call: a test takes the database away there to see what an outage at that
   * moment costs.
   */
  beforeOutcome?: () => Promise<void>;
}

/** `store` whose writes throw `fault` while it is set; reads always go through. */
export function faulty(store: Store, options: FaultyOptions = {}): FaultyStore {
  let fault: Fault = null;
  let refused = 0;
  const wrapped = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (name === 'transition' && args[1] === 'executing' && args[2] !== 'executing') {
          await options.beforeOutcome?.();
        }
        if (fault && WRITES.has(name as keyof Store)) {
          refused++;
          const error = Object.assign(new Error(fault.message), { name: 'SqliteError', code: fault.code });
          throw error;
        }
        return value.apply(target, args);
      };
    },
  });
  return {
    store: wrapped,
    set: (next) => {
      fault = next;
    },
    get refused() {
      return refused;
    },
  };
}
