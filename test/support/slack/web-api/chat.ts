/** chat.postMessage, chat.postEphemeral, chat.update over the fake workspace's message store. */
import type { StoredMessage } from '../types.js';
import { fail, type MethodContext, type MethodHandler, type MethodResult, stringParam } from './context.js';

function blocksParam(context: MethodContext): unknown[] | undefined {
  const blocks = context.params.blocks;
  return Array.isArray(blocks) ? blocks : undefined;
}

/** A user id as channel means "the DM with that user", as Slack does. */
function resolveChannel(context: MethodContext, channel: string): string {
  return /^[UW][A-Z0-9]+$/.test(channel) ? context.workspace.dmChannelFor(channel) : channel;
}

function messageObject(context: MethodContext, message: StoredMessage): MethodResult {
  const { botUserId, botId, appId } = context.workspace.identity;
  return {
    type: 'message',
    user: botUserId,
    bot_id: botId,
    app_id: appId,
    ts: message.ts,
    text: message.text ?? '',
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
  };
}

const postMessage: MethodHandler = (context) => {
  const requested = stringParam(context.params, 'channel');
  if (!requested) return fail('channel_not_found');
  const text = stringParam(context.params, 'text');
  const blocks = blocksParam(context);
  if (text === undefined && blocks === undefined && context.params.attachments === undefined) return fail('no_text');
  const message: StoredMessage = {
    channel: resolveChannel(context, requested),
    ts: context.workspace.clock.next(),
    text,
    blocks,
    threadTs: stringParam(context.params, 'thread_ts'),
    ephemeral: false,
    visibleTo: undefined,
    updates: 0,
    deleted: false,
  };
  context.workspace.addMessage(message);
  return { ok: true, channel: message.channel, ts: message.ts, message: messageObject(context, message) };
};

const postEphemeral: MethodHandler = (context) => {
  const channel = stringParam(context.params, 'channel');
  if (!channel) return fail('channel_not_found');
  const user = stringParam(context.params, 'user');
  if (!user) return fail('user_not_found');
  const text = stringParam(context.params, 'text');
  const blocks = blocksParam(context);
  if (text === undefined && blocks === undefined && context.params.attachments === undefined) return fail('no_text');
  const ts = context.workspace.clock.next();
  context.workspace.addMessage({
    channel: resolveChannel(context, channel),
    ts,
    text,
    blocks,
    threadTs: stringParam(context.params, 'thread_ts'),
    ephemeral: true,
    visibleTo: user,
    updates: 0,
    deleted: false,
  });
  return { ok: true, message_ts: ts };
};

/**
 * As documented for chat.update: `text` without `blocks` removes the old blocks, and a DM is
 * addressed by its `D…` id, never by the user id.
 */
const update: MethodHandler = (context) => {
  const channel = stringParam(context.params, 'channel');
  const ts = stringParam(context.params, 'ts');
  if (!channel) return fail('channel_not_found');
  if (!ts) return fail('message_not_found');
  const message = context.workspace.message(channel, ts);
  if (!message || message.deleted) return fail('message_not_found');
  if (message.ephemeral) return fail('cant_update_message');
  const text = stringParam(context.params, 'text');
  const blocks = blocksParam(context);
  if (text === undefined && blocks === undefined && context.params.attachments === undefined) return fail('no_text');
  if (blocks !== undefined) message.blocks = blocks;
  else if (text !== undefined) message.blocks = undefined;
  if (text !== undefined) message.text = text;
  message.updates += 1;
  return {
    ok: true,
    channel: message.channel,
    ts: message.ts,
    text: message.text ?? '',
    message: messageObject(context, message),
  };
};

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
};
