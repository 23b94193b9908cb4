/**
 * The lean page checker (src/vspc/schemas/lean.ts) against zod itself: for generated pages of every
 * collection item schema (valid, lowercase enums, nulls, missing and extra fields, wrong types), the
 * lean path accepts exactly what zod accepts, outputs exactly what zod outputs, and rejects with
 * zod's own issues at the same paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AsyncActionInfoSchema } from '../../src/vspc/schemas/async-actions.js';
import { listEnvelope } from '../../src/vspc/schemas/envelope.js';
import { leanArray } from '../../src/vspc/schemas/lean.js';
import {
  BackupServerLicenseSchema,
  SiteLicenseSchema,
  Vb365ServerLicenseSchema,
  VOneServerLicenseSchema,
} from '../../src/vspc/schemas/licenses.js';
import { SingleLicenseReportSchema } from '../../src/vspc/schemas/reports.js';
import { OrganizationCurrentLicenseUsageSchema } from '../../src/vspc/schemas/usage.js';

interface Def {
  type: string;
  checks?: unknown[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
}

const ENUM_LIKE = ['valid', 'Valid', 'VALID', 'expired', 'instances', 'Points', 'backup', 'ApprovalRequired', 'new'];
const wrong = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 2 }),
);

/** Values shaped by the schema; with `faults`, now and then a wrong one or a missing required field. */
function arbitraryFor(schema: z.ZodType, faults: boolean, depth = 0): fc.Arbitrary<unknown> {
  const def = schema._zod.def as unknown as Def;
  let shaped: fc.Arbitrary<unknown>;
  switch (def.type) {
    case 'string':
      shaped = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(...ENUM_LIKE));
      break;
    case 'number':
      shaped = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
      break;
    case 'boolean':
      shaped = fc.boolean();
      break;
    case 'pipe':
      shaped = def.in ? arbitraryFor(def.in, faults, depth) : wrong;
      break;
    case 'optional':
    case 'nullable':
      shaped = def.innerType
        ? fc.oneof(
            { weight: 4, arbitrary: arbitraryFor(def.innerType, faults, depth) },
            { weight: 1, arbitrary: fc.constant(null) },
          )
        : wrong;
      break;
    case 'array':
      shaped =
        def.element && depth < 3
          ? fc.array(arbitraryFor(def.element, faults, depth + 1), { maxLength: 3 })
          : fc.constant([]);
      break;
    case 'object': {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, s]) => [key, arbitraryFor(s, faults, depth + 1)]),
      );
      const required = Object.entries(shape)
        .filter(([, s]) => (s._zod as { optin?: string }).optin === undefined)
        .map(([key]) => key);
      shaped = fc
        .tuple(
          fc.record(fields, { requiredKeys: required }),
          fc.dictionary(fc.constantFrom('extra', 'statusMessage', 'newField', '__proto__'), wrong, { maxKeys: 2 }),
          faults && required.length > 0 ? fc.subarray(required, { maxLength: 1 }) : fc.constant([]),
        )
        .map(([known, extra, dropped]) => {
          const out: Record<string, unknown> = { ...extra, ...known };
          for (const key of dropped) delete out[key];
          return out;
        });
      break;
    }
    default:
      shaped = wrong;
  }
  return faults ? fc.oneof({ weight: 30, arbitrary: shaped }, { weight: 1, arbitrary: wrong }) : shaped;
}

/** Clean pages, and pages where one item may carry faults. */
function pageOf(schema: z.ZodType): fc.Arbitrary<unknown[]> {
  const clean = fc.array(arbitraryFor(schema, false), { maxLength: 6 });
  const faulty = fc
    .tuple(clean, arbitraryFor(schema, true), fc.nat())
    .map(([items, bad, at]) => items.toSpliced(at % (items.length + 1), 0, bad));
  return fc.oneof(clean, faulty);
}

/** A page as JSON.parse gives it (what the request core hands the schema). */
const asParsedJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

