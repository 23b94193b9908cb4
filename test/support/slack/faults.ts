/** Per-method queues of injected failures (`failNext`). */
import type { Fault } from './types.js';

export class FaultQueue {
  readonly #queues = new Map<string, Fault[]>();

  add(method: string, fault: Fault): void {
    const times = Math.max(1, fault.times ?? 1);
    const queue = this.#queues.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.#queues.set(method, queue);
  }

  /** Removes and returns the fault for this call of `method`, if one is queued. */
  take(method: string): Fault | undefined {
    return this.#queues.get(method)?.shift();
  }

  clear(): void {
    this.#queues.clear();
  }
}

/** The HTTP answer a fault stands for, or undefined when it only delays. */
export function faultAnswer(
  fault: Fault,
): { status: number; body: { ok: false; error: string }; headers: Record<string, string> } | undefined {
  if (fault.error === undefined && fault.status === undefined && fault.retryAfter === undefined) return undefined;
  const status = fault.status ?? (fault.retryAfter !== undefined ? 429 : 200);
  const error = fault.error ?? (status === 429 ? 'ratelimited' : 'internal_error');
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  return { status, body: { ok: false, error }, headers };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
