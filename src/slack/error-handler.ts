/**
 * The one `app.error()` handler: whatever a listener let escape is logged with what the request
 * was (type, user, channel, command or action id) and never rethrown, so the HTTP request still
 * completes normally. Bodies are not logged: they carry response_urls and trigger ids.
 */
import type { Logger } from '../log.js';

function requestSummary(body: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!body) return {};
  const summary: Record<string, unknown> = {};
  if (typeof body.type === 'string') summary.type = body.type;
  if (typeof body.command === 'string') summary.command = body.command;
  const user = body.user as { id?: unknown } | undefined;
  const userId = typeof body.user_id === 'string' ? body.user_id : user?.id;
  if (typeof userId === 'string') summary.user = userId;
  const channel = body.channel as { id?: unknown } | undefined;
  const channelId = typeof body.channel_id === 'string' ? body.channel_id : channel?.id;
  if (typeof channelId === 'string') summary.channel = channelId;
  const actions = body.actions as { action_id?: unknown }[] | undefined;
  if (Array.isArray(actions) && typeof actions[0]?.action_id === 'string') summary.actionId = actions[0].action_id;
  const view = body.view as { callback_id?: unknown } | undefined;
  if (typeof view?.callback_id === 'string') summary.callbackId = view.callback_id;
  return summary;
}

/** What Bolt passes with `extendedErrorHandler: true` (its type is not exported). */
export interface ErrorHandlerArgs {
  error: Error;
  body: unknown;
  context: { retryNum?: number | undefined } | undefined;
}

export function errorHandler(logger: Logger) {
  return async ({ error, body, context }: ErrorHandlerArgs): Promise<void> => {
    const original = (error as { original?: unknown }).original;
    const cause = original instanceof Error ? original : error;
    logger.error(
      {
        err: { name: cause.name, message: cause.message, code: (error as { code?: unknown }).code },
        request: requestSummary(body as Record<string, unknown> | undefined),
        retryNum: context?.retryNum ?? null,
      },
      'unhandled error in a Slack listener',
    );
  };
}
