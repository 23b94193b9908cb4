/**
 * The pages of a collection in offset order, with the requests kept busy: the first page tells the
 * total, then a slot is refilled as soon as any answer has arrived, before that answer is parsed
 * and checked (CPU), and whatever the head page's wait. Reading a page only once its turn came, and
 * refilling slots only as pages were handed out, kept fewer than `concurrency` requests out for most
 * of a 12,000-license load (npm run bench: 1.4× the round-trip limit).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { PAGE_LIMIT } from './options.js';
import { type PageSizing, requestRange, sizedLimit } from './page-sizing.js';

export interface Page<T> {
  items: T[];
  /** `meta.pagingInfo.total`, or null when VSPC sent none. */
  total: number | null;
}

/** A page whose answer has arrived; calling it reads (parses and checks) it, or throws. */
export type PageReader<T> = () => Page<T>;

/** Sends the request of one page; resolves once its answer is in, without reading it. */
export type PageRequest<T> = (offset: number, limit: number) => Promise<PageReader<T>>;

/** Pages answered and read ahead of the consumer, at most, per slot: bounds the memory a slow head page costs. */
const READ_AHEAD_PER_SLOT = 2;

export interface PagesOptions<T> {
  /** Requests in flight at most. */
  concurrency: number;
  /** Items a page is asked for. */
  limit?: number;
  /** Sees the first page before any other is asked for; what it throws ends the fetch there. */
  checkFirst?: (first: Page<T>) => void;
  /** Pages by bytes instead of a fixed count (see page-sizing.ts). */
  sizing?: PageSizing | undefined;
}

/** Pages of a collection in offset order, at most `concurrency` requests in flight. */
export async function* pagesOf<T>(request: PageRequest<T>, options: PagesOptions<T>): AsyncGenerator<Page<T>> {
  const { concurrency, limit = PAGE_LIMIT, sizing } = options;
  const first = (await request(0, sizing ? Math.min(sizing.probeLimit, limit) : limit))();
  options.checkFirst?.(first);
  const total = first.total;
  if (total === null || first.items.length === 0 || total <= first.items.length) {
    yield first;
    return;
  }
  // A server configured with a smaller page size answers fewer than asked: step by what it gives.
  // Sized pages step by their size, and a short answer is completed by `requestRange`.
  const step = sizing ? sizedLimit(first.items, sizing, limit) : Math.min(limit, first.items.length);
  const offsets: number[] = [];
  for (let offset = first.items.length; offset < total; offset += step) offsets.push(offset);
  const requestAt = (offset: number) =>
    sizing ? requestRange(request, offset, Math.min(step, total - offset)) : request(offset, step);

  // Pages launched and not handed out yet; a handed-out page is dropped so its wire objects can be collected.
  const pages: (Promise<Page<T>> | undefined)[] = [];
  let launched = 0;
  let inFlight = 0;
  let handedOut = 0;
  let stopped = false;
  const launch = () => {
    while (
      !stopped &&
      inFlight < concurrency &&
      launched < offsets.length &&
      launched - handedOut < concurrency * READ_AHEAD_PER_SLOT
    ) {
      inFlight++;
      const answered = requestAt(offsets[launched] as number);
      const settled = () => {
        inFlight--;
        launch();
      };
      answered.then(settled, () => {
        // The whole fetch fails at this page's turn: send nothing more.
        stopped = true;
        settled();
      });
      // Read on the next turn of the event loop, so the requests just launched leave first.
      const page = answered.then(async (read) => {
        await nextTurn();
        return read();
      });
      // Rejections are observed when the page's turn comes; this stops "unhandled" noise if we stop early.
      page.catch(() => {});
      pages[launched++] = page;
    }
  };
  // The next requests leave before the consumer works through the first page.
  launch();
  try {
    yield first;
    while (handedOut < offsets.length) {
      const page = await (pages[handedOut] as Promise<Page<T>>);
      pages[handedOut++] = undefined;
      launch();
      yield page;
    }
  } finally {
    stopped = true;
  }
}
