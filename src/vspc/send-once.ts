/**
 * One HTTP attempt of a VSPC request: headers, body encoding, the per-request timeout, and the
 * mapping of transport failures to `VspcTimeoutError` / `VspcNetworkError` (with whether the failure
 * proves that nothing reached VSPC). Every attempt is measured and logged without headers or bodies.
 */
import type { Dispatcher, FormData } from 'undici';
import { VspcNetworkError, VspcTimeoutError } from './errors.js';
import { provesNothingSent } from './nothing-sent.js';
import type { ResolvedOptions } from './options.js';
import { queryString } from './path.js';
import type { Accept, Exchange, RawResponse, RequestSpec } from './request.js';

export async function sendOnce(
  dispatcher: Dispatcher,
  options: ResolvedOptions,
  spec: RequestSpec,
  accept: Accept,
  exchange: Exchange,
  token: string | undefined,
): Promise<RawResponse> {
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
    const res = await dispatcher.request({
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

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers))
    flat[name.toLowerCase()] = Array.isArray(value) ? value[0] : value;
  return flat;
}
