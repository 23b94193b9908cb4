/**
 * Keeps the code's shape as it grows: no source file over 250 lines, imports between the top-level
 * parts of `src/` point down the layers only, the simulator stands apart, and no two files import
 * each other, directly or round a loop. A new top-level folder or file must be placed in the table
 * below, so that the table stays the true map of the code.
 */
import { describe, expect, it } from 'vitest';
import {
  importCycles,
  type Layering,
  layeringViolations,
  oversizedFiles,
  readSourceTree,
  type SourceTree,
} from './import-graph.js';

const MAX_LINES = 250;

/** Top → bottom; each part may import its own layer and those below it. */
const LAYERS: Layering['layers'] = [
  ['cli'],
  ['main.ts'],
  ['compose.ts'],
  ['ops'],
  ['slack'],
  ['commands'],
  ['approvals', 'digest'],
  ['insight'],
  ['licenses', 'reports'],
  ['vspc', 'store'],
  // Pure helpers every layer may use: configuration, logging, and the text every renderer escapes.
  ['config.ts', 'config', 'config-warnings.ts', 'log.ts', 'mrkdwn.ts', 'mention.ts'],
];

/** The VSPC simulator ships with the CLI's demo; it shares nothing with the app it stands in for. */
const APART: Layering['apart'] = {
  simulator: { importedBy: ['cli'], imports: [] },
};

const LAYERING: Layering = { layers: LAYERS, apart: APART };

const tree = (files: Record<string, string>): SourceTree => new Map(Object.entries(files));

describe('the architecture of src/', () => {
  const src = readSourceTree('src');

  it('has no source file over 250 lines', () => {
    expect(oversizedFiles(src, MAX_LINES)).toEqual([]);
  });

  it('imports down the layers only, and keeps the simulator apart', () => {
    expect(layeringViolations(src, LAYERING)).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(importCycles(src)).toEqual([]);
  });
});

describe('the architecture checks themselves', () => {
  const layering: Layering = {
    layers: [['top'], ['middle.ts'], ['bottom']],
    apart: { aside: { importedBy: ['top'], imports: [] } },
  };

  it('name a file over the limit with its length', () => {
    const files = tree({ 'top/long.ts': 'x\n'.repeat(251), 'top/short.ts': 'x\n'.repeat(250) });
    expect(oversizedFiles(files, 250)).toEqual(['src/top/long.ts has 251 lines (at most 250): split it by idea']);
  });

  it('name the file and import that points up, whatever form the import takes', () => {
    const files = tree({
      'top/a.ts': "import { m } from '../middle.js';\nimport type { B } from '../bottom/b.js';",
      'middle.ts': "export const m = 1;\nexport type { T } from './top/a.js';",
      'bottom/b.ts': "export type B = 1;\nconst lazy = () => import('../middle.js');",
      'aside/s.ts': '',
    });
    expect(layeringViolations(files, layering)).toEqual([
      "src/middle.ts imports './top/a.js' (src/top/a.ts): middle.ts sits below top, so this import points up the layers",
      "src/bottom/b.ts imports '../middle.js' (src/middle.ts): bottom sits below middle.ts, so this import points up the layers",
    ]);
  });

  it('keep a part apart in both directions', () => {
    const files = tree({
      'top/a.ts': "import '../aside/s.js';",
      'middle.ts': "import { s } from './aside/s.js';",
      'aside/s.ts': "import { b } from '../bottom/b.js';\nexport const s = b;",
      'bottom/b.ts': 'export const b = 1;',
    });
    expect(layeringViolations(files, layering)).toEqual([
      "src/middle.ts imports './aside/s.js' (src/aside/s.ts): aside stands apart; only [top] may import it",
      "src/aside/s.ts imports '../bottom/b.js' (src/bottom/b.ts): aside stands apart and may import only []",
    ]);
  });

  it('ask for a new top-level part to be placed in the table, and for a gone one to leave it', () => {
    const files = tree({ 'top/a.ts': '', 'middle.ts': '', 'aside/s.ts': '', 'newcomer/x.ts': '' });
    expect(layeringViolations(files, layering)).toEqual([
      'src/newcomer is in no layer: add it to LAYERS (or APART) in test/structure/architecture.test.ts, below everything that imports it and above everything it imports',
      'src/bottom is in the layer table but not in src/: remove it from the table',
    ]);
  });

  it('find a cycle through type imports and name it once', () => {
    const files = tree({
      'top/a.ts': "import type { B } from './b.js';",
      'top/b.ts': "import { c } from './c.js';",
      'top/c.ts': "export type { A } from './a.js';",
      'top/d.ts': "import './a.js';",
    });
    expect(importCycles(files)).toEqual(['import cycle: src/top/a.ts → src/top/b.ts → src/top/c.ts → src/top/a.ts']);
  });
});
