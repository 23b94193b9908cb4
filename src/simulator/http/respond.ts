/** Builders for VSPC-shaped responses: the `{data, meta, errors}` envelope and `ErrorResponse`. */
import type { ResponseError } from '../wire.js';
import type { SimResponse } from './types.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body: Buffer.from(JSON.stringify(value)) };
}

export interface PagingInfo {
  total: number;
  count: number;
  offset: number;
}

/** `200 {data, meta, errors: null}`; `meta` is null for single objects, as the schema allows. */
export function ok(data: unknown, pagingInfo: PagingInfo | null = null): SimResponse {
  return json(200, { data, meta: pagingInfo ? { pagingInfo } : null, errors: null });
}

/** A whole, unpaginated collection (sites, async actions) still carries its paging info. */
export function collection(items: unknown[]): SimResponse {
  return ok(items, { total: items.length, count: items.length, offset: 0 });
}

/** VSPC's `EmptyResponse` for deletes and cancels. */
export function empty(): SimResponse {
  return json(200, { data: {}, meta: null, errors: [] });
}

export function errorResponse(
  status: number,
  message: string,
  type: ResponseError['type'] = 'logical',
  code: number = status,
  extra: Partial<ResponseError> = {},
  headers: Record<string, string> = {},
): SimResponse {
  return json(status, { errors: [{ message, type, code, ...extra }] }, headers);
}

export const badRequest = (message: string, code = 400): SimResponse => errorResponse(400, message, 'logical', code);
export const notFound = (message: string): SimResponse => errorResponse(404, message, 'logical', 404);
export const unauthorized = (message: string): SimResponse =>
  errorResponse(401, message, 'security', 401, {}, { 'www-authenticate': 'Bearer' });
/** VSPC reports every server-side failure as HTTP 520. */
export const serverError = (message: string): SimResponse => errorResponse(520, message, 'unspecified', 500);

export function binary(bytes: Buffer, contentType = 'application/octet-stream', fileName?: string): SimResponse {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (fileName) headers['content-disposition'] = `attachment; filename="${fileName}"`;
  return { status: 200, headers, body: bytes };
}
