/**
 * The rules the architecture test keeps, as pure functions over a map of source files, so that the
 * test can show each rule failing on a made-up tree before it passes on `src/`.
 * Imports are read with TypeScript's own pre-processor: static, `import type`, `export … from` and
 * dynamic `import()` all count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

/** Path (posix, relative to the source root) → file text. */
export type SourceTree = Map<string, string>;

export interface Import {
  from: string;
  to: string;
  /** As written in the source, for the failure message. */
  specifier: string;
}

export interface Layering {
  /** Top → bottom. A part may import its own layer and the layers below it. */
  layers: readonly (readonly string[])[];
  /** Parts outside the layers: who may import them, and what they may import. */
  apart: Record<string, { importedBy: readonly string[]; imports: readonly string[] }>;
}

export function readSourceTree(root: string): SourceTree {
  const tree: SourceTree = new Map();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel);
      else if (entry.name.endsWith('.ts')) tree.set(rel, readFileSync(join(dir, entry.name), 'utf8'));
    }
  };
  walk(root, '');
  return tree;
}

/** `wc -l`: the number of line ends. */
export function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

export function oversizedFiles(tree: SourceTree, maxLines: number): string[] {
  return [...tree]
    .filter(([, text]) => lineCount(text) > maxLines)
    .map(([path, text]) => `src/${path} has ${lineCount(text)} lines (at most ${maxLines}): split it by idea`);
}

/** Relative imports between files of the tree; `./x.js` resolves to `x.ts` or `x/index.ts`. */
export function relativeImports(tree: SourceTree): Import[] {
  const imports: Import[] = [];
  for (const [from, text] of tree) {
    const { importedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(from), specifier)).replace(/\.js$/, '');
      const to = [`${target}.ts`, `${target}/index.ts`, target].find((candidate) => tree.has(candidate));
      if (to) imports.push({ from, to, specifier });
    }
  }
  return imports;
}

/** The top-level part of `src/` a file belongs to: its first folder, or the file itself at the top. */
export function partOf(path: string): string {
  const slash = path.indexOf('/');
  return slash === -1 ? path : path.slice(0, slash);
}

export function layeringViolations(tree: SourceTree, layering: Layering): string[] {
  const rank = new Map<string, number>();
  layering.layers.forEach((layer, index) => {
    for (const part of layer) rank.set(part, index);
  });
  const known = (part: string) => rank.has(part) || part in layering.apart;
  const problems: string[] = [];

  const parts = new Set([...tree.keys()].map(partOf));
  for (const part of [...parts].sort()) {
    if (!known(part)) {
      problems.push(
        `src/${part} is in no layer: add it to LAYERS (or APART) in test/structure/architecture.test.ts, ` +
          'below everything that imports it and above everything it imports',
      );
    }
  }
  for (const part of [...rank.keys(), ...Object.keys(layering.apart)]) {
    if (!parts.has(part)) problems.push(`src/${part} is in the layer table but not in src/: remove it from the table`);
  }

  for (const { from, to, specifier } of relativeImports(tree)) {
    const a = partOf(from);
    const b = partOf(to);
    if (a === b || !known(a) || !known(b)) continue;
    const where = `src/${from} imports '${specifier}' (src/${to})`;
    const apartFrom = layering.apart[a];
    const apartTo = layering.apart[b];
    if (apartFrom && !apartFrom.imports.includes(b)) {
      problems.push(`${where}: ${a} stands apart and may import only [${apartFrom.imports.join(', ')}]`);
    } else if (apartTo && !apartTo.importedBy.includes(a)) {
      problems.push(`${where}: ${b} stands apart; only [${apartTo.importedBy.join(', ')}] may import it`);
    } else if (!apartFrom && !apartTo && (rank.get(a) ?? 0) > (rank.get(b) ?? 0)) {
      problems.push(`${where}: ${a} sits below ${b}, so this import points up the layers`);
    }
  }
  return problems;
}

/** Every import cycle between files, each named once by its files in import order. */
export function importCycles(tree: SourceTree): string[] {
  const next = new Map<string, string[]>();
  for (const { from, to } of relativeImports(tree)) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles = new Set<string>();
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of next.get(file) ?? []) {
      if (state.get(target) === 'open') {
        const cycle = stack.slice(stack.indexOf(target));
        // Start at the smallest name so that the same cycle found from elsewhere reads the same.
        const start = cycle.indexOf([...cycle].sort()[0] as string);
        const ordered = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.add(`import cycle: ${[...ordered, ordered[0]].map((f) => `src/${f}`).join(' → ')}`);
      } else if (!state.has(target)) {
        visit(target);
      }
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...tree.keys()].sort()) if (!state.has(file)) visit(file);
  return [...cycles];
}
