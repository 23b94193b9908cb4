/** Sends a command's reply the way its type needs: message, file upload, modal or approval card. */
import type { ReplyEnvelope } from '../../commands/reply.js';
import { renderReply } from '../render/reply.js';
import { deliverTrend } from './deliver-trend.js';
import { showInModal } from './install-modal-early.js';
import { openInstallModal } from './open-install-modal.js';
import { postActionCard } from './post-action-card.js';
import { sendMessage } from './send-message.js';
import type { Delivery } from './surface.js';
import { uploadFile } from './upload-file.js';

export async function deliverReply(delivery: Delivery, envelope: ReplyEnvelope): Promise<void> {
  const { reply } = envelope;
  switch (reply.type) {
    case 'file':
      await uploadFile(delivery, reply);
      return;
    case 'trend':
      return deliverTrend(delivery, reply, envelope.share);
    case 'installModal':
      return openInstallModal(delivery, reply);
    case 'actionCard':
      return postActionCard(delivery, reply);
    default: {
      const message = renderReply(reply, delivery.render);
      const viewId = delivery.surface.loadingViewId;
      if (viewId) {
        // The user is looking at the placeholder modal: answer there (and say it in chat if that fails).
        try {
          await showInModal(delivery.surface, viewId, message);
          return;
        } catch (error) {
          delivery.services.logger.warn({ err: String(error) }, 'could not update the placeholder modal');
        }
      }
      return sendMessage(delivery, message, { share: envelope.share });
    }
  }
}
