/**
 * `installModal` replies: the upload form. It replaces the placeholder modal opened before the
 * command ran (see install-modal-early.ts), or opens with the request's trigger_id, which Slack
 * honours for 3 seconds only; when that has expired, say how to retry.
 */
import type { Reply } from '../../commands/reply.js';
import { section } from '../render/block-kit.js';
import { renderInstallModal } from '../render/install-modal.js';
import { code } from '../render/limits.js';
import { showInModal } from './install-modal-early.js';
import { sendMessage } from './send-message.js';
import { type Delivery, slackErrorCode } from './surface.js';

type InstallReply = Extract<Reply, { type: 'installModal' }>;

export async function openInstallModal(delivery: Delivery, reply: InstallReply): Promise<void> {
  const { surface, services } = delivery;
  const again = code(`/vspc license install ${reply.kind}`);
  if (reply.targets.length === 0) {
    const text = note(`There is no ${reply.kind} license to install a file for.`);
    if (surface.loadingViewId) await showInModal(surface, surface.loadingViewId, text);
    else await sendMessage(delivery, text);
    return;
  }
  if (!surface.triggerId && !surface.loadingViewId) {
    await sendMessage(delivery, note(`Run ${again} to open the upload form.`));
    return;
  }
  const view = renderInstallModal(reply, surface.channelId);
  try {
    if (surface.loadingViewId) await surface.client.views.update({ view_id: surface.loadingViewId, view });
    else await surface.client.views.open({ trigger_id: surface.triggerId ?? '', view });
  } catch (error) {
    const reason = slackErrorCode(error);
    services.logger.warn({ slackError: reason }, 'opening the upload form failed');
    const text =
      reason === 'expired_trigger_id'
        ? `Slack gives a form 3 seconds to open, and reading the license list took longer. Run ${again} again: the list is cached now, so the form opens at once.`
        : `The upload form could not open (Slack answered ${code(reason ?? 'an error')}). Run ${again} again.`;
    await sendMessage(delivery, note(text));
  }
}

function note(mrkdwn: string) {
  return { text: mrkdwn, blocks: [section(`:warning: ${mrkdwn}`)] };
}
