/**
 * Paged collections: the first page tells the total, the other pages are then fetched a few at a
 * time (bounded concurrency, `page-pipeline.ts`) and handed out in offset order, so nothing is
 * duplicated or skipped.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { z } from 'zod';
import type { RequestSpec, VspcCore } from './core.js';
import { PAGE_LIMIT } from './options.js';
import { type Page, type PageReader, pagesOf } from './page-pipeline.js';
import type { PageSizing } from './page-sizing.js';
import { parseResponse } from './parse-response.js';
import type { RequestSlots } from './request-slots.js';
import { listEnvelope } from './schemas/envelope.js';

export type { Page } from './page-pipeline.js';

/** A fetch-all met more items than its cap: the caller asked for a bounded answer. */
export class VspcCollectionTooLargeError extends Error {
  override readonly name = 'VspcCollectionTooLargeError';
  constructor(
    readonly endpoint: string,
    readonly total: number,
    readonly maxItems: number,
  ) {
    super(`VSPC ${endpoint} holds ${total} items, more than the limit of ${maxItems}; narrow the query`);
  }
}

/** A collection operation of VSPC bound to the core: iterate it or fetch it whole. */
export class PagedCollection<T> {
  constructor(
    private readonly core: VspcCore,
    private readonly spec: RequestSpec,
    private readonly itemSchema: z.ZodType<T>,
    /** Pages by bytes instead of a fixed count (see page-sizing.ts). */
    private readonly sizing?: PageSizing,
    /** Slots shared with other collections (see request-slots.ts); none: only the page pipeline's own bound. */
    private readonly slots?: RequestSlots,
  ) {}

  /** The same collection, its requests sent through `slots` together with other collections'. */
  through(slots: RequestSlots): PagedCollection<T> {
    return new PagedCollection(this.core, this.spec, this.itemSchema, this.sizing, slots);
  }

  #envelope: ReturnType<typeof listEnvelope<z.ZodType<T>>> | undefined;

  /** Built once per collection, not per page. */
  private envelope() {
    this.#envelope ??= listEnvelope(this.itemSchema);
    return this.#envelope;
  }

  /** One page. */
  async page(offset: number, limit = PAGE_LIMIT): Promise<Page<T>> {
    return (await this.receive<T>(offset, limit, null))();
  }

  /**
   * Sends the request of a page; resolves once the answer is in, with what parses, checks and
   * converts it. Converting in the same step leaves a page's wire objects garbage at once, so the
   * collector never copies them while other pages are still out (`null`: the items as they are).
   */
  private async receive<U>(offset: number, limit: number, convert: ((item: T) => U) | null): Promise<PageReader<U>> {
    const query = { ...this.spec.query, limit, offset };
    const give = await this.slots?.take();
    let sent: Awaited<ReturnType<VspcCore['execute']>>;
    try {
      sent = await this.core.execute({ ...this.spec, query }, 'json');
    } finally {
      give?.();
    }
    const { response, exchange } = sent;
    // The request given the slot leaves before this answer is read.
    if (give) await nextTurn();
    return () => {
      const answer = parseResponse(response, this.envelope(), exchange);
      const wire = answer.data as T[];
      const total = answer.meta?.pagingInfo?.total ?? null;
      if (!convert) return { items: wire as unknown as U[], total };
      const items = new Array<U>(wire.length);
      for (let i = 0; i < wire.length; i++) items[i] = convert(wire[i] as T);
      return { items, total };
    };
  }

  /** Every item, page by page (the pages after the first are fetched concurrently). */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    const request = (offset: number, limit: number) => this.receive<T>(offset, limit, null);
    for await (const page of pagesOf(request, {
      concurrency: this.core.options.pageConcurrency,
      sizing: this.sizing,
    })) {
      yield* page.items;
    }
  }

  /** All items; more than `maxItems` (default: the client's cap) is a `VspcCollectionTooLargeError`. */
  all(maxItems = this.core.options.maxItems): Promise<T[]> {
    return this.collect<T>(null, maxItems);
  }

  /**
   * All items, each converted as soon as its page is read (pages may be read out of order; the
   * result is in order): a page's wire objects are garbage at once, instead of all 12,000 living
   * (and ageing into the old generation) until the last page.
   */
  allAs<U>(convert: (item: T) => U, maxItems = this.core.options.maxItems): Promise<U[]> {
    return this.collect(convert, maxItems);
  }

  /** `allAs`, or with `null` (then `U` is `T`) the items as they are. */
  private async collect<U>(convert: ((item: T) => U) | null, maxItems: number): Promise<U[]> {
    const endpoint = `${this.spec.method} ${this.spec.path}`;
    const items: U[] = [];
    const pages = pagesOf((offset, limit) => this.receive(offset, limit, convert), {
      concurrency: this.core.options.pageConcurrency,
      sizing: this.sizing,
      // Before any other page is asked for: a collection over the cap is not fetched.
      checkFirst: (first) => {
        if (first.total !== null && first.total > maxItems)
          throw new VspcCollectionTooLargeError(endpoint, first.total, maxItems);
      },
    });
    for await (const page of pages) {
      if (items.length + page.items.length > maxItems)
        throw new VspcCollectionTooLargeError(endpoint, items.length + page.items.length, maxItems);
      for (const item of page.items) items.push(item);
    }
    return items;
  }
}
