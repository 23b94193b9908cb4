/**
 * Command texts for the end-to-end fuzz: mostly grammar-shaped (real words, options, UIDs, numbers,
 * in odd orders and with odd spacing), the rest arbitrary Unicode. Seeded, so a failure reproduces.
 */
import fc from 'fast-check';
import { COMMAND_WORDS } from '../../support/command-words.js';

const WORDS = COMMAND_WORDS;

const uid = fc.uuid().map((u) => u.toString());
const uidPrefix = uid.map((u) => u.slice(0, 8));
const number = fc.oneof(
  fc.integer({ min: -5, max: 400 }).map(String),
  fc.constantFrom('0', '1e9', '99999999999999999999', 'NaN', '-0', '3.5', '٣'),
);
const junk = fc.string({ unit: 'grapheme', maxLength: 12 });
const token = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: uid },
  { weight: 1, arbitrary: uidPrefix },
  { weight: 2, arbitrary: number },
  { weight: 1, arbitrary: junk },
);
const space = fc.constantFrom(' ', '  ', '\t', '\u00a0', ' \n ');

const COMMANDS = ['licenses', 'license', 'reports', 'report', 'usage', 'digest', 'audit', 'whoami', 'help'];

const shaped = fc
  .tuple(
    fc.option(fc.constantFrom(...COMMANDS), { freq: 4, nil: '' }),
    fc.array(fc.tuple(space, token), { minLength: 0, maxLength: 8 }),
  )
  .map(([command, parts]) => command + parts.map(([gap, word]) => gap + word).join(''));
const long = fc
  .tuple(fc.constantFrom(...COMMANDS), fc.integer({ min: 2000, max: 4000 }), fc.constantFrom('a', ' ', 'é', '🙂'))
  .map(([command, length, unit]) => `${command} ${unit.repeat(length)}`);
const arbitrary = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  long,
);

export const commandText = fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: arbitrary });

/** `count` command texts, the same ones for the same seed. */
export function fuzzCommands(count: number, seed: number): string[] {
  return fc.sample(commandText, { numRuns: count, seed });
}
