/**
 * Block Kit limits the digest must respect (slack-notes §3). `messageChars` stays below the
 * ~13,200 characters of blocks at which Slack answers `msg_blocks_too_long`, measured as the JSON
 * of the blocks, which is longer than what Slack counts, so it errs on the safe side.
 */
import type { KnownBlock } from '@slack/types';

export const BLOCK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  messageChars: 12_000,
} as const;

export function blockSize(block: KnownBlock): number {
  return JSON.stringify(block).length;
}

/** Size of `[b1,b2,…]` as JSON. */
export function blocksSize(blocks: readonly KnownBlock[]): number {
  return JSON.stringify(blocks).length;
}
