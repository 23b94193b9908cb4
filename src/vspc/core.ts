/**
 * The request core every VSPC operation goes through: headers, auth (with one renewal on 401),
 * timeouts, the retry policy, 202 → async action, and parsing against a lenient zod schema.
 * It never logs or quotes headers or bodies, and scrubs credentials from anything VSPC echoes.
 */
import { randomUUID } from 'node:crypto';
import type { Dispatcher, FormData } from 'undici';
import { prettifyError, type z } from 'zod';
import { waitForAsyncAction } from './async-wait.js';
import {
  VspcError,
  VspcNetworkError,
  VspcTimeoutError,
  VspcUnexpectedResponseError,
  vspcErrorFromResponse,
} from './errors.js';
import { provesNothingSent } from './nothing-sent.js';
import type { ResolvedOptions } from './options.js';
import { type QueryValue, queryString } from './path.js';
import { IDEMPOTENCY_WINDOW_MS, isRetryableStatus, parseRetryAfter, retryDelay } from './retry-policy.js';
import type { SecretScrubber } from './secrets.js';
import { SendRecord } from './send-record.js';
import type { AccessTokenSource } from './token-source.js';

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

interface Exchange {
  endpoint: string;
  requestId: string | null;
}

const MAX_SUMMARY_CHARS = 600;

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers))
    flat[name.toLowerCase()] = Array.isArray(value) ? value[0] : value;
  return flat;
}

export class VspcCore {
  private tokens: AccessTokenSource | null = null;

  constructor(
    readonly options: ResolvedOptions,
    private readonly dispatcher: Dispatcher,
    readonly scrubber: SecretScrubber,
  ) {}

  setTokenSource(tokens: AccessTokenSource): void {
    this.tokens = tokens;
  }

  /** Run an operation and validate its JSON answer; a mismatch is a `VspcUnexpectedResponseError`. */
  async json<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>> {
    const { response, exchange } = await this.execute(spec, 'json');
    return this.parse(response, schema, exchange);
  }

  /**
   * For writes: VSPC has done the change once it answers 2xx, so an answer that does not match
   * the schema is logged and gives null rather than an error that would read as "not done".
   */
  async jsonAfterWrite<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S> | null> {
    const { response, exchange } = await this.execute(spec, 'json');
    try {
      return this.parse(response, schema, exchange);
    } catch (err) {
      if (!(err instanceof VspcUnexpectedResponseError)) throw err;
      this.options.logger.warn(
        { endpoint: exchange.endpoint, requestId: exchange.requestId },
        'VSPC accepted the write but its answer did not match the schema',
      );
      return null;
    }
  }

  async bytes(spec: RequestSpec): Promise<Uint8Array> {
    const { response } = await this.execute(spec, 'bytes');
    return new Uint8Array(response.body.buffer, response.body.byteOffset, response.body.byteLength);
  }

  /** Send, and when VSPC queues the request (202), wait for the async action and return its result. */
  async execute(spec: RequestSpec, accept: Accept): Promise<{ response: RawResponse; exchange: Exchange }> {
    const exchange: Exchange = {
      endpoint: `${spec.method} ${spec.path}`,
      requestId: spec.sendRequestId === false ? null : (spec.requestId ?? randomUUID()),
    };
    const response = await this.send(spec, accept, exchange);
    if (response.status !== 202 || spec.followAsync === false) return { response, exchange };
    const actionId = actionIdFromLocation(response.headers.location) ?? exchange.requestId;
    if (!actionId) {
      throw new VspcUnexpectedResponseError(`VSPC ${exchange.endpoint} answered 202 without an async action id`, {
        status: 202,
        endpoint: exchange.endpoint,
      });
    }
    const result = await waitForAsyncAction(this, actionId, accept, exchange.endpoint);
    return { response: result, exchange };
  }

  private parse<S extends z.ZodType>(response: RawResponse, schema: S, exchange: Exchange): z.output<S> {
    const text = response.body.toString('utf8');
    let body: unknown;
    try {
      body = text.trim() === '' ? {} : JSON.parse(text);
    } catch (cause) {
      throw new VspcUnexpectedResponseError(
        `VSPC ${exchange.endpoint} answered HTTP ${response.status} with malformed JSON`,
        { status: response.status, endpoint: exchange.endpoint, requestId: exchange.requestId, cause },
      );
    }
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const summary = prettifyError(parsed.error).replace(/\s+/g, ' ').slice(0, MAX_SUMMARY_CHARS);
    throw new VspcUnexpectedResponseError(
      `VSPC ${exchange.endpoint} answered with a body that does not match the API schema: ${summary}`,
      { status: response.status, endpoint: exchange.endpoint, requestId: exchange.requestId },
    );
  }

