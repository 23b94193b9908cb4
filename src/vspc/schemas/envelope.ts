/** VSPC's response envelope `{ data, meta, errors }` around a payload schema. */
import { z } from 'zod';
import { MetaSchema, ResponseErrorSchema } from './common.js';
import { leanArray } from './lean.js';

export function dataEnvelope<T extends z.ZodType>(data: T) {
  return z.looseObject({ data, meta: MetaSchema, errors: z.array(ResponseErrorSchema).nullish() });
}

/** A page of a collection: the envelope through zod, the items through the lean checker (see lean.ts). */
export function listEnvelope<T extends z.ZodType>(item: T) {
  return dataEnvelope(leanArray(item));
}

/** `EmptyResponse` of DELETE operations: only that it is an object matters. */
export const EmptyResponseSchema = z.looseObject({
  data: z.unknown().optional(),
  errors: z.array(ResponseErrorSchema).nullish(),
});
