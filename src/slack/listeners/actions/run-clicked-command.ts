/**
 * A click on a button or select that carries a command text (conventions: `run_command…`): run it
 * as the clicking user, exactly as if they had typed it. The text is parsed again like typed text,
 * which is how stale or tampered button state is caught.
 */
import type { BlockAction, RespondFn } from '@slack/bolt';
import type { ReplyEnvelope } from '../../../commands/reply.js';
import { sendMessage } from '../../deliver/send-message.js';
import type { Surface, WebClient } from '../../deliver/surface.js';
import { LIMITS } from '../../render/limits.js';
import { PAGING_BLOCK_ID } from '../../render/paging.js';
import { PICKER_BLOCK_ID } from '../../render/picker.js';
import { renderError } from '../../render/simple.js';
import { guardRespond } from '../../response-url-guard.js';
import { type CommandServices, runAndDeliver } from '../../run-and-deliver.js';

export const STALE_BUTTON = 'This button is no longer valid. Type the command instead; `/vspc help` lists them.';

export interface ClickServices extends CommandServices {
  apiUrl: string;
}

export interface Click {
  body: BlockAction;
  blockId: string;
  value: string | undefined;
  respond: RespondFn;
  client: WebClient;
}

/** Paging and picker clicks answer in place of the message they were on. */
function supersedesOriginal(blockId: string): boolean {
  return blockId === PAGING_BLOCK_ID || blockId === PICKER_BLOCK_ID || blockId.startsWith(`${PICKER_BLOCK_ID}:`);
}

function staleButton(envelope: ReplyEnvelope): ReplyEnvelope {
  if (envelope.reply.type !== 'usageError') return envelope;
  return { reply: { type: 'error', message: STALE_BUTTON, detail: envelope.reply.message }, share: false };
}

export async function runClickedCommand(click: Click, services: ClickServices): Promise<void> {
  const { body } = click;
  const surface: Surface = {
    client: click.client,
    respond: guardRespond(click.respond, body.response_url, services.apiUrl),
    userId: body.user.id,
    channelId: body.channel?.id ?? body.container?.channel_id ?? null,
    triggerId: body.trigger_id ?? null,
    responseUrl: body.response_url ?? null,
    replaceOriginal: supersedesOriginal(click.blockId),
  };
  const text = click.value?.trim() ?? '';
  if (text === '' || text.length > LIMITS.buttonValue) {
    await sendMessage(
      { surface, services, render: { userTimeZone: 'UTC', now: new Date(), teamTimeZone: 'UTC' } },
      renderError({ type: 'error', message: STALE_BUTTON }),
      { newMessage: true },
    );
    return;
  }
  await runAndDeliver(text, surface, services, staleButton);
}
