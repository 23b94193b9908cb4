/** A VSPC answer's JSON against its lenient zod schema; a mismatch is a `VspcUnexpectedResponseError`. */
import { prettifyError, type z } from 'zod';
import { VspcUnexpectedResponseError } from './errors.js';
import type { Exchange, RawResponse } from './request.js';

const MAX_SUMMARY_CHARS = 600;

export function parseResponse<S extends z.ZodType>(response: RawResponse, schema: S, exchange: Exchange): z.output<S> {
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
