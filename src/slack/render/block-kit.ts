/**
 * The Block Kit vocabulary the renderers use: type aliases (taken from Bolt's re-export of
 * `@slack/types`, the package Bolt itself depends on) and a few small builders that apply the limits.
 */
import type { types } from '@slack/bolt';
import { LIMITS, truncate } from './limits.js';

export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ActionsBlock = types.ActionsBlock;
export type Button = types.Button;
export type PlainTextOption = types.PlainTextOption;
export type ModalView = types.ModalView;

/** What every message renderer returns: the notification text and the blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true } };
}

/** A mrkdwn section; text over 3000 characters is cut with an ellipsis (callers split long lists first). */
export function section(text: string, accessory?: Button): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(text || ' ', LIMITS.sectionText) },
    ...(accessory ? { accessory } : {}),
  };
}

/** A section of label/value fields (at most 10, each at most 2000 characters). */
export function fieldsSection(fields: string[]): SectionBlock {
  return {
    type: 'section',
    fields: fields
      .slice(0, LIMITS.sectionFields)
      .map((field) => ({ type: 'mrkdwn', text: truncate(field || ' ', LIMITS.fieldText) })),
  };
}

export function context(...texts: string[]): KnownBlock {
  return {
    type: 'context',
    elements: texts
      .slice(0, LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn', text: truncate(text || ' ', LIMITS.sectionText) })),
  };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

/**
 * A button that runs a command when clicked (conventions: `action_id` `run_command:<n>`, `value` the
 * command text). Returns null when the text is too long to be a button value: the caller then
 * shows the command to type instead.
 */
export function runCommandButton(
  label: string,
  commandText: string,
  index: number,
  style?: 'primary' | 'danger',
): Button | null {
  if (commandText.length > LIMITS.buttonValue) return null;
  return {
    type: 'button',
    action_id: `run_command:${index}`,
    text: { type: 'plain_text', text: truncate(label, LIMITS.buttonText), emoji: true },
    value: commandText,
    ...(style ? { style } : {}),
  };
}

/** An actions block (at most 25 elements); null when there is nothing to show. */
export function actions(elements: (Button | null)[], blockId?: string): ActionsBlock | null {
  const present = elements.filter((element): element is Button => element !== null).slice(0, LIMITS.actionsElements);
  if (present.length === 0) return null;
  return { type: 'actions', elements: present, ...(blockId ? { block_id: blockId } : {}) };
}

/** Drops the nulls of optional blocks. */
export function compact(blocks: (KnownBlock | null | undefined)[]): KnownBlock[] {
  return blocks.filter((block): block is KnownBlock => block !== null && block !== undefined);
}