  private async send(spec: RequestSpec, accept: Accept, exchange: Exchange): Promise<RawResponse> {
    const { retry, logger, now } = this.options;
    // GETs are safe to repeat; a write only when VSPC can recognise the repeat by its request id.
    const retryable = spec.method === 'GET' || spec.requestId !== undefined;
    const startedAt = now();
    let renewed = false;
    let attempt = 0;
    // Whether any attempt so far may have reached VSPC: only while none has can a failure say "nothing was sent".
    const sent = new SendRecord(exchange);
    for (;;) {
      let token: string | undefined;
      try {
        token = spec.auth === false ? undefined : await this.bearer();
      } catch (err) {
        throw sent.failedBeforeSending(err);
      }
      let response: RawResponse;
      try {
        response = await this.exchange(spec, accept, exchange, token);
      } catch (caught) {
        const err = sent.failed(caught);
        const retriable = err instanceof VspcNetworkError && retryable && attempt < retry.maxRetries;
        const delay = retryDelay(attempt, null, retry);
        if (!retriable || !this.insideWindow(spec, startedAt, delay)) throw err;
        logger.warn(
          { endpoint: exchange.endpoint, requestId: exchange.requestId, attempt, delayMs: delay },
          'VSPC unreachable, retrying',
        );
        await retry.sleep(delay);
        attempt++;
        continue;
      }
      sent.answered();
      if (response.status === 401 && token !== undefined && !renewed && this.tokens) {
        renewed = true;
        // A 401 means VSPC did not run the request, so sending it again is safe even for writes.
        if (await this.tokens.renew(token)) continue;
      }
      if (response.status < 400) return response;
      const error = vspcErrorFromResponse({
        status: response.status,
        body: response.body.toString('utf8'),
        endpoint: exchange.endpoint,
        requestId: exchange.requestId,
        scrub: this.scrubber.scrub,
      });
      if (!retryable || !isRetryableStatus(response.status) || attempt >= retry.maxRetries) throw error;
      const delay = retryDelay(attempt, parseRetryAfter(response.headers['retry-after'], now()), retry);
      if (!this.insideWindow(spec, startedAt, delay)) throw error;
      logger.warn(
        {
          endpoint: exchange.endpoint,
          requestId: exchange.requestId,
          status: response.status,
          attempt,
          delayMs: delay,
        },
        'VSPC request failed, retrying',
      );
      await retry.sleep(delay);
      attempt++;
    }
  }

  /** A write may only be resent while VSPC still remembers its request id. */
  private insideWindow(spec: RequestSpec, startedAt: number, delay: number): boolean {
    if (spec.method === 'GET') return true;
    return this.options.now() - startedAt + delay < IDEMPOTENCY_WINDOW_MS;
  }

  private async bearer(): Promise<string> {
    if (!this.tokens) throw new VspcError('VSPC client has no credentials configured');
    return this.tokens.current();
  }

  private async exchange(
    spec: RequestSpec,
    accept: Accept,
    exchange: Exchange,
    token: string | undefined,
  ): Promise<RawResponse> {
    const { options } = this;
    const headers: Record<string, string> = {
      accept: accept === 'bytes' ? 'application/octet-stream' : 'application/json',
      'x-client-version': options.clientVersion,
    };
    if (exchange.requestId) headers['x-request-id'] = exchange.requestId;
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    let body: string | FormData | undefined;
    if (spec.body?.kind === 'json') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(spec.body.value);
    } else if (spec.body?.kind === 'form') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(spec.body.fields).toString();
    } else if (spec.body?.kind === 'multipart') {
      body = spec.body.build();
    }

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    const started = performance.now();
    let status = 0;
    try {
      const res = await this.dispatcher.request({
        origin: options.origin,
        path: `${options.basePath}${spec.path}${queryString(spec.query)}`,
        method: spec.method,
        headers,
        body: body ?? null,
        signal: controller.signal,
      });
      status = res.statusCode;
      const buffer = Buffer.from(await res.body.arrayBuffer());
      return { status, headers: flattenHeaders(res.headers), body: buffer };
    } catch (cause) {
      if (controller.signal.aborted) {
        throw new VspcTimeoutError(`VSPC ${exchange.endpoint} did not answer within ${options.timeoutMs} ms`, {
          endpoint: exchange.endpoint,
          requestId: exchange.requestId,
          cause,
        });
      }
      const code = (cause as { code?: string }).code ?? (cause as Error).name ?? 'error';
      throw new VspcNetworkError(`VSPC ${exchange.endpoint} could not be reached (${code})`, {
        endpoint: exchange.endpoint,
        requestId: exchange.requestId,
        cause,
        nothingSent: provesNothingSent(cause),
      });
    } finally {
      clearTimeout(timer);
      const durationMs = performance.now() - started;
      options.onRequest({ operation: spec.operation, status, durationMs });
      options.logger.debug(
        { operation: spec.operation, endpoint: exchange.endpoint, status, durationMs, requestId: exchange.requestId },
        'VSPC request',
      );
    }
  }
}

/** The id at the end of a `Location: …/api/v3/asyncActions/{id}` header. */
export function actionIdFromLocation(location: string | undefined): string | null {
  const match = location ? /\/asyncActions\/([^/?#]+)/i.exec(location) : null;
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
