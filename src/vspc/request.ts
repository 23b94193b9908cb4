/**
 * What a VSPC request and its raw answer look like, and the part of the request core that helpers
 * of the core (such as following a 202) call back into. Kept apart from `core.ts` so that those
 * helpers depend on this shape, not on the core that uses them.
 */
import type { FormData } from 'undici';
import type { z } from 'zod';
import type { ResolvedOptions } from './options.js';
import type { QueryValue } from './path.js';
import type { SecretScrubber } from './secrets.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: Record<string, string> }
  /** Built anew for every attempt: a consumed multipart stream cannot be sent twice. */
  | { kind: 'multipart'; build: () => FormData };

export interface RequestSpec {
  /** The OpenAPI operationId, for logs and metrics. */
  operation: string;
  method: HttpMethod;
  /** Path below `/api/v3`, with every caller value already encoded (see `pathParam`). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: RequestBody;
  /**
   * The caller's `X-Request-id` (the pending action id). Only with one is a write retried: VSPC
   * deduplicates the same id for five minutes. Without one the core makes a fresh id per request.
   */
  requestId?: string | undefined;
  /** `/token` and `/asyncActions*` take no `X-Request-id`. */
  sendRequestId?: boolean;
  auth?: boolean;
  /** Follow a 202 through `/asyncActions/{id}` (default true). */
  followAsync?: boolean;
}

export type Accept = 'json' | 'bytes';

export interface RawResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: Buffer;
}

/** One logical request as logs and errors name it; the same across its retries. */
export interface Exchange {
  endpoint: string;
  requestId: string | null;
}

/** The request core as its helpers see it (`VspcCore` implements it). */
export interface VspcRequester {
  readonly options: ResolvedOptions;
  readonly scrubber: SecretScrubber;
  json<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>>;
  execute(spec: RequestSpec, accept: Accept): Promise<{ response: RawResponse; exchange: Exchange }>;
}
