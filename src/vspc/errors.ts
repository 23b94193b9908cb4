/**
 * Errors of the VSPC client: one class per kind of failure, built by `vspcErrorFromResponse`.
 * Every error carries the HTTP status (0 when none), VSPC's `errors[]`, the endpoint (method and
 * path, never the query string or headers) and the `X-Request-id` we sent, so a Slack message can
 * quote them. Messages never contain credentials.
 */

export interface VspcResponseError {
  message: string;
  type: string;
  code: number;
}

export type VspcErrorKind =
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'rate_limited'
  | 'server'
  | 'timeout'
  | 'network'
  | 'unexpected_response'
  | 'async_failed';

export interface VspcErrorInit {
  status?: number;
  errors?: VspcResponseError[];
  endpoint?: string;
  requestId?: string | null;
  cause?: unknown;
}

export class VspcError extends Error {
  readonly kind: VspcErrorKind = 'server';
  readonly status: number;
  readonly errors: VspcResponseError[];
  readonly endpoint: string;
  readonly requestId: string | null;

  constructor(message: string, init: VspcErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status ?? 0;
    this.errors = init.errors ?? [];
    this.endpoint = init.endpoint ?? '';
    this.requestId = init.requestId ?? null;
  }

  /** VSPC's first error code, if it sent one. */
  get code(): number | null {
    return this.errors[0]?.code ?? null;
  }
}

export class VspcAuthError extends VspcError {
  override readonly kind = 'auth';
}
export class VspcForbiddenError extends VspcError {
  override readonly kind = 'forbidden';
}
export class VspcNotFoundError extends VspcError {
  override readonly kind = 'not_found';
}
export class VspcConflictError extends VspcError {
  override readonly kind = 'conflict';
}
export class VspcValidationError extends VspcError {
  override readonly kind = 'validation';
}
export class VspcRateLimitError extends VspcError {
  override readonly kind = 'rate_limited';
}
export class VspcServerError extends VspcError {
  override readonly kind = 'server';
}
export class VspcTimeoutError extends VspcError {
  override readonly kind = 'timeout';
}
export class VspcNetworkError extends VspcError {
  override readonly kind = 'network';
}
/** The body was not what the schema says (malformed JSON, wrong shape). */
export class VspcUnexpectedResponseError extends VspcError {
  override readonly kind = 'unexpected_response';
}
/** A 202 async action ended `failed` or `canceled`. */
export class VspcAsyncActionError extends VspcError {
  override readonly kind = 'async_failed';
}

/** One line for users: what failed, VSPC's code and the request id. */
export function describeVspcError(err: VspcError): string {
  const parts = [err.errors[0]?.message?.replace(/\r?\n/g, ' ') || err.message];
  if (err.code !== null) parts.push(`VSPC error code ${err.code}`);
  if (err.status) parts.push(`HTTP ${err.status}`);
  if (err.requestId) parts.push(`request id ${err.requestId}`);
  return parts.join(' · ');
}
