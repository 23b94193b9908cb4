/**
 * Paged collections: the first page tells the total, the other pages are then fetched a few at a
 * time (bounded concurrency, `page-pipeline.ts`) and handed out in offset order, so nothing is
 * duplicated or skipped.
 */
import type { z } from 'zod';
import type { RequestSpec, VspcCore } from './core.js';
import { PAGE_LIMIT } from './options.js';
import { type Page, type PageReader, pagesOf } from './page-pipeline.js';
import { parseResponse } from './parse-response.js';
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
  ) {}

  #envelope: ReturnType<typeof listEnvelope<z.ZodType<T>>> | undefined;

  /** Built once per collection, not per page. */
  private envelope() {
    this.#envelope ??= listEnvelope(this.itemSchema);
    return this.#envelope;
  }

  /** One page. */
  async page(offset: number, limit = PAGE_LIMIT): Promise<Page<T>> {
    return (await this.receive(offset, limit))();
  }

  /** Sends the request of a page; resolves once the answer is in, with what parses and checks it. */
  private async receive(offset: number, limit: number): Promise<PageReader<T>> {
    const query = { ...this.spec.query, limit, offset };
    const { response, exchange } = await this.core.execute({ ...this.spec, query }, 'json');
    return () => {
      const answer = parseResponse(response, this.envelope(), exchange);
      return { items: answer.data as T[], total: answer.meta?.pagingInfo?.total ?? null };
    };
  }

  private pages(): AsyncGenerator<Page<T>> {
    return pagesOf((offset, limit) => this.receive(offset, limit), this.core.options.pageConcurrency);
  }

  /** Every item, page by page (the pages after the first are fetched concurrently). */
  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of this.pages()) {
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
    for await (const page of this.pages()) {
      if (page.total !== null && page.total > maxItems)
        throw new VspcCollectionTooLargeError(endpoint, page.total, maxItems);
      if (items.length + page.items.length > maxItems)
        throw new VspcCollectionTooLargeError(endpoint, items.length + page.items.length, maxItems);
      for (const item of page.items) items.push(convert(item));
    }
    return items;
  }
}