const SCHEMAS: [string, z.ZodType][] = [
  ['site', SiteLicenseSchema],
  ['backup server', BackupServerLicenseSchema],
  ['Veeam ONE', VOneServerLicenseSchema],
  ['VB365', Vb365ServerLicenseSchema],
  ['async action', AsyncActionInfoSchema],
  ['usage report', SingleLicenseReportSchema],
  ['organization usage', OrganizationCurrentLicenseUsageSchema],
];

describe('lean page checking gives what zod gives', () => {
  for (const [name, schema] of SCHEMAS) {
    it(`${name} pages`, () => {
      const full = z.array(schema);
      const lean = leanArray(schema);
      fc.assert(
        fc.property(pageOf(schema), (page) => {
          const expected = full.safeParse(asParsedJson(page));
          const actual = lean.safeParse(asParsedJson(page));
          expect(actual.success).toBe(expected.success);
          if (expected.success) expect(actual.data).toEqual(expected.data);
          else expect(actual.error?.issues).toEqual(expected.error.issues);
        }),
        { numRuns: 400, seed: 20261204 },
      );
    });
  }

  it('still rejects a bad item in a page of 500, naming the item and field', () => {
    const good = { backupServerUid: 'u', autoUpdateEnabled: true, status: 'valid', unitType: 'instances' };
    const page = Array.from({ length: 500 }, () => ({ ...good }));
    page[321] = { ...good, autoUpdateEnabled: 'yes' as unknown as boolean };
    const parsed = listEnvelope(BackupServerLicenseSchema).safeParse(asParsedJson({ data: page, meta: null }));
    expect(parsed.success).toBe(false);
    expect(z.prettifyError(parsed.error as z.ZodError)).toContain('at data[321].autoUpdateEnabled');
  });

  describe('fields checked only (never changed) still reject in the middle of a page of 500', () => {
    const good = {
      backupServerUid: 'u',
      autoUpdateEnabled: true,
      company: 'Contoso',
      licenseIds: ['a', 'b'],
      units: 5,
      status: 'Valid',
    };
    const failure = (bad: Record<string, unknown>) => {
      const page: Record<string, unknown>[] = Array.from({ length: 500 }, () => ({ ...good }));
      page[250] = bad;
      const parsed = listEnvelope(BackupServerLicenseSchema).safeParse(asParsedJson({ data: page, meta: null }));
      expect(parsed.success).toBe(false);
      return z.prettifyError(parsed.error as z.ZodError);
    };

    it('a missing required field', () => {
      const { autoUpdateEnabled: _, ...missing } = good;
      expect(failure(missing)).toContain('at data[250].autoUpdateEnabled');
    });

    it('a number where a nullish string belongs', () => {
      expect(failure({ ...good, company: 42 })).toContain('at data[250].company');
    });

    it('a number inside a list of strings', () => {
      expect(failure({ ...good, licenseIds: ['a', 7] })).toContain('at data[250].licenseIds[1]');
    });

    it('a string where a number belongs, and an infinite number', () => {
      expect(failure({ ...good, units: '5' })).toContain('at data[250].units');
      const page = [{ ...good, units: Number.POSITIVE_INFINITY }];
      expect(listEnvelope(BackupServerLicenseSchema).safeParse({ data: page, meta: null }).success).toBe(false);
    });

    it('an item that is not an object', () => {
      expect(failure(['not', 'an', 'object'] as unknown as Record<string, unknown>)).toContain('at data[250]');
    });
  });

  it('a page whose data is not a list is refused at data', () => {
    const parsed = listEnvelope(SiteLicenseSchema).safeParse({ data: { siteUid: 'u' }, meta: null });
    expect(parsed.success).toBe(false);
    expect(z.prettifyError(parsed.error as z.ZodError)).toContain('at data');
  });

  it('normalises enum spellings on the fast path as zod does', () => {
    const parsed = listEnvelope(BackupServerLicenseSchema).parse(
      asParsedJson({ data: [{ autoUpdateEnabled: false, status: 'valid', packages: ['backup', 'NewThing'] }] }),
    );
    expect(parsed.data).toEqual([{ autoUpdateEnabled: false, status: 'Valid', packages: ['Backup', 'NewThing'] }]);
  });

  it('a page without data is still refused', () => {
    expect(listEnvelope(SiteLicenseSchema).safeParse({ meta: null }).success).toBe(false);
  });
});
