/**
 * `actionCard` replies: the approval card goes **into the channel** with chat.postMessage so that
 * approvers see it (and it can later be replaced with chat.update). Where the bot cannot post,
 * the card goes through the request's response_url as `in_channel`. Either way the approvals module
 * is told where the card is. A request that was already open gets a pointer to the open card.
 */
import type { Reply } from '../../commands/reply.js';
import { renderActionCardReply } from '../render/action-card.js';
import { sendMessage } from './send-message.js';
import { CANNOT_POST, type Delivery, slackErrorCode } from './surface.js';

type ActionCardReply = Extract<Reply, { type: 'actionCard' }>;

export async function postActionCard(delivery: Delivery, reply: ActionCardReply): Promise<void> {
  const { surface, services, render } = delivery;
  const card = renderActionCardReply(reply, render);
  if (!reply.created) {
    await sendMessage(delivery, card, { newMessage: true });
    return;
  }
  const actionId = reply.action.id;
  if (surface.channelId) {
    try {
      const posted = await surface.client.chat.postMessage({
        channel: surface.channelId,
        text: card.text,
        blocks: card.blocks,
      });
      await services.onCardPosted?.(actionId, posted.channel ?? surface.channelId, posted.ts ?? null, null);
      return;
    } catch (error) {
      const reason = slackErrorCode(error);
      if (reason === null || !CANNOT_POST.has(reason)) throw error;
      services.logger.info({ slackError: reason, channel: surface.channelId }, 'card goes through response_url');
    }
  }
  await surface.respond({ response_type: 'in_channel', replace_original: false, text: card.text, blocks: card.blocks });
  await services.onCardPosted?.(actionId, surface.channelId, null, surface.responseUrl);
}
