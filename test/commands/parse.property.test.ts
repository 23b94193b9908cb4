import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUsageError } from '../../src/commands/command.js';
import { formatCommand } from '../../src/commands/format-command.js';
import { HANDLERS } from '../../src/commands/handlers/index.js';
import { parseCommand } from '../../src/commands/parse.js';
import { COMMAND_WORDS } from '../support/command-words.js';

const SEED = 20260310;
const NAMES = new Set(Object.keys(HANDLERS));

/** The answer is always a known command or a short usage error, and a command survives formatting. */
function checkResult(text: string): void {
  const result = parseCommand(text);
  if (isUsageError(result)) {
    expect(result.message.length).toBeGreaterThan(0);
    expect(result.message.length).toBeLessThan(600);
    expect(result.usage.length).toBeGreaterThan(0);
    expect((result.suggestion ?? '').length).toBeLessThanOrEqual(2100);
    return;
  }
  expect(NAMES.has(result.name)).toBe(true);
  expect(typeof result.share).toBe('boolean');
  const again = parseCommand(formatCommand(result));
  expect(again).toEqual(result);
}

const WORDS = COMMAND_WORDS;

const nearValid = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    {
      minLength: 0,
      maxLength: 8,
    },
  )
  .map((words) => words.join(' '));

describe('parseCommand never throws', () => {
  it('on arbitrary strings (any unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        checkResult(text);
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it('on near-valid command strings, and valid ones round-trip through formatCommand', () => {
    let parsedCount = 0;
    fc.assert(
      fc.property(nearValid, (text) => {
        checkResult(text);
        if (!isUsageError(parseCommand(text))) parsedCount++;
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // The generator must reach the commands, not only errors.
    expect(parsedCount).toBeGreaterThan(100);
  });

  it('on long pastes', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1900, maxLength: 12_000 }), (text) => {
        checkResult(text);
      }),
      { seed: SEED, numRuns: 50 },
    );
  });
});
