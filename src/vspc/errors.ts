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
  /**
   * True only when no attempt of this request can have reached VSPC (see `nothing-sent.ts`): every
   * attempt failed before a connection existed. A write that ends so is known not to have happened.
   */
  readonly nothingSent: boolean;

  constructor(message: string, init: VspcErrorInit & { nothingSent?: boolean } = {}) {
    super(message, init);
    this.nothingSent = init.nothingSent ?? false;
  }
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

/** A VSPC `errors[]` entry as it may arrive: everything optional, so a bad body still yields an error. */
function readResponseErrors(body: unknown): VspcResponseError[] {
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  if (Array.isArray(record.errors)) {
    return record.errors
      .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
      .map((e) => ({
        message: typeof e.message === 'string' ? e.message : '',
        type: typeof e.type === 'string' ? e.type : 'unspecified',
        code: typeof e.code === 'number' ? e.code : 0,
      }));
  }
  // `/token` answers OAuth 2 errors instead of the envelope.
  if (typeof record.error === 'string') {
    const description = typeof record.error_description === 'string' ? record.error_description : record.error;
    return [{ message: description, type: record.error, code: 0 }];
  }
  // The legacy v2 API answers errors as a bare `{ message }`.
  if (typeof record.message === 'string') return [{ message: record.message, type: 'unspecified', code: 0 }];
  return [];
}

function parseBodyQuietly(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const ERROR_CLASS_BY_STATUS: Record<number, typeof VspcError> = {
  400: VspcValidationError,
  401: VspcAuthError,
  403: VspcForbiddenError,
  404: VspcNotFoundError,
  408: VspcTimeoutError,
  409: VspcConflictError,
  422: VspcValidationError,
  429: VspcRateLimitError,
};

/** Which error class an HTTP status maps to (≥500, 520 included, is a server error). */
export function errorClassForStatus(status: number): typeof VspcError {
  const known = ERROR_CLASS_BY_STATUS[status];
  if (known) return known;
  if (status >= 500) return VspcServerError;
  if (status >= 400) return VspcValidationError;
  return VspcUnexpectedResponseError;
}

export interface ErrorResponseInit {
  status: number;
  /** The raw response body; only VSPC's `errors[].message` texts are kept from it. */
  body: string;
  endpoint: string;
  requestId: string | null;
  /** Removes credentials from any text VSPC may have echoed back. */
  scrub?: (text: string) => string;
}

/** The one factory that turns a non-2xx VSPC answer into a typed error. Never quotes the raw body. */
export function vspcErrorFromResponse(init: ErrorResponseInit): VspcError {
  const scrub = init.scrub ?? ((text: string) => text);
  const errors = readResponseErrors(parseBodyQuietly(init.body)).map((e) => ({ ...e, message: scrub(e.message) }));
  const ErrorClass = errorClassForStatus(init.status);
  const detail = errors[0]?.message ? `: ${errors[0].message.replace(/\r?\n/g, ' ')}` : '';
  return new ErrorClass(`VSPC ${init.endpoint} answered HTTP ${init.status}${detail}`, {
    status: init.status,
    errors,
    endpoint: init.endpoint,
    requestId: init.requestId,
  });
}
