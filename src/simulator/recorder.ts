/** Every request the simulator received, for tests to assert on ("exactly one write reached VSPC"). */
import type { IncomingHttpHeaders } from 'node:http';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Lower-case header names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  body: Buffer;
  requestId: string | undefined;
  clientVersion: string | undefined;
  at: Date;
  /** The status the simulator answered with; undefined for reset/hung connections. */
  status?: number;
}

const LICENSING_WRITE = /^\/(api\/v3\/licensing|v2\/licensing|v2\/licenseSettings)(\/|$)/i;

/** Non-GET requests to licensing endpoints (v3 and v2): the ones that change something in VSPC. */
export function isLicensingWrite(req: RecordedRequest): boolean {
  return req.method !== 'GET' && req.method !== 'HEAD' && LICENSING_WRITE.test(req.path);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function recordRequest(
  method: string,
  url: URL,
  headers: IncomingHttpHeaders,
  body: Buffer,
  at: Date,
): RecordedRequest {
  return {
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
    requestId: header(headers, 'x-request-id'),
    clientVersion: header(headers, 'x-client-version'),
    at,
  };
}
