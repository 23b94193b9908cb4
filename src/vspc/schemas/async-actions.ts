/** `/asyncActions` objects. Status is spelled `succeed` by VSPC. */
import { z } from 'zod';
import { lenientEnum } from './common.js';

export const ASYNC_ACTION_STATUSES = ['canceled', 'failed', 'running', 'succeed'] as const;

const queryParameters = z.record(z.string(), z.array(z.string())).nullish();

export const AsyncActionInfoSchema = z.looseObject({
  id: z.string(),
  initiatorUid: z.string().nullish(),
  actionName: z.string().nullish(),
  status: lenientEnum(ASYNC_ACTION_STATUSES),
  queryParameters,
  requestBody: z.string().nullish(),
});
export type AsyncActionInfo = z.infer<typeof AsyncActionInfoSchema>;

export const AsyncActionsConfigSchema = z.looseObject({ resultRetentionTime: z.number() });
export type AsyncActionsConfig = z.infer<typeof AsyncActionsConfigSchema>;

export interface AsyncActionRequestData {
  requestBody?: string | null;
  queryParameters?: Record<string, string[]> | null;
}
