/** The seven `/asyncActions` operations (they take no `X-Request-id` and never answer 202 themselves). */
import { z } from 'zod';
import type { VspcCore } from './core.js';
import type { VspcResponseError } from './errors.js';
import { pathParam } from './path.js';
import {
  type AsyncActionInfo,
  AsyncActionInfoSchema,
  type AsyncActionRequestData,
  type AsyncActionsConfig,
  AsyncActionsConfigSchema,
} from './schemas/async-actions.js';
import { dataEnvelope, EmptyResponseSchema, listEnvelope } from './schemas/envelope.js';

const InfoEnvelope = dataEnvelope(AsyncActionInfoSchema);

export interface AsyncActionWithErrors {
  action: AsyncActionInfo;
  /** VSPC puts a failed action's messages in the envelope's `errors[]`. */
  errors: VspcResponseError[];
}

export class AsyncActions {
  constructor(private readonly core: VspcCore) {}

  private path(actionId: string): string {
    return `/asyncActions/${pathParam('actionId', actionId)}`;
  }

  private spec(operation: string, method: 'GET' | 'PUT' | 'DELETE', path: string) {
    return { operation, method, path, sendRequestId: false, followAsync: false } as const;
  }

  /** Active actions of the current user. */
  async list(): Promise<AsyncActionInfo[]> {
    const answer = await this.core.json(
      this.spec('GetAsyncActionsInfo', 'GET', '/asyncActions'),
      listEnvelope(AsyncActionInfoSchema),
    );
    return answer.data;
  }

  async config(): Promise<AsyncActionsConfig> {
    const answer = await this.core.json(
      this.spec('GetAsyncActionsConfig', 'GET', '/asyncActions/config'),
      dataEnvelope(AsyncActionsConfigSchema),
    );
    return answer.data;
  }

  async get(actionId: string): Promise<AsyncActionWithErrors> {
    const answer = await this.core.json(this.spec('GetAsyncActionInfo', 'GET', this.path(actionId)), InfoEnvelope);
    return {
      action: answer.data,
      errors: (answer.errors ?? []).map((e) => ({ ...e, message: this.core.scrubber.scrub(e.message) })),
    };
  }

  async cancel(actionId: string): Promise<void> {
    await this.core.json(this.spec('CancelAsyncAction', 'DELETE', this.path(actionId)), EmptyResponseSchema);
  }

  async attachRequestData(actionId: string, data: AsyncActionRequestData): Promise<AsyncActionInfo> {
    const answer = await this.core.json(
      {
        ...this.spec('AttachRequestDataToAsyncAction', 'PUT', `${this.path(actionId)}/requestData`),
        body: { kind: 'json', value: data },
      },
      InfoEnvelope,
    );
    return answer.data;
  }

  /** The finished action's answer: in practice the original operation's envelope, so untyped here. */
  async result(actionId: string): Promise<unknown> {
    return this.core.json(this.spec('GetAsyncActionResult', 'GET', `${this.path(actionId)}/result`), z.unknown());
  }

  async clearResult(actionId: string): Promise<void> {
    await this.core.json(
      this.spec('ClearAsyncActionResult', 'DELETE', `${this.path(actionId)}/result`),
      EmptyResponseSchema,
    );
  }
}
