/**
 * Slack honours a trigger_id for 3 seconds, and reading the targets from VSPC can take longer. So
 * for `license install` a small "reading the targets…" modal opens at once, before the command
 * runs; the answer then replaces it (`views.update` needs no trigger): the form, or the reason
 * there is no form.
 */
import { isUsageError } from '../../commands/command.js';
import { parseCommand } from '../../commands/parse.js';
import type { KnownBlock, ModalView, SlackMessage } from '../render/block-kit.js';
import { LIMITS } from '../render/limits.js';
import type { Surface } from './surface.js';

const LOADING_CALLBACK_ID = 'install_license_loading';
const MODAL_BLOCK_TYPES = new Set(['section', 'context', 'header', 'divider']);

/** Whether the command text asks for the install form (parsed like everywhere else). */
export function wantsInstallModal(text: string): boolean {
  const parsed = parseCommand(text);
  return !isUsageError(parsed) && parsed.name === 'license.install';
}

function frame(blocks: KnownBlock[]): ModalView {
  return {
    type: 'modal',
    callback_id: LOADING_CALLBACK_ID,
    title: { type: 'plain_text', text: 'Install license' },
    close: { type: 'plain_text', text: 'Close' },
    blocks,
  };
}

/** Opens the placeholder; null when Slack would not (the normal path then tries `views.open` later). */
export async function openLoadingModal(surface: Surface): Promise<string | null> {
  if (!surface.triggerId) return null;
  try {
    const opened = await surface.client.views.open({
      trigger_id: surface.triggerId,
      view: frame([
        { type: 'section', text: { type: 'mrkdwn', text: ':hourglass_flowing_sand: Reading the targets from VSPC…' } },
      ]),
    });
    return opened.view?.id ?? null;
  } catch {
    return null;
  }
}

/** Replaces the placeholder with a message that is not a form (an error, a refusal). */
export async function showInModal(surface: Surface, viewId: string, message: SlackMessage): Promise<void> {
  const blocks = message.blocks.filter((block) => MODAL_BLOCK_TYPES.has(block.type)).slice(0, LIMITS.blocksPerModal);
  await surface.client.views.update({
    view_id: viewId,
    view: frame(blocks.length > 0 ? blocks : [{ type: 'section', text: { type: 'mrkdwn', text: message.text } }]),
  });
}
