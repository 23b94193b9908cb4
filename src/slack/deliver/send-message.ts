/**
 * Answers through the request's `response_url` (ephemeral unless shared). When that fails (used
 * up, expired), falls back to an ephemeral message through the Web API: never silence.
 */
import type { SlackMessage } from '../render/block-kit.js';
import type { Delivery } from './surface.js';

export interface SendOptions {
  share?: boolean;
  /** Force a new message even when the surface would replace the original. */
  newMessage?: boolean;
}

export async function sendMessage(delivery: Delivery, message: SlackMessage, options: SendOptions = {}): Promise<void> {
  const { surface, services } = delivery;
  const replace = surface.replaceOriginal && !options.newMessage && !options.share;
  try {
    await surface.respond({
      text: message.text,
      blocks: message.blocks,
      ...(replace
        ? { replace_original: true }
        : { response_type: options.share ? 'in_channel' : 'ephemeral', replace_original: false }),
    });
    return;
  } catch (error) {
    services.logger.warn(
      { err: describe(error), user: surface.userId },
      'response_url failed; trying chat.postEphemeral',
    );
  }
  if (!surface.channelId) return;
  await surface.client.chat.postEphemeral({
    channel: surface.channelId,
    user: surface.userId,
    text: message.text,
    blocks: message.blocks,
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
