/** Checks a message against the Block Kit limits the digest promises to respect (slack-notes §3). */
import type { KnownBlock } from '@slack/types';
import { expect } from 'vitest';

export const SLACK_TOTAL_BLOCK_CHARS = 13_200;

export function expectWithinBlockKitLimits(message: { text: string; blocks: KnownBlock[] }): void {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(JSON.stringify(message.blocks).length).toBeLessThan(SLACK_TOTAL_BLOCK_CHARS);
  for (const block of message.blocks) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section' && block.text) {
      expect(block.text.text.length).toBeGreaterThan(0);
      expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    if (block.type === 'actions') {
      expect(block.elements.length).toBeLessThanOrEqual(25);
      const ids = block.elements.map((element) => ('action_id' in element ? element.action_id : undefined));
      expect(new Set(ids).size).toBe(ids.length);
      for (const element of block.elements) {
        if (element.type === 'button') {
          expect(element.text.text.length).toBeLessThanOrEqual(75);
          expect((element.value ?? '').length).toBeLessThanOrEqual(2000);
          expect(element.action_id).toMatch(/^run_command(:\d+)?$/);
        }
      }
    }
    if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
  }
}

/** Every button of a message: its label and command text. */
export function buttonsOf(blocks: KnownBlock[]): { label: string; command: string }[] {
  const buttons: { label: string; command: string }[] = [];
  for (const block of blocks) {
    const elements =
      block.type === 'actions' ? block.elements : block.type === 'section' && block.accessory ? [block.accessory] : [];
    for (const element of elements) {
      if (element.type === 'button') buttons.push({ label: element.text.text, command: element.value ?? '' });
    }
  }
  return buttons;
}
