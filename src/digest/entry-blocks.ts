/**
 * Block Kit for one digest entry and the section furniture (titles, notes). Buttons follow the
 * team convention: `action_id` `run_command:<n>`, `value` = the command text as typed after /vspc,
 * so a click runs exactly what a user could type (and is parsed and authorised the same way).
 */
import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import { trendCommandFor } from '../insight/wording.js';
import { BLOCK_LIMITS } from './block-limits.js';
import { commandTarget, type EntryFormat, entryDetail, entryHeading, truncate } from './describe-entry.js';
import type { DigestEntry, DigestSection } from './sections.js';

export function mrkdwnSection(text: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, BLOCK_LIMITS.sectionText) } };
}

export function contextLine(text: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, BLOCK_LIMITS.sectionText) }] };
}

export function commandButton(label: string, command: string, index: number): Button {
  return {
    type: 'button',
    action_id: `run_command:${index}`,
    text: { type: 'plain_text', text: truncate(label, BLOCK_LIMITS.buttonText) },
    value: command,
  };
}

/** Escaping is shared with the Slack replies: text whole, only the bot's own mentions pass. */
export { escapeMrkdwn, escapeValue } from '../mrkdwn.js';

export function entryBlocks(entry: DigestEntry, format: EntryFormat): KnownBlock[] {
  const text = mrkdwnSection(`*${entryHeading(entry, format)}*\n${entryDetail(entry, format)}`);
  if (entry.type === 'report') return [text];
  if (entry.type === 'usage') {
    const command = trendCommandFor(entry.change.org);
    // A name too long for a button value keeps the command to type in the text instead.
    if (command.length > BLOCK_LIMITS.buttonValue) return [text];
    return [text, { type: 'actions', elements: [commandButton('Show trend', command, 0)] }];
  }
  const license = entry.row.license;
  const buttons = [commandButton('Update now', `license update ${commandTarget(license)}`, 0)];
  if (license.autoUpdateEnabled === false) {
    buttons.push(commandButton('Enable auto-update', `license autoupdate ${commandTarget(license)} on`, 1));
  }
  const actions: ActionsBlock = { type: 'actions', elements: buttons };
  return [text, actions];
}

export function sectionTitle(section: DigestSection, continued: boolean): SectionBlock {
  const count = section.entries.length;
  const title = mrkdwnSection(`${section.emoji} *${section.title}* (${count})${continued ? ' · continued' : ''}`);
  // One Finalize for all pending reports: VSPC finalizes them together, a per-report button would mislead.
  if (section.key === 'reports' && !continued) {
    title.accessory = { ...commandButton('Finalize…', 'reports finalize', 0), style: 'primary' };
  }
  return title;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** What the main message says about the entries it could not hold. */
export function remainderNote(section: DigestSection, remaining: number, inThread: number): ContextBlock {
  const what = `${remaining} more ${lowerFirst(section.title)}`;
  if (inThread === remaining) return contextLine(`${what} in the thread`);
  if (inThread > 0)
    return contextLine(`${what}: ${inThread} in the thread, all of them with \`${section.fullListCommand}\``);
  return contextLine(`${what}: see \`${section.fullListCommand}\``);
}
