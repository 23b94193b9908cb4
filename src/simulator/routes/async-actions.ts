/** The seven `/asyncActions` operations. */
import { type AsyncAction, type AsyncActions, actionInfo } from '../async-actions.js';
import { badRequest, collection, empty, json, notFound, ok } from '../http/respond.js';
import type { SimRequest, SimResponse } from '../http/types.js';
import { isUuid } from '../http/validate.js';
import { type Route, route } from '../router.js';

export function asyncActionRoutes(actions: AsyncActions, resultRetentionTime: number): Route[] {
  const base = '/api/v3/asyncActions';
  const find = (req: SimRequest): AsyncAction | SimResponse => {
    const id = req.params.actionId!;
    if (!isUuid(id)) return badRequest(`The actionId '${id}' is not a valid UID.`);
    return actions.get(id) ?? notFound(`Async action ${id} was not found.`);
  };
  const isAction = (value: AsyncAction | SimResponse): value is AsyncAction => 'actionName' in value;

  /** A failed action reports the operation's errors next to its info, where VeeamHub scripts read them. */
  const info = (action: AsyncAction): SimResponse => {
    if (action.status !== 'failed' || !action.result) return ok(actionInfo(action));
    const body = JSON.parse(action.result.body.toString('utf8')) as { errors?: unknown };
    return json(200, { data: actionInfo(action), meta: null, errors: Array.isArray(body.errors) ? body.errors : null });
  };

  return [
    route('GET', base, 'GetAsyncActionsInfo', () => collection(actions.list().map(actionInfo))),
    route('GET', `${base}/config`, 'GetAsyncActionsConfig', () => ok({ resultRetentionTime })),
    route('GET', `${base}/{actionId}`, 'GetAsyncActionInfo', (req) => {
      const action = find(req);
      return isAction(action) ? info(action) : action;
    }),
    route(
      'DELETE',
      `${base}/{actionId}`,
      'CancelAsyncAction',
      (req) => {
        const action = find(req);
        if (!isAction(action)) return action;
        actions.cancel(action);
        return empty();
      },
      false,
    ),
    route(
      'PUT',
      `${base}/{actionId}/requestData`,
      'AttachRequestDataToAsyncAction',
      (req) => {
        const action = find(req);
        if (!isAction(action)) return action;
        let data: unknown;
        try {
          data = JSON.parse(req.body.toString('utf8'));
        } catch {
          return badRequest('The request body must be an AsyncActionRequestData JSON object.');
        }
        if (data === null || typeof data !== 'object' || Array.isArray(data)) {
          return badRequest('The request body must be an AsyncActionRequestData JSON object.');
        }
        const { requestBody, queryParameters } = data as Record<string, unknown>;
        if (requestBody !== undefined && requestBody !== null && typeof requestBody !== 'string') {
          return badRequest('requestBody must be a string.');
        }
        if (requestBody !== undefined) action.requestBody = requestBody;
        if (queryParameters && typeof queryParameters === 'object') {
          const entries = Object.entries(queryParameters as Record<string, unknown>);
          if (!entries.every(([, v]) => Array.isArray(v) && v.every((s) => typeof s === 'string'))) {
            return badRequest('queryParameters must map names to arrays of strings.');
          }
          action.queryParameters = Object.fromEntries(entries) as Record<string, string[]>;
        }
        return ok(actionInfo(action));
      },
      false,
    ),
    route('GET', `${base}/{actionId}/result`, 'GetAsyncActionResult', (req) => {
      const action = find(req);
      if (!isAction(action)) return action;
      if (action.status === 'running') return badRequest(`Async action ${action.id} is still running.`);
      if (action.status === 'canceled') return badRequest(`Async action ${action.id} was canceled.`);
      if (!action.result) return notFound(`The result of async action ${action.id} was cleared.`);
      return action.result;
    }),
    route(
      'DELETE',
      `${base}/{actionId}/result`,
      'ClearAsyncActionResult',
      (req) => {
        const action = find(req);
        if (!isAction(action)) return action;
        actions.clearResult(action);
        return empty();
      },
      false,
    ),
  ];
}
