/** Safe building of operation paths and query strings: caller values never change the route. */
import { VspcValidationError } from './errors.js';

/** One path segment from a caller value (a UID, a date): percent-encoded, never `.`/`..` or empty. */
export function pathParam(name: string, value: string | number): string {
  const text = String(value).trim();
  if (text === '' || text === '.' || text === '..') {
    throw new VspcValidationError(`${name} must not be empty or a dot segment`);
  }
  return encodeURIComponent(text);
}

export type QueryValue = string | number | boolean | null | undefined | readonly unknown[] | object;

/** Query string from values; objects and arrays (VSPC's `filter`, `sort`) are sent as JSON. */
export function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
