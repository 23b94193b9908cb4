/** What every fake Web API method handler gets, and small helpers they share. */
import type { Params } from '../types.js';
import type { Workspace } from '../workspace.js';

/** URLs that point back at the fake itself. */
export interface FakeLinks {
  uploadUrl(fileId: string): string;
  privateUrl(fileId: string, name: string): string;
  downloadUrl(fileId: string, name: string): string;
  socketUrl(): string;
}

export interface MethodContext {
  params: Params;
  workspace: Workspace;
  links: FakeLinks;
}

export type MethodResult = Record<string, unknown>;
export type MethodHandler = (context: MethodContext) => MethodResult;

export function fail(error: string): MethodResult {
  return { ok: false, error };
}

/** A param as a string (form fields are strings; JSON bodies may carry numbers or booleans). */
export function stringParam(params: Params, key: string): string | undefined {
  const value = params[key];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function objectParam(params: Params, key: string): Record<string, unknown> | undefined {
  const value = params[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
