/** `file` replies (the report CSV) and charts: uploaded to the channel with files.uploadV2. */
import type { Reply } from '../../commands/reply.js';
import { section } from '../render/block-kit.js';
import { code } from '../render/limits.js';
import { sendMessage } from './send-message.js';
import { CANNOT_POST, type Delivery, slackErrorCode } from './surface.js';

/** An image also carries its description for screen readers and for anyone with images off. */
export type FileUpload = Extract<Reply, { type: 'file' }> & { altText?: string };

/** True when the file reached the channel; otherwise the user has been told why not. */
export async function uploadFile(delivery: Delivery, reply: FileUpload): Promise<boolean> {
  const { surface, services } = delivery;
  if (!surface.channelId) {
    await sendMessage(delivery, message(`I can only upload ${code(reply.filename)} to a channel.`), {
      newMessage: true,
    });
    return false;
  }
  try {
    await surface.client.files.uploadV2({
      channel_id: surface.channelId,
      file: Buffer.from(reply.bytes),
      filename: reply.filename,
      title: reply.title,
      initial_comment: reply.comment,
      ...(reply.altText ? { alt_text: reply.altText } : {}),
    });
  } catch (error) {
    const reason = slackErrorCode(error);
    services.logger.warn({ slackError: reason, channel: surface.channelId }, 'file upload failed');
    const text =
      reason !== null && CANNOT_POST.has(reason)
        ? `I can't upload files to this conversation (${reason}). Invite me with \`/invite @vspc\` and try again, or run the command in a channel I'm in.`
        : `Uploading ${code(reply.filename)} failed (Slack answered ${code(reason ?? 'an error')}). Please try again.`;
    await sendMessage(delivery, message(text), { newMessage: true });
    return false;
  }
  // The upload shows in the channel; a picker or page the click came from stays as it was.
  return true;
}

/** `mrkdwn` is built from our own words and `code()` spans, so it is already safe. */
function message(mrkdwn: string) {
  return { text: mrkdwn, blocks: [section(`:warning: ${mrkdwn}`)] };
}
