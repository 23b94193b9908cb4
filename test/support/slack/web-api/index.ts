/** Every Web API method the fake answers, and the token rules Slack applies before any of them. */
import type { Identity } from '../workspace.js';
import { chatMethods } from './chat.js';
import type { MethodHandler } from './context.js';
import { fileMethods } from './files.js';
import { peopleMethods } from './people.js';
import { viewMethods } from './views.js';

export type { FakeLinks, MethodContext, MethodHandler, MethodResult } from './context.js';
export { fileObject } from './files.js';

export const defaultMethods: Record<string, MethodHandler> = {
  ...chatMethods,
  ...viewMethods,
  ...peopleMethods,
  ...fileMethods,
};

/** Methods that take the app-level (xapp) token instead of the bot token. */
const APP_TOKEN_METHODS = new Set(['apps.connections.open']);
/** Methods that accept either kind of token. */
const ANY_TOKEN_METHODS = new Set(['auth.test']);

/** The Slack error for a call's token, or undefined when it may proceed. */
export function tokenError(method: string, token: string | undefined, identity: Identity): string | undefined {
  if (token === undefined) return 'not_authed';
  if (token !== identity.botToken && token !== identity.appToken) return 'invalid_auth';
  if (ANY_TOKEN_METHODS.has(method)) return undefined;
  const wantsAppToken = APP_TOKEN_METHODS.has(method);
  if (wantsAppToken !== (token === identity.appToken)) return 'not_allowed_token_type';
  return undefined;
}
