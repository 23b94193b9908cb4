/** A message under construction that knows how much room it has left (blocks and characters). */
import type { KnownBlock } from '@slack/types';
import { BLOCK_LIMITS, blockSize } from './block-limits.js';

export interface Room {
  blocks: number;
  chars: number;
}

export const NO_ROOM: Room = { blocks: 0, chars: 0 };

export class MessageBudget {
  readonly blocks: KnownBlock[] = [];
  private usedBlocks = 0;
  /** JSON of `[]`, plus each block and its comma. */
  private usedChars = 2;

  constructor(private readonly reserved: Room = NO_ROOM) {}

  fits(blocks: readonly KnownBlock[], extra: Room = NO_ROOM): boolean {
    const chars = blocks.reduce((sum, block) => sum + blockSize(block) + 1, 0);
    return (
      this.usedBlocks + blocks.length + this.reserved.blocks + extra.blocks <= BLOCK_LIMITS.blocksPerMessage &&
      this.usedChars + chars + this.reserved.chars + extra.chars <= BLOCK_LIMITS.messageChars
    );
  }

  /** Counts blocks that will be added later (placeholders) without adding them now. */
  claim(room: Room): void {
    this.usedBlocks += room.blocks;
    this.usedChars += room.chars;
  }

  add(blocks: readonly KnownBlock[]): void {
    for (const block of blocks) {
      this.blocks.push(block);
      this.usedBlocks += 1;
      this.usedChars += blockSize(block) + 1;
    }
  }
}

export function roomOf(blocks: readonly KnownBlock[]): Room {
  return { blocks: blocks.length, chars: blocks.reduce((sum, block) => sum + blockSize(block) + 1, 0) };
}
