/**
 * VSPC's `X-Request-id` idempotence: a write repeated with the same id within five minutes is not
 * applied again; the client gets the first answer back.
 */
import type { SimResponse } from './http/types.js';

export const IDEMPOTENCE_WINDOW_MS = 5 * 60_000;

interface Entry {
  response: SimResponse;
  at: number;
}

export class IdempotenceCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: () => Date) {}

  get(requestId: string): SimResponse | undefined {
    const key = requestId.toLowerCase();
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.clock().getTime() - entry.at > IDEMPOTENCE_WINDOW_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.response;
  }

  remember(requestId: string, response: SimResponse): void {
    this.entries.set(requestId.toLowerCase(), { response, at: this.clock().getTime() });
  }
}
