/**
 * Building blocks of the lenient response schemas: unknown fields are kept, optional fields may be
 * null (older servers send null where 3.6.1 says otherwise), and enums accept any string.
 */
import { z } from 'zod';
import { withLeanNormaliser } from './lean.js';

/**
 * An enum that never rejects: a known value in any case (`valid`) comes out as 3.6.1 spells it
 * (`Valid`); a value this client does not know (a newer server's) passes through unchanged.
 */
export function lenientEnum<const T extends readonly string[]>(values: T) {
  const byLowerCase = new Map(values.map((value) => [value.toLowerCase(), value] as const));
  // Nearly every value is already spelled the 3.6.1 way: no lower-cased copy made for those.
  const spelledRight = new Set<string>(values);
  const normalise = (raw: string): T[number] | (string & {}) =>
    spelledRight.has(raw) ? raw : (byLowerCase.get(raw.toLowerCase()) ?? raw);
  return withLeanNormaliser(z.string().transform(normalise), normalise);
}

export const optionalString = z.string().nullish();
export const optionalNumber = z.number().nullish();
export const optionalBoolean = z.boolean().nullish();
/** Arrays that older servers send as null. */
export const stringList = z.array(z.string()).nullish();

export const ResponseErrorSchema = z.looseObject({
  message: z.string().catch(''),
  type: z.string().catch('unspecified'),
  code: z.number().catch(0),
});

export const PagingInfoSchema = z.looseObject({
  total: z.number().int(),
  count: z.number().int(),
  offset: z.number().int(),
});

export const MetaSchema = z.looseObject({ pagingInfo: PagingInfoSchema.nullish() }).nullish();

export const JsonPatchSchema = z.object({
  op: z.enum(['add', 'copy', 'move', 'remove', 'replace', 'test']),
  path: z.string(),
  value: z.string(),
  from: z.string().nullish(),
});
export type JsonPatch = z.infer<typeof JsonPatchSchema>;

/** The one patch VSPC accepts on licenses and report settings; `value` is a string per the schema. */
export function replacePatch(property: string, value: boolean | string): JsonPatch[] {
  return [{ op: 'replace', path: `/${property}`, value: String(value) }];
}

export const FilterExpressionSchema: z.ZodType<FilterExpression> = z.lazy(() =>
  z.object({
    operation: z.string(),
    property: z.string().nullish(),
    items: z.array(FilterExpressionSchema).nullish(),
    collation: z.string().optional(),
    value: z.unknown().optional(),
  }),
);

export interface FilterExpression {
  operation: string;
  property?: string | null | undefined;
  items?: FilterExpression[] | null | undefined;
  collation?: string | undefined;
  value?: unknown;
}

export interface SortExpression {
  property: string;
  direction?: 'ascending' | 'descending';
  collation?: string;
}

/** One property VSPC is asked to return: `name`, or `subschema.name` (documented in VSPC 9.0's `select`). */
export interface SelectExpression {
  propertyPath: string;
}

/** The optional `filter`, `sort` and `select` of VSPC's collection operations (sent as JSON in the query). */
export interface CollectionQuery {
  filter?: FilterExpression[];
  sort?: SortExpression[];
  /** Only these properties of each item; a server may still send more, so readers take what they get. */
  select?: SelectExpression[];
}
