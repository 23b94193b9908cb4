/**
 * Request slots shared by several collections: at most `size` requests in flight across all of
 * them. A slot is taken before a request is sent and given back as soon as the answer's bytes are
 * in, before they are parsed. Usage insight reads 24 months as 24 collections at once through one
 * set of slots (VSPC_PAGE_CONCURRENCY): the next month's request leaves while the month that just
 * arrived is parsed, instead of after it. Holding a slot through the parse kept the first trend's
 * round trips waiting on CPU (npm run bench).
 */
export class RequestSlots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = Math.max(1, Math.floor(size));
  }

  /** Resolves once a slot is free, with the function that gives it back (once; later calls do nothing). */
  async take(): Promise<() => void> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    let given = false;
    return () => {
      if (given) return;
      given = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    };
  }
}
