/**
 * Whether a transport error proves that a request never left this machine: the connection was never
 * made (refused, no route, the name did not resolve, undici's connect timeout) or TLS failed while
 * shaking hands, before undici writes a byte of the request. Anything else — a reset, a socket closed
 * by the other side, our own timeout — may come after VSPC received the request, so it proves nothing.
 * Used to end a write as "VSPC unreachable, nothing was sent" instead of "outcome not known".
 */

/** Errors of `connect()` itself: the socket never opened. */
const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
/** Name resolution failed: there was no address to send to. */
const DNS_FAILURES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'ENODATA']);
/** undici gave up connecting (its `connectTimeout`), before the request was written. */
const UNDICI_CONNECT = new Set(['UND_ERR_CONNECT_TIMEOUT']);
/** Certificate checks and handshake failures: they end the TLS handshake, which precedes the request. */
const TLS_HANDSHAKE = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE',
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
]);

interface TransportError {
  code?: unknown;
  syscall?: unknown;
  errors?: unknown;
  cause?: unknown;
}

function provesItself(error: TransportError): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (CONNECT_FAILURES.has(code)) return error.syscall === undefined || error.syscall === 'connect';
  return DNS_FAILURES.has(code) || UNDICI_CONNECT.has(code) || TLS_HANDSHAKE.has(code);
}

export function provesNothingSent(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const transport = error as TransportError;
  // Happy eyeballs (several addresses) reports an AggregateError: every address must have failed so.
  if (Array.isArray(transport.errors) && transport.errors.length > 0) {
    return transport.errors.every((inner) => provesNothingSent(inner, depth + 1));
  }
  return provesItself(transport) || provesNothingSent(transport.cause, depth + 1);
}
