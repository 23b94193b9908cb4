/**
 * Options of the VSPC REST v3 client and their defaults. The auth shape is the one `src/config.ts`
 * parses from the environment (`VspcAuth`), so the composition root passes it through unchanged.
 */
import type { Dispatcher } from 'undici';
import type { VspcAuth } from '../config.js';
import { type Logger, silentLogger } from '../log.js';

export interface RetryOptions {
  /** Retries after the first attempt (default 3). */
  maxRetries?: number;
  /** First backoff step; doubles per attempt, with jitter (default 500 ms). */
  baseDelayMs?: number;
  /** Ceiling of the exponential backoff (default 8 s). */
  maxDelayMs?: number;
  /** Ceiling applied to a server's `Retry-After` (default 60 s). */
  maxRetryAfterMs?: number;
  /** How to wait; tests inject one that records the delay and returns at once. */
  sleep?: (ms: number) => Promise<void>;
}

export interface AsyncPollOptions {
  /** First wait before polling `/asyncActions/{id}` (default 250 ms), growing ×1.5 per poll. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Give up waiting for the action after this long (default 5 min). */
  timeoutMs?: number;
}

export interface RequestInfo {
  operation: string;
  /** HTTP status, 0 when no answer came (network error, timeout). */
  status: number;
  durationMs: number;
}

export interface VspcClientOptions {
  /** Server root without `/api/v3`, e.g. `https://vspc.example.com:1280`. */
  url: string;
  auth: VspcAuth;
  clientVersion?: string;
  /** PEM file of a private CA that signed the VSPC certificate. */
  caFile?: string;
  /** Skip certificate verification; only by explicit choice, logged as a warning. */
  tlsInsecure?: boolean;
  /** Timeout of one HTTP exchange (default 30 s). */
  timeoutMs?: number;
  /** Pages fetched at once after the first (default 4). */
  pageConcurrency?: number;
  /** Upper bound of a fetch-all (default 100,000 items); more is an error, not a silent cut. */
  maxItems?: number;
  /** An undici dispatcher to use instead of the client's own keep-alive pool (tests, proxies). */
  dispatcher?: Dispatcher;
  logger?: Logger;
  retry?: RetryOptions;
  asyncPoll?: AsyncPollOptions;
  /** Called once per HTTP exchange, for metrics. */
  onRequest?: (info: RequestInfo) => void;
  /** Clock in ms since the epoch; injectable so token expiry can be tested without waiting. */
  now?: () => number;
}

export const DEFAULT_CLIENT_VERSION = '3.6.1';
export const API_PREFIX = '/api/v3';
export const PAGE_LIMIT = 500;

export interface ResolvedOptions {
  origin: string;
  /** Path prefix in front of every operation path: the URL's own path (if any) plus `/api/v3`. */
  basePath: string;
  clientVersion: string;
  timeoutMs: number;
  pageConcurrency: number;
  maxItems: number;
  logger: Logger;
  retry: Required<RetryOptions>;
  asyncPoll: Required<AsyncPollOptions>;
  onRequest: (info: RequestInfo) => void;
  now: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function positive(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * Fill in defaults; a URL that does not parse is a clear error, not a stack trace later.
 * `apiPrefix` is `/api/v3`, or empty for the legacy v2 API whose paths start at the root.
 */
export function resolveOptions(options: VspcClientOptions, apiPrefix = API_PREFIX): ResolvedOptions {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new Error('VSPC URL is not a valid URL (expected e.g. https://vspc.example.com:1280)');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`VSPC URL must start with https:// or http://, not ${url.protocol}`);
  }
  const retry = options.retry ?? {};
  const poll = options.asyncPoll ?? {};
  return {
    origin: url.origin,
    basePath: `${url.pathname.replace(/\/+$/, '')}${apiPrefix}`,
    clientVersion: options.clientVersion ?? DEFAULT_CLIENT_VERSION,
    timeoutMs: positive(options.timeoutMs, 30_000),
    pageConcurrency: Math.max(1, Math.floor(positive(options.pageConcurrency, 4))),
    maxItems: positive(options.maxItems, 100_000),
    logger: options.logger ?? silentLogger,
    retry: {
      maxRetries: positive(retry.maxRetries, 3),
      baseDelayMs: positive(retry.baseDelayMs, 500),
      maxDelayMs: positive(retry.maxDelayMs, 8_000),
      maxRetryAfterMs: positive(retry.maxRetryAfterMs, 60_000),
      sleep: retry.sleep ?? realSleep,
    },
    asyncPoll: {
      initialDelayMs: positive(poll.initialDelayMs, 250),
      maxDelayMs: positive(poll.maxDelayMs, 5_000),
      timeoutMs: positive(poll.timeoutMs, 5 * 60_000),
    },
    onRequest: options.onRequest ?? (() => {}),
    now: options.now ?? Date.now,
  };
}
