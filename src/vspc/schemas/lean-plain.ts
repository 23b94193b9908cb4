/**
 * The part of the lean page checker (`lean.ts`) for schemas whose zod output is their input as it
 * is: strings, numbers (and `.int()`), booleans, `optional` / `nullable` / `nullish` of them, and
 * arrays and loose objects of such. They compile to yes/no predicates, the common leaves (a nullish
 * string) to one small function each. Checking every field through a chain of closures that hands
 * the value back and tracks whether it changed, for fields that can never change, was most of the
 * checker's time on a 500-license page.
 */
import type { z } from 'zod';

export interface Def {
  type: string;
  checks?: unknown[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  transform?: (value: unknown, payload: { value: unknown; issues: unknown[] }) => unknown;
}

export const defOf = (schema: z.ZodType) => schema._zod.def as unknown as Def;

/** `.int()`: zod's safe-integer format (anything else is left to zod). */
function isSafeIntCheck(check: unknown): boolean {
  const def = (check as { _zod?: { def?: { check?: string; format?: string } } })._zod?.def;
  return def?.check === 'number_format' && def.format === 'safeint';
}

/** Whether a value is sure to be what the schema outputs unchanged. */
export type Plain = (value: unknown) => boolean;

type Leaf = 'string' | 'number' | 'safeint' | 'boolean';

/** One function per leaf and nullability, so that each call site sees one shape of check. */
const LEAVES: Record<Leaf, { exact: Plain; nullish: Plain }> = {
  string: {
    exact: (value) => typeof value === 'string',
    nullish: (value) => value === undefined || value === null || typeof value === 'string',
  },
  number: {
    exact: (value) => typeof value === 'number' && Number.isFinite(value),
    nullish: (value) => value === undefined || value === null || (typeof value === 'number' && Number.isFinite(value)),
  },
  safeint: {
    exact: (value) => Number.isSafeInteger(value),
    nullish: (value) => value === undefined || value === null || Number.isSafeInteger(value),
  },
  boolean: {
    exact: (value) => typeof value === 'boolean',
    nullish: (value) => value === undefined || value === null || typeof value === 'boolean',
  },
};

function leafOf(def: Def): Leaf | null {
  if (def.type === 'number' && def.checks?.length === 1 && isSafeIntCheck(def.checks[0])) return 'safeint';
  if (def.checks && def.checks.length > 0) return null;
  return def.type === 'string' || def.type === 'number' || def.type === 'boolean' ? def.type : null;
}

/**
 * The predicate of a schema that outputs its input unchanged, or null (anything with a transform,
 * a normaliser (`normalised`), another check, or a type this does not know).
 */
export function compilePlain(schema: z.ZodType, normalised: (schema: z.ZodType) => boolean): Plain | null {
  if (normalised(schema)) return null;
  const def = defOf(schema);
  const leaf = leafOf(def);
  if (leaf) return LEAVES[leaf].exact;
  if (def.checks && def.checks.length > 0) return null;
  switch (def.type) {
    case 'optional':
    case 'nullable': {
      if (!def.innerType) return null;
      // `.nullish()` is optional(nullable(leaf)): one function instead of three.
      const inner = defOf(def.innerType);
      if (def.type === 'optional' && inner.type === 'nullable' && inner.innerType && !normalised(def.innerType)) {
        const innerLeaf = normalised(inner.innerType) ? null : leafOf(defOf(inner.innerType));
        if (innerLeaf) return LEAVES[innerLeaf].nullish;
      }
      const check = compilePlain(def.innerType, normalised);
      if (!check) return null;
      return def.type === 'optional'
        ? (value) => value === undefined || check(value)
        : (value) => value === null || check(value);
    }
    case 'array': {
      const element = def.element && compilePlain(def.element, normalised);
      if (!element) return null;
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i++) if (!element(value[i])) return false;
        return true;
      };
    }
    case 'object': {
      // Only loose objects keep unknown keys as they are, which is what checking in place does.
      if (!def.shape || !def.catchall || defOf(def.catchall).type !== 'unknown') return null;
      const keys: string[] = [];
      const checks: Plain[] = [];
      for (const [key, field] of Object.entries(def.shape)) {
        const check = compilePlain(field, normalised);
        if (!check) return null;
        keys.push(key);
        checks.push(check);
      }
      return (value) => {
        if (!isPlainObject(value)) return false;
        for (let i = 0; i < keys.length; i++) if (!(checks[i] as Plain)(value[keys[i] as string])) return false;
        return true;
      };
    }
    default:
      return null;
  }
}

/** An object as JSON.parse makes it, without an own `__proto__` key (zod treats that one apart). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Object.hasOwn(value, '__proto__');
}
