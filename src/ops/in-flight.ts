/**
 * Work that runs after a Slack ack (VSPC calls, state transitions, card updates). Graceful
 * shutdown stops taking requests, then waits for this set to drain (bounded) before closing the
 * store, so an executing write still records its outcome and audit entry.
 */
export class InFlight {
  readonly #running = new Set<Promise<unknown>>();
  #closed = false;

  get size(): number {
    return this.#running.size;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Registers `work`; returns it unchanged. Errors are the caller's to handle. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#running.add(work);
    const done = () => this.#running.delete(work);
    work.then(done, done);
    return work;
  }

  /** Stops accepting (callers check `closed`) and waits up to `timeoutMs`; true when all finished. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.#closed = true;
    const deadline = Date.now() + timeoutMs;
    while (this.#running.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.#running]),
        new Promise((resolve) => {
          timer = setTimeout(resolve, left);
        }),
      ]);
      clearTimeout(timer);
    }
    return true;
  }
}
