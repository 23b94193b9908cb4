/**
 * The install modal (conventions): `callback_id` `install_license`, the channel and kind in
 * `private_metadata`, a target picker and a `file_input` for the `.lic` file.
 */
import type { Reply } from '../../commands/reply.js';
import { KIND_LABELS } from '../../licenses/model.js';
import type { ModalView, PlainTextOption } from './block-kit.js';
import { LIMITS, truncate } from './limits.js';

type InstallReply = Extract<Reply, { type: 'installModal' }>;

export const INSTALL_CALLBACK_ID = 'install_license';
export const TARGET_BLOCK_ID = 'target';
export const FILE_BLOCK_ID = 'file';

export interface InstallMetadata {
  channel: string | null;
  kind: string;
}

function option(target: { label: string; uid: string }): PlainTextOption {
  return {
    text: { type: 'plain_text', text: truncate(target.label, LIMITS.optionText), emoji: true },
    value: target.uid,
  };
}

export function renderInstallModal(reply: InstallReply, channel: string | null): ModalView {
  const metadata: InstallMetadata = { channel, kind: reply.kind };
  const targets = reply.targets.filter((target) => target.uid.length <= LIMITS.optionValue);
  const shown = targets.slice(0, LIMITS.selectOptions);
  const hidden = reply.targets.length - shown.length;
  const first = shown[0];
  return {
    type: 'modal',
    callback_id: INSTALL_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Install license' },
    submit: { type: 'plain_text', text: 'Review' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: truncate(
            `Upload a license file for a *${KIND_LABELS[reply.kind]}*. Nothing is installed until someone allowed to approves the card that follows.`,
            LIMITS.sectionText,
          ),
        },
      },
      {
        type: 'input',
        block_id: TARGET_BLOCK_ID,
        label: { type: 'plain_text', text: 'Target' },
        element: {
          type: 'static_select',
          action_id: TARGET_BLOCK_ID,
          placeholder: { type: 'plain_text', text: 'Choose the server' },
          options: shown.map(option),
          ...(shown.length === 1 && first ? { initial_option: option(first) } : {}),
        },
        ...(hidden > 0
          ? { hint: { type: 'plain_text', text: `${hidden} more targets are not listed: run the command with a uid.` } }
          : {}),
      },
      {
        type: 'input',
        block_id: FILE_BLOCK_ID,
        label: { type: 'plain_text', text: 'License file (.lic)' },
        element: { type: 'file_input', action_id: FILE_BLOCK_ID, filetypes: ['lic', 'xml'], max_files: 1 },
      },
    ],
  };
}
