/** `limit`/`offset` exactly as VSPC: limit 1–500 (default 100), offset ≥ 0 (default 0). */
import { badRequest, ok } from './respond.js';
import type { SimResponse } from './types.js';

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 100;
const MAX_OFFSET = 2_147_483_647;

export interface Paging {
  limit: number;
  offset: number;
}

function integer(text: string): number | null {
  return /^\s*-?\d+\s*$/.test(text) ? Number(text) : null;
}

export function parsePaging(query: URLSearchParams): Paging | SimResponse {
  const limitText = query.get('limit');
  const offsetText = query.get('offset');
  const limit = limitText === null ? DEFAULT_LIMIT : integer(limitText);
  const offset = offsetText === null ? 0 : integer(offsetText);
  if (limit === null || limit < 1 || limit > MAX_LIMIT) {
    return badRequest(`The value of the limit parameter must be an integer between 1 and ${MAX_LIMIT}.`);
  }
  if (offset === null || offset < 0 || offset > MAX_OFFSET) {
    return badRequest(`The value of the offset parameter must be an integer between 0 and ${MAX_OFFSET}.`);
  }
  return { limit, offset };
}

export function isPaging(value: Paging | SimResponse): value is Paging {
  return 'limit' in value;
}

export function page<T>(items: readonly T[], paging: Paging): SimResponse {
  const slice = items.slice(paging.offset, paging.offset + paging.limit);
  return ok(slice, { total: items.length, count: slice.length, offset: paging.offset });
}
