/**
 * A fast way through big pages. A 500-item license page through zod costs milliseconds of CPU and
 * a full copy of every item (zod builds new objects), which made the 12,000-license inventory load
 * CPU-bound (npm run bench). `leanArray` checks the items of a freshly parsed JSON page in place
 * with a checker compiled from the same zod schema, and only when that checker is unsure (a wrong
 * type, anything it does not know how to check) hands the page to zod: the schema stays the one
 * contract, zod still writes every error message, and what the fast path accepts is exactly what
 * zod would output (a property test compares them).
 *
 * The checker knows plain strings, numbers (and `.int()`) and booleans, optional, nullable, arrays,
 * loose objects, `.transform` (usage reports) and the registered normalisers (lenient enums);
 * anything else (other checks, `.catch`, strict objects) makes it give the whole schema back to zod.
 * A container's checked values are written back only when all of it is sure, so a page handed back
 * to zod never holds a transform's output. Parts that zod outputs unchanged are only tested, by the
 * predicates of `lean-plain.ts`.
 */
import { z } from 'zod';
import { compilePlain, type Def, defOf, isPlainObject, type Plain } from './lean-plain.js';

const UNSURE = Symbol('unsure');
/** The value as zod would output it (normalised in place where zod would transform), or UNSURE. */
type Lean = (value: unknown) => unknown;

/**
 * Schemas whose zod output is a pure, idempotent function of a string input (lenient enums):
 * applied in place, and idempotent so that a page handed back to zod half-normalised parses the same.
 */
const normalisers = new WeakMap<z.ZodType, (value: string) => string>();

export function withLeanNormaliser<S extends z.ZodType>(schema: S, normalise: (value: string) => string): S {
  normalisers.set(schema, normalise);
  return schema;
}

const isNormalised = (schema: z.ZodType) => normalisers.has(schema);

function compileObject(def: Def): Lean | null {
  // Only loose objects keep unknown keys as they are, which is what checking in place does.
  if (!def.shape || !def.catchall || defOf(def.catchall).type !== 'unknown') return null;
  // Fields that can never change are only checked; the others are checked and may be written back.
  const plainKeys: string[] = [];
  const plainChecks: Plain[] = [];
  const fields: [string, Lean][] = [];
  for (const [key, schema] of Object.entries(def.shape)) {
    const plain = compilePlain(schema, isNormalised);
    if (plain) {
      plainKeys.push(key);
      plainChecks.push(plain);
      continue;
    }
    const check = compile(schema);
    if (!check) return null;
    fields.push([key, check]);
  }
  return (value) => {
    if (!isPlainObject(value)) return UNSURE;
    for (let i = 0; i < plainKeys.length; i++) {
      if (!(plainChecks[i] as Plain)(value[plainKeys[i] as string])) return UNSURE;
    }
    // Written back only once the whole object is sure: a page handed back to zod holds no transform's output.
    let changed: [string, unknown][] | null = null;
    for (const [key, check] of fields) {
      const current = value[key];
      const checked = check(current);
      if (checked === UNSURE) return UNSURE;
      if (checked !== current) {
        changed ??= [];
        changed.push([key, checked]);
      }
    }
    if (changed) for (const [key, checked] of changed) value[key] = checked;
    return value;
  };
}

/** `schema.transform(fn)`: the input checked, then `fn` as zod calls it; an issue it adds or a promise leaves it to zod. */
function compilePipe(def: Def): Lean | null {
  const input = def.in && compile(def.in);
  const transform = def.out && defOf(def.out).type === 'transform' ? defOf(def.out).transform : undefined;
  if (!input || !transform) return null;
  return (value) => {
    const checked = input(value);
    if (checked === UNSURE) return UNSURE;
    const payload = { value: checked, issues: [] as unknown[] };
    const out = transform(checked, payload);
    return payload.issues.length > 0 || out instanceof Promise ? UNSURE : out;
  };
}

function compile(schema: z.ZodType): Lean | null {
  const normalise = normalisers.get(schema);
  if (normalise) return (value) => (typeof value === 'string' ? normalise(value) : UNSURE);
  const plain = compilePlain(schema, isNormalised);
  // Strings, numbers and booleans are plain: what is left holds a transform or a normaliser somewhere.
  if (plain) return (value) => (plain(value) ? value : UNSURE);
  const def = defOf(schema);
  if (def.checks && def.checks.length > 0) return null;
  switch (def.type) {
    case 'pipe':
      return compilePipe(def);
    case 'optional': {
      const inner = def.innerType && compile(def.innerType);
      return inner ? (value) => (value === undefined ? value : inner(value)) : null;
    }
    case 'nullable': {
      const inner = def.innerType && compile(def.innerType);
      return inner ? (value) => (value === null ? value : inner(value)) : null;
    }
    case 'array': {
      const element = def.element && compile(def.element);
      if (!element) return null;
      return (value) => {
        if (!Array.isArray(value)) return UNSURE;
        let changed: [number, unknown][] | null = null;
        for (let i = 0; i < value.length; i++) {
          const checked = element(value[i]);
          if (checked === UNSURE) return UNSURE;
          if (checked !== value[i]) {
            changed ??= [];
            changed.push([i, checked]);
          }
        }
        if (changed) for (const [i, checked] of changed) value[i] = checked;
        return value;
      };
    }
    case 'object':
      return compileObject(def);
    default:
      return null;
  }
}

/** Compiled once per item schema (sites build their envelope per request). */
const compiled = new WeakMap<z.ZodType, Lean | null>();

/**
 * `z.array(item)` for a page of a JSON answer parsed just now: checked in place when the lean
 * checker is sure, through zod otherwise (then with zod's issues, at the same paths).
 */
export function leanArray<T extends z.ZodType>(item: T): z.ZodType<z.output<T>[]> {
  const full = z.array(item);
  if (!compiled.has(item)) compiled.set(item, compile(full));
  const lean = compiled.get(item);
  if (!lean) return full as unknown as z.ZodType<z.output<T>[]>;
  // The items are walked once, by the lean checker: not first by zod as `unknown` each.
  return z.unknown().transform((items, ctx): z.output<T>[] => {
    if (lean(items) !== UNSURE) return items as z.output<T>[];
    const parsed = full.safeParse(items);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue });
    return z.NEVER;
  });
}
