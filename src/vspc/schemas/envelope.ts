/** VSPC's response envelope `{ data, meta, errors }` around a payload schema. */
import { z } from 'zod';
import { MetaSchema, ResponseErrorSchema } from './common.js';

export function dataEnvelope<T extends z.ZodType>(data: T) {
  return z.looseObject({ data, meta: MetaSchema, errors: z.array(ResponseErrorSchema).nullish() });
}

export function listEnvelope<T extends z.ZodType>(item: T) {
  return dataEnvelope(z.array(item));
}

/** `EmptyResponse` of DELETE operations: only that it is an object matters. */
export const EmptyResponseSchema = z.looseObject({
  data: z.unknown().optional(),
  errors: z.array(ResponseErrorSchema).nullish(),
});
