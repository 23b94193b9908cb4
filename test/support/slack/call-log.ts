/** The ordered record of everything that reached the fake, and waiting for what has not arrived yet. */
import type { RecordedCall } from './types.js';

export type CallMatcher = string | ((call: RecordedCall) => boolean);

export interface WaitOptions {
  /** Give up after this long (default 2000 ms). */
  timeoutMs?: number;
  /** Resolve with the n-th matching call (default 1). */
  count?: number;
  /** Only consider calls with a larger `seq` (see `mark()`). */
  since?: number;
  /** Extra condition when the matcher is a method name. */
  where?: (call: RecordedCall) => boolean;
}

const DEFAULT_WAIT_MS = 2000;
const SUMMARY_LIMIT = 40;

export class CallLog {
  readonly #calls: RecordedCall[] = [];
  readonly #listeners = new Set<() => void>();

  nextSeq(): number {
    return this.#calls.length + 1;
  }

  add(call: RecordedCall): void {
    this.#calls.push(call);
    for (const listener of [...this.#listeners]) listener();
  }

  list(method?: string): RecordedCall[] {
    return method === undefined ? [...this.#calls] : this.#calls.filter((call) => call.method === method);
  }

  /** The seq of the last call so far. */
  mark(): number {
    return this.#calls.length;
  }

  waitFor(matcher: CallMatcher, options: WaitOptions = {}): Promise<RecordedCall> {
    const { timeoutMs = DEFAULT_WAIT_MS, count = 1, since = 0, where } = options;
    const matches = (call: RecordedCall): boolean =>
      call.seq > since &&
      (typeof matcher === 'string' ? call.method === matcher : matcher(call)) &&
      (where === undefined || where(call));
    const found = (): RecordedCall | undefined => this.#calls.filter(matches)[count - 1];

    const already = found();
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const onCall = (): void => {
        const call = found();
        if (!call) return;
        finish();
        resolve(call);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(this.#timeoutMessage(matcher, count, timeoutMs, this.#calls.filter(matches).length)));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.#listeners.delete(onCall);
      };
      this.#listeners.add(onCall);
    });
  }

  #timeoutMessage(matcher: CallMatcher, count: number, timeoutMs: number, seen: number): string {
    const wanted = typeof matcher === 'string' ? matcher : 'a call matching the predicate';
    const calls = this.#calls.slice(-SUMMARY_LIMIT).map(summarise);
    const list = calls.length === 0 ? '(none)' : calls.join(', ');
    return `fake Slack: waited ${timeoutMs} ms for ${wanted} (wanted ${count}, matched ${seen}). Calls seen: ${list}`;
  }
}

/** `chat.update(C1 1700000000.000100) → ok` style, short enough to read in a failure message. */
export function summarise(call: RecordedCall): string {
  const keys = ['channel', 'channel_id', 'ts', 'user', 'usergroup', 'trigger_id', 'view_id', 'file'];
  const details = keys.flatMap((key) => (typeof call.params[key] === 'string' ? [call.params[key]] : []));
  if (call.target) details.unshift(call.target);
  const result = call.result as { ok?: boolean; error?: string } | undefined;
  const outcome = result?.ok === false ? ` → ${result.error}` : call.status === 200 ? '' : ` → HTTP ${call.status}`;
  return `#${call.seq} ${call.method}${details.length ? `(${details.join(' ')})` : ''}${outcome}`;
}
