/**
 * What happens to one request after faults and latency: token issue, bearer check, random 520s,
 * routing, and for writes VSPC's idempotence and async-action handling.
 */
import { randomUUID } from 'node:crypto';
import type { AsyncActions } from './async-actions.js';
import type { TokenIssuer } from './auth.js';
import { badRequest, errorResponse, notFound, serverError, unauthorized } from './http/respond.js';
import type { SimRequest, SimResponse } from './http/types.js';
import { header, isUuid } from './http/validate.js';
import type { IdempotenceCache } from './idempotence.js';
import type { ResolvedOptions } from './options.js';
import type { Random } from './random.js';
import type { Route, Router } from './router.js';
import { issueToken } from './routes/token.js';

export interface DispatchContext {
  options: ResolvedOptions;
  router: Router;
  issuer: TokenIssuer;
  actions: AsyncActions;
  idempotence: IdempotenceCache;
  failures: Random;
}

const API = /^\/(api\/v3|v2)(\/|$)/i;
const TOKEN = /^\/(api\/v3\/)?token\/?$/i;
const V3_LICENSING = /^\/api\/v3\/licensing\//i;

export function dispatch(req: SimRequest, ctx: DispatchContext): SimResponse {
  if (TOKEN.test(req.path)) {
    return req.method === 'POST' ? issueToken(req, ctx.issuer) : errorResponse(405, 'Use POST for /token.');
  }
  if (!API.test(req.path)) return notFound(`No resource at ${req.path}.`);
  const auth = ctx.issuer.check(header(req.headers.authorization));
  if (!auth.ok) return unauthorized(auth.reason);
  if (ctx.options.failRate > 0 && ctx.failures.next() < ctx.options.failRate) {
    return serverError('The simulator failed this request on purpose (fail rate).');
  }
  const match = ctx.router.match(req.method, req.path);
  if (match.kind === 'notFound') return notFound(`No resource at ${req.path}.`);
  if (match.kind === 'methodNotAllowed') return errorResponse(405, `${req.method} is not allowed on ${req.path}.`);
  const routed: SimRequest = { ...req, params: match.params };
  return match.route.write ? write(routed, match.route, ctx, auth.principal) : safely(match.route, routed);
}

function safely(route: Route, req: SimRequest): SimResponse {
  try {
    return route.handle(req);
  } catch {
    return serverError(`The simulator could not process ${route.operationId}.`);
  }
}

function write(req: SimRequest, route: Route, ctx: DispatchContext, principal: string): SimResponse {
  const requestId = req.requestId;
  if (requestId !== undefined && !isUuid(requestId)) return badRequest('The X-Request-id header must be a UUID.');
  if (requestId !== undefined) {
    const earlier = ctx.idempotence.get(requestId);
    if (earlier) return earlier;
  }
  const tracked = V3_LICENSING.test(req.path);
  const seed = {
    id: requestId ?? randomUUID(),
    initiatorUid: ctx.issuer.userUid(principal),
    actionName: route.operationId,
    query: req.query,
    requestBody: /json/i.test(header(req.headers['content-type']) ?? '') ? req.body.toString('utf8') : null,
  };
  let response: SimResponse;
  if (tracked && ctx.options.async) {
    const action = ctx.actions.queue(seed, () => safely(route, req));
    response = {
      status: 202,
      headers: { location: `${req.origin}/api/v3/asyncActions/${action.id}` },
      body: Buffer.alloc(0),
    };
  } else {
    response = safely(route, req);
    if (tracked && requestId !== undefined) ctx.actions.record(seed, response);
  }
  if (requestId !== undefined) ctx.idempotence.remember(requestId, response);
  return response;
}
