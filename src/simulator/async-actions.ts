/**
 * Async actions (`/asyncActions`): writes answered with 202 run after a short delay, and every
 * write that carried an `X-Request-id` leaves a record, so a client recovering after a crash can
 * ask what became of it.
 */
import type { SimResponse } from './http/types.js';

export type AsyncActionStatus = 'running' | 'succeed' | 'failed' | 'canceled';

export interface AsyncAction {
  id: string;
  initiatorUid: string;
  actionName: string;
  status: AsyncActionStatus;
  queryParameters: Record<string, string[]>;
  requestBody: string | null;
  /** The operation's own response once it ran; undefined while running, after cancel or clear. */
  result: SimResponse | undefined;
  resultCleared: boolean;
}

export interface AsyncActionSeed {
  id: string;
  initiatorUid: string;
  actionName: string;
  query: URLSearchParams;
  requestBody: string | null;
}

function queryRecord(query: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of query) {
    const values = out[key] ?? [];
    values.push(value);
    out[key] = values;
  }
  return out;
}

export class AsyncActions {
  private readonly actions = new Map<string, AsyncAction>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pending = new Map<string, () => SimResponse>();

  constructor(private readonly durationMs: number) {}

  /** Queues `run`: the action shows `running` for `durationMs`, then runs once. */
  queue(seed: AsyncActionSeed, run: () => SimResponse): AsyncAction {
    const action = this.create(seed, 'running');
    this.pending.set(action.id, run);
    const timer = setTimeout(() => this.finish(action.id), this.durationMs);
    timer.unref();
    this.timers.set(action.id, timer);
    return action;
  }

  /**
   * Runs a queued action now instead of when its timer fires (tests use this to step through the
   * `running → succeed` transition without racing a timer). Returns whether it ran.
   */
  finish(id: string): boolean {
    const key = id.toLowerCase();
    const run = this.pending.get(key);
    const action = this.actions.get(key);
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.pending.delete(key);
    if (!run || !action || action.status !== 'running') return false;
    this.complete(action, run());
    return true;
  }

  /** Records a write that already ran synchronously. */
  record(seed: AsyncActionSeed, result: SimResponse): AsyncAction {
    const action = this.create(seed, 'running');
    this.complete(action, result);
    return action;
  }

  get(id: string): AsyncAction | undefined {
    return this.actions.get(id.toLowerCase());
  }

  list(): AsyncAction[] {
    return [...this.actions.values()];
  }

  /** Cancels a running action: its write never happens. */
  cancel(action: AsyncAction): void {
    if (action.status !== 'running') return;
    clearTimeout(this.timers.get(action.id));
    this.timers.delete(action.id);
    this.pending.delete(action.id);
    action.status = 'canceled';
  }

  clearResult(action: AsyncAction): void {
    action.result = undefined;
    action.resultCleared = true;
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
  }

  private create(seed: AsyncActionSeed, status: AsyncActionStatus): AsyncAction {
    const action: AsyncAction = {
      id: seed.id.toLowerCase(),
      initiatorUid: seed.initiatorUid,
      actionName: seed.actionName,
      status,
      queryParameters: queryRecord(seed.query),
      requestBody: seed.requestBody,
      result: undefined,
      resultCleared: false,
    };
    this.actions.set(action.id, action);
    return action;
  }

  private complete(action: AsyncAction, result: SimResponse): void {
    action.result = result;
    action.status = result.status < 400 ? 'succeed' : 'failed';
  }
}

/** The `AsyncActionInfo` wire object. */
export function actionInfo(action: AsyncAction) {
  return {
    id: action.id,
    initiatorUid: action.initiatorUid,
    actionName: action.actionName,
    status: action.status,
    queryParameters: action.queryParameters,
    requestBody: action.requestBody,
  };
}
