import type { IncomingHttpHeaders } from 'node:http';

/** A request as the simulator's handlers see it: already read, parsed URL, matched path params. */
export interface SimRequest {
  method: string;
  /** URL path without the query (`/api/v3/licensing/sites`). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  params: Record<string, string>;
  /** The `X-Request-id` header, when the client sent one. */
  requestId: string | undefined;
  /** `http://host:port` as the client addressed the server, for `Location` headers. */
  origin: string;
}

/** A complete response, body already serialised: cheap to store for idempotent replay. */
export interface SimResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export type Handler = (req: SimRequest) => SimResponse;
