/**
 * JSON Patch bodies of the v3 PATCH operations. Only one boolean property is writable per resource
 * (`/autoUpdateEnabled` on licenses, `/autoApprove` on report settings) and VSPC types `value` as a
 * string, so the simulator accepts `"true"`/`"false"` only; anything else is a 400 with code 1001.
 */
import { errorResponse } from '../http/respond.js';
import type { SimResponse } from '../http/types.js';

export const PATCH_FAILED = 1001;

const OPS = new Set(['add', 'copy', 'move', 'remove', 'replace', 'test']);

function failed(message: string, failedJsonPatch?: unknown): SimResponse {
  return errorResponse(400, message, 'logical', PATCH_FAILED, failedJsonPatch === undefined ? {} : { failedJsonPatch });
}

/**
 * The boolean the patch leaves `property` at, or an error response. `current` is the value before,
 * used by `test` operations and returned for an empty patch.
 */
export function readBooleanPatch(body: Buffer, property: string, current: boolean): boolean | SimResponse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return failed('The request body must be a JSON Patch document (an array of operations).');
  }
  if (!Array.isArray(parsed)) {
    return failed('The request body must be a JSON Patch document (an array of operations).', parsed);
  }
  let value = current;
  for (const item of parsed as unknown[]) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return failed('Each JSON Patch operation must be an object with op, path and value.', item);
    }
    const { op, path, value: raw } = item as Record<string, unknown>;
    if (typeof op !== 'string' || !OPS.has(op))
      return failed(`Unsupported JSON Patch operation '${String(op)}'.`, item);
    if (typeof path !== 'string') return failed('The JSON Patch path must be a string.', item);
    if (path.replace(/^\//, '').toLowerCase() !== property.toLowerCase()) {
      return failed(`The property at path '${path}' could not be updated.`, item);
    }
    if (op !== 'replace' && op !== 'add' && op !== 'test') {
      return failed(`The property at path '${path}' does not support the '${op}' operation.`, item);
    }
    if (typeof raw !== 'string' || !/^(true|false)$/i.test(raw)) {
      return failed(`The value for path '${path}' must be the string "true" or "false".`, item);
    }
    const next = raw.toLowerCase() === 'true';
    if (op === 'test') {
      if (next !== value) return failed(`The test operation for path '${path}' failed.`, item);
      continue;
    }
    value = next;
  }
  return value;
}
