/**
 * Paged collections: the first page tells the total, the other pages are then fetched a few at a
 * time (bounded concurrency) and handed out in offset order, so nothing is duplicated or skipped.
 */
import type { z } from 'zod';
import type { RequestSpec, VspcCore } from './core.js';
import { PAGE_LIMIT } from './options.js';
import { listEnvelope } from './schemas/envelope.js';

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

export interface Page<T> {
  items: T[];
  /** `meta.pagingInfo.total`, or null when VSPC sent none. */
  total: number | null;
}

export type PageFetcher<T> = (offset: number, limit: number) => Promise<Page<T>>;

/** Pages of a collection in offset order, at most `concurrency` requests in flight. */
export async function* pagesOf<T>(
  fetchPage: PageFetcher<T>,
  concurrency: number,
  limit = PAGE_LIMIT,
): AsyncGenerator<Page<T>> {
  const first = await fetchPage(0, limit);
  yield first;
  const total = first.total;
  if (total === null || first.items.length === 0 || total <= first.items.length) return;
  // A server configured with a smaller page size answers fewer than asked: step by what it gives.
  const step = Math.min(limit, first.items.length);
  const offsets: number[] = [];
  for (let offset = step; offset < total; offset += step) offsets.push(offset);

  const pending: Promise<Page<T>>[] = [];
  let next = 0;
  const launch = () => {
    while (pending.length < concurrency && next < offsets.length) {
      const page = fetchPage(offsets[next++] as number, step);
      // Rejections are observed when the page's turn comes; this stops "unhandled" noise if we stop early.
      page.catch(() => {});
      pending.push(page);
    }
  };
  launch();
  while (pending.length > 0) {
    const page = await (pending.shift() as Promise<Page<T>>);
    launch();
    yield page;
  }
}

/** A collection operation of VSPC bound to the core: iterate it or fetch it whole. */
export class PagedCollection<T> {
  constructor(
    private readonly core: VspcCore,
    private readonly spec: RequestSpec,
    private readonly itemSchema: z.ZodType<T>,
  ) {}

  #envelope: ReturnType<typeof listEnvelope<z.ZodType<T>>> | undefined;

  /** Built once per collection, not per page. */
  private envelope() {
    this.#envelope ??= listEnvelope(this.itemSchema);
    return this.#envelope;
  }

  /** One page. */
  async page(offset: number, limit = PAGE_LIMIT): Promise<Page<T>> {
    const query = { ...this.spec.query, limit, offset };
    const answer = await this.core.json({ ...this.spec, query }, this.envelope());
    return { items: answer.data as T[], total: answer.meta?.pagingInfo?.total ?? null };
  }

  /** Every item, page by page (the pages after the first are fetched concurrently). */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of pagesOf((offset, limit) => this.page(offset, limit), this.core.options.pageConcurrency)) {
      yield* page.items;
    }
  }

  /** All items; more than `maxItems` (default: the client's cap) is a `VspcCollectionTooLargeError`. */
  all(maxItems = this.core.options.maxItems): Promise<T[]> {
    return this.allAs((item) => item, maxItems);
  }

  /**
   * All items, each converted as its page arrives: a page's wire objects are garbage once it is
   * read, instead of all 12,000 living (and ageing into the old generation) until the last page.
   */
  async allAs<U>(convert: (item: T) => U, maxItems = this.core.options.maxItems): Promise<U[]> {
    const endpoint = `${this.spec.method} ${this.spec.path}`;
    const items: U[] = [];
    for await (const page of pagesOf((offset, limit) => this.page(offset, limit), this.core.options.pageConcurrency)) {
      if (page.total !== null && page.total > maxItems)
        throw new VspcCollectionTooLargeError(endpoint, page.total, maxItems);
      if (items.length + page.items.length > maxItems)
        throw new VspcCollectionTooLargeError(endpoint, items.length + page.items.length, maxItems);
      for (const item of page.items) items.push(convert(item));
    }
    return items;
  }
}
