/** When and how long to wait before retrying a VSPC request. Pure functions; the core applies them. */

/** VSPC deduplicates a write by `X-Request-id` for 5 minutes; stay inside with a margin. */
export const IDEMPOTENCY_WINDOW_MS = 5 * 60_000 - 30_000;

/** 408, 429 and every server error (VSPC sends them all as 520) are worth another try. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** `Retry-After` as milliseconds: delta seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

export interface BackoffSettings {
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

/**
 * The wait before retry number `attempt + 1`: the server's `Retry-After` (capped) when it gave one,
 * else exponential backoff with jitter, so that many clients do not retry in lockstep.
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  settings: BackoffSettings,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, settings.maxRetryAfterMs);
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
