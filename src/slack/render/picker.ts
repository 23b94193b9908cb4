/**
 * The target matched several licenses: let the user pick. Up to five options are buttons; more
 * become a static select (values are command texts, so they must fit an option value), and when
 * they do not fit one, buttons in several rows.
 */
import type { Reply } from '../../commands/reply.js';
import {
  type ActionsBlock,
  actions,
  compact,
  context,
  type PlainTextOption,
  runCommandButton,
  type SlackMessage,
  section,
} from './block-kit.js';
import { escapeMrkdwn, fallback, LIMITS, plural, truncate } from './limits.js';

type PickerReply = Extract<Reply, { type: 'picker' }>;

/** Block id of the picker: a pick replaces the picker message with the answer. */
export const PICKER_BLOCK_ID = 'picker';
/** action_id of the select; it starts with `run_command` like the buttons, and its own listener reads it. */
export const PICKER_SELECT_ACTION_ID = 'run_command_select';
const MAX_BUTTONS = 5;

function selectBlock(options: PickerReply['options']): ActionsBlock {
  const choices: PlainTextOption[] = options.slice(0, LIMITS.selectOptions).map((option) => ({
    text: { type: 'plain_text', text: truncate(option.label, LIMITS.optionText), emoji: true },
    value: option.commandText,
  }));
  return {
    type: 'actions',
    block_id: PICKER_BLOCK_ID,
    elements: [
      {
        type: 'static_select',
        action_id: PICKER_SELECT_ACTION_ID,
        placeholder: { type: 'plain_text', text: 'Choose one' },
        options: choices,
      },
    ],
  };
}

function buttonRows(options: PickerReply['options'], maxRows: number): ActionsBlock[] {
  const rows: ActionsBlock[] = [];
  for (let start = 0; start < options.length && rows.length < maxRows; start += LIMITS.actionsElements) {
    const row = actions(
      options
        .slice(start, start + LIMITS.actionsElements)
        .map((option, index) => runCommandButton(option.label, option.commandText, start + index)),
      rows.length === 0 ? PICKER_BLOCK_ID : `${PICKER_BLOCK_ID}:${rows.length}`,
    );
    if (row) rows.push(row);
  }
  return rows;
}

export function renderPicker(reply: PickerReply): SlackMessage {
  const useSelect =
    reply.options.length > MAX_BUTTONS && reply.options.every((o) => o.commandText.length <= LIMITS.optionValue);
  const controls: ActionsBlock[] = useSelect ? [selectBlock(reply.options)] : buttonRows(reply.options, 4);
  const listed = controls
    .flatMap((block) => block.elements)
    .reduce((count, element) => count + (element.type === 'static_select' ? (element.options?.length ?? 0) : 1), 0);
  const hidden = reply.options.length - listed;
  const blocks = compact([
    section(`:mag: ${escapeMrkdwn(reply.prompt)}`),
    ...controls,
    hidden > 0
      ? context(
          `${plural(reply.options.length, 'match', 'matches')}; ${hidden} more not listed: type a longer uid prefix.`,
        )
      : null,
  ]);
  return {
    text: fallback(`${reply.prompt} (${plural(reply.options.length, 'option')})`),
    blocks,
  };
}
