/**
 * Whether a failed VSPC write is a definite "no", or whether VSPC may have received it and may still
 * act on it (DESIGN §2.4–2.6). Only a definite "no" may end the action as failed: ending it any other
 * way lets a person ask again and send a second, different write while the first one still runs.
 * When in doubt the answer is "not known": the action stays open and the sweeper asks VSPC.
 */
import { UnsupportedOperationError } from '../licenses/backend.js';
import {
  VspcAsyncActionError,
  VspcError,
  VspcNetworkError,
  VspcTimeoutError,
  VspcUnexpectedResponseError,
} from '../vspc/errors.js';

/**
 * True when the error of a VSPC write (after the call was made) leaves its outcome open:
 * - anything while following a 202 (`/asyncActions`): VSPC accepted the write and runs it;
 * - timeouts (request, 408, async poll) and network errors: the request may have arrived — with
 *   retries under the same request id, even a last "connection refused" proves nothing about the
 *   attempts before it;
 * - 5xx (VSPC sends them all as 520) and answers the client could not read: VSPC may have acted.
 * Definite: VSPC said the async action failed or was canceled; VSPC answered 4xx (it refused the
 * request: validation, 401, 403, 404, 409, 429); the client or backend refused before sending.
 * Errors that are not VSPC errors are not known either: they may come after VSPC did the change.
 * Except: the request core proved that no attempt left the machine (`nothingSent`: refused, DNS, TLS
 * handshake, for every attempt) — then VSPC never saw it.
 */
/**
 * True when the write with this request id never reached VSPC: the action can end as failed and free
 * its target. Only for the write's own request (a read before or after it proves nothing about it).
 */
export function neverSent(error: unknown, requestId: string): boolean {
  return error instanceof VspcNetworkError && error.nothingSent && error.requestId === requestId;
}

export function outcomeNotKnown(error: unknown): boolean {
  if (error instanceof VspcNetworkError && error.nothingSent) return false;
  if (error instanceof UnsupportedOperationError) return false;
  if (!(error instanceof VspcError)) return true;
  if (error instanceof VspcAsyncActionError) return false;
  if (error.endpoint.includes('/asyncActions')) return true;
  if (error instanceof VspcTimeoutError || error instanceof VspcNetworkError) return true;
  if (error instanceof VspcUnexpectedResponseError) return true;
  if (error.status >= 500) return true;
  // 4xx: VSPC looked at the request and refused it. Status 0: refused by the client before sending
  // (bad path value, no credentials, a /token answer without a token).
  return false;
}
