/** views.open, views.push, views.update: stores the view and answers with a view object like Slack's. */
import type { StoredView } from '../types.js';
import {
  fail,
  type MethodContext,
  type MethodHandler,
  type MethodResult,
  objectParam,
  stringParam,
} from './context.js';

function viewObject(
  context: MethodContext,
  stored: StoredView,
  rootId: string,
  previousId: string | null,
): MethodResult {
  const { teamId, appId, botId } = context.workspace.identity;
  const view = stored.view;
  return {
    id: stored.id,
    team_id: teamId,
    type: view.type ?? 'modal',
    title: view.title,
    blocks: view.blocks ?? [],
    close: view.close ?? null,
    submit: view.submit ?? null,
    private_metadata: stored.privateMetadata,
    callback_id: stored.callbackId ?? '',
    external_id: stored.externalId ?? '',
    state: { values: {} },
    hash: stored.hash,
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    root_view_id: rootId,
    previous_view_id: previousId,
    app_id: appId,
    app_installed_team_id: teamId,
    bot_id: botId,
  };
}

function openOrPush(context: MethodContext, previousId: string | null): MethodResult {
  const triggerId = stringParam(context.params, 'trigger_id');
  if (!triggerId) return fail('invalid_arguments');
  if (context.workspace.expiredTriggers.has(triggerId)) return fail('expired_trigger_id');
  const view = objectParam(context.params, 'view');
  if (!view) return fail('invalid_arguments');
  const stored: StoredView = {
    id: context.workspace.newViewId(),
    externalId: typeof view.external_id === 'string' ? view.external_id : undefined,
    callbackId: typeof view.callback_id === 'string' ? view.callback_id : undefined,
    privateMetadata: typeof view.private_metadata === 'string' ? view.private_metadata : '',
    hash: context.workspace.newViewHash(),
    view,
    triggerId,
    updates: 0,
  };
  context.workspace.views.set(stored.id, stored);
  return { ok: true, view: viewObject(context, stored, previousId ?? stored.id, previousId) };
}

const open: MethodHandler = (context) => openOrPush(context, null);

/** The pushed view's previous_view_id is unknown to the fake (it does not track stacks); it reports null. */
const push: MethodHandler = (context) => openOrPush(context, null);

const update: MethodHandler = (context) => {
  const viewId = stringParam(context.params, 'view_id');
  const externalId = stringParam(context.params, 'external_id');
  const stored = viewId
    ? context.workspace.views.get(viewId)
    : [...context.workspace.views.values()].find((view) => externalId && view.externalId === externalId);
  if (!stored) return fail('not_found');
  const hash = stringParam(context.params, 'hash');
  if (hash !== undefined && hash !== stored.hash) return fail('hash_conflict');
  const view = objectParam(context.params, 'view');
  if (!view) return fail('invalid_arguments');
  stored.view = view;
  stored.callbackId = typeof view.callback_id === 'string' ? view.callback_id : stored.callbackId;
  stored.privateMetadata = typeof view.private_metadata === 'string' ? view.private_metadata : stored.privateMetadata;
  stored.hash = context.workspace.newViewHash();
  stored.updates += 1;
  return { ok: true, view: viewObject(context, stored, stored.id, null) };
};

/** views.publish: the user's App Home; Slack answers `invalid_arguments` without a user or a home view. */
const publish: MethodHandler = (context) => {
  const userId = stringParam(context.params, 'user_id');
  if (!userId) return fail('invalid_arguments');
  const view = objectParam(context.params, 'view');
  if (view?.type !== 'home') return fail('invalid_arguments');
  const known = context.workspace.homes.get(userId);
  const hash = stringParam(context.params, 'hash');
  if (known && hash !== undefined && hash !== known.hash) return fail('hash_conflict');
  const stored: StoredView = {
    id: known?.id ?? context.workspace.newViewId(),
    externalId: typeof view.external_id === 'string' ? view.external_id : undefined,
    callbackId: typeof view.callback_id === 'string' ? view.callback_id : undefined,
    privateMetadata: typeof view.private_metadata === 'string' ? view.private_metadata : '',
    hash: context.workspace.newViewHash(),
    view,
    triggerId: undefined,
    updates: known ? known.updates + 1 : 0,
  };
  context.workspace.homes.set(userId, stored);
  return { ok: true, view: viewObject(context, stored, stored.id, null) };
};

export const viewMethods: Record<string, MethodHandler> = {
  'views.publish': publish,
  'views.open': open,
  'views.push': push,
  'views.update': update,
};
