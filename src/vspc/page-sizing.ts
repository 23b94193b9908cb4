/**
 * Pages sized by bytes instead of a fixed count, for collections whose items can be huge: the
 * current usage of an organization lists every workload of every server (~0.9 MB an organization
 * for 12,000 licenses in the bench), so one page of 500 was a single 8.6 MB answer held as bytes,
 * string and parsed tree at once. The first page asks for `probeLimit` items; the others for as
 * many as fit in about `targetBytes` (measured on the probe's items), never more than the limit.
 */

/** The shapes of page-pipeline.ts, restated so that the two files do not import each other. */
interface Page<T> {
  items: T[];
  total: number | null;
}
type PageReader<T> = () => Page<T>;
type PageRequest<T> = (offset: number, limit: number) => Promise<PageReader<T>>;

export interface PageSizing {
  probeLimit: number;
  targetBytes: number;
}

export function sizedLimit(probe: readonly unknown[], sizing: PageSizing, max: number): number {
  const bytesPerItem = JSON.stringify(probe).length / Math.max(1, probe.length);
  return Math.max(1, Math.min(max, Math.floor(sizing.targetBytes / Math.max(1, bytesPerItem))));
}

/**
 * `count` items from `offset`, in as many requests as the server needs: a server whose page size
 * is below what a sized page asks for answers short, and the rest is asked for right after.
 */
export async function requestRange<T>(request: PageRequest<T>, offset: number, count: number): Promise<PageReader<T>> {
  let page: Page<T> = (await request(offset, count))();
  while (page.items.length < count) {
    const more = (await request(offset + page.items.length, count - page.items.length))();
    if (more.items.length === 0) break;
    page = { items: page.items.concat(more.items), total: page.total };
  }
  const whole = page;
  return () => whole;
}
