/**
 * The request core every VSPC operation goes through: auth (with one renewal on 401), the retry
 * policy, 202 → async action (`async-wait.ts`), and parsing against a lenient zod schema
 * (`parse-response.ts`); one HTTP attempt with its headers and timeout is `send-once.ts`.
 * It never logs or quotes headers or bodies, and scrubs credentials from anything VSPC echoes.
 */
import { randomUUID } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { waitForAsyncAction } from './async-wait.js';
import { VspcError, VspcNetworkError, VspcUnexpectedResponseError, vspcErrorFromResponse } from './errors.js';
import type { ResolvedOptions } from './options.js';
import { parseResponse } from './parse-response.js';
import type { Accept, Exchange, RawResponse, RequestSpec, VspcRequester } from './request.js';
import { IDEMPOTENCY_WINDOW_MS, isRetryableStatus, parseRetryAfter, retryDelay } from './retry-policy.js';
import type { SecretScrubber } from './secrets.js';
import { sendOnce } from './send-once.js';
import { SendRecord } from './send-record.js';
import type { AccessTokenSource } from './token-source.js';

export type { Accept, HttpMethod, RawResponse, RequestBody, RequestSpec } from './request.js';

export class VspcCore implements VspcRequester {
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
    return parseResponse(response, schema, exchange);
  }

  /**
   * For writes: VSPC has done the change once it answers 2xx, so an answer that does not match
   * the schema is logged and gives null rather than an error that would read as "not done".
   */
  async jsonAfterWrite<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S> | null> {
    const { response, exchange } = await this.execute(spec, 'json');
    try {
      return parseResponse(response, schema, exchange);
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
        response = await sendOnce(this.dispatcher, this.options, spec, accept, exchange, token);
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
}

/** The id at the end of a `Location: …/api/v3/asyncActions/{id}` header. */
export function actionIdFromLocation(location: string | undefined): string | null {
  const match = location ? /\/asyncActions\/([^/?#]+)/i.exec(location) : null;
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}
