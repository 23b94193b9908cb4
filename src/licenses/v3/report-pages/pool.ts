/**
 * Report pages read off the main thread. A month's reports for 1,000 companies are ~2.5 MB of JSON
 * (the provider's usage details itemize every company): reading 25 of them on the main thread took
 * most of a first `trend` and held up everything else meanwhile (Slack acks). Large pages go to a
 * few worker threads (one per core, at most `MAX_WORKERS`: with two workers on two cores the main
 * thread is mostly idle and both cores parse) that send back only the reports model. Workers start on the first large page and stop after a while without work
 * (their heaps are memory an idle bot does not need).
 *
 * Nothing waits for them: small pages, and pages that come while no worker is ready yet, are read
 * here; a worker that cannot start, crashes or fails hands its page back to the main thread, which
 * reads it as it always did (the same checks and errors). After repeated crashes they are given up.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../../../log.js';
import type { UsageReport } from '../../../reports/model.js';
import { type Exchange, type Page, type RawResponse, VspcUnexpectedResponseError } from '../../../vspc/index.js';
import { decodeReportPage } from './decode.js';
import type { DecodeReply, DecodeRequest } from './messages.js';

/** Smaller answers are read on the main thread: a worker's round trip would cost more than they do. */
export const MIN_WORKER_BYTES = 256 * 1024;
const MAX_WORKERS = 2;
const IDLE_MS = 60_000;
/** Crashes after which the workers are given up for good. */
const MAX_CRASHES = 3;

export interface ReportPageReaderOptions {
  workers?: number;
  minBytes?: number;
  idleMs?: number;
  logger?: Logger;
  /** The worker's module (tests give broken ones). */
  entry?: URL;
}

type Settle = (reply: DecodeReply | Error) => void;

interface Slot {
  /** Set once the worker said it is ready. */
  worker: Worker | null;
  started: Promise<void>;
  pending: Map<number, Settle>;
}

/** From sources (tsx, vitest) this module and the worker's are .ts, from dist/ both are .js. */
function defaultEntry(): URL {
  return new URL(`./worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
}

/**
 * A worker on `entry`. From dist/ it is plain JavaScript; from sources the worker registers tsx
 * itself first: a worker thread does not inherit the loader its parent was started with.
 */
function newWorker(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const boot = `import(${tsx}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true });
}

export class ReportPageReader {
  /** Pages read in a worker and on the main thread (for tests and benchmarks). */
  readonly counts = { worker: 0, main: 0 };
  readonly #size: number;
  readonly #minBytes: number;
  readonly #idleMs: number;
  readonly #logger: Logger | undefined;
  readonly #entry: URL;
  readonly #slots: (Slot | null)[];
  #nextId = 1;
  #busy = 0;
  #crashes = 0;
  #disabled = false;
  #idle: NodeJS.Timeout | null = null;

  constructor(options: ReportPageReaderOptions = {}) {
    this.#size = options.workers ?? Math.min(MAX_WORKERS, availableParallelism());
    this.#minBytes = options.minBytes ?? MIN_WORKER_BYTES;
    this.#idleMs = options.idleMs ?? IDLE_MS;
    this.#logger = options.logger;
    this.#entry = options.entry ?? defaultEntry();
    this.#slots = Array.from({ length: this.#size }, () => null);
  }

  /** A `PageDecoder` for `PagedCollection.allDecoded`. */
  readonly decode = async (response: RawResponse, exchange: Exchange): Promise<Page<UsageReport | null>> => {
    const slot = response.body.byteLength < this.#minBytes ? null : this.#readySlot();
    const reply = slot ? await this.#send(slot, response, exchange) : null;
    if (reply && !(reply instanceof Error)) {
      if ('items' in reply) {
        this.counts.worker++;
        return { items: JSON.parse(reply.items) as (UsageReport | null)[], total: reply.total };
      }
      if (reply.error.unexpected) {
        throw new VspcUnexpectedResponseError(reply.error.message, {
          status: reply.error.status,
          endpoint: exchange.endpoint,
          requestId: exchange.requestId,
        });
      }
    }
    // No worker, or it failed (not the page): read it here, with the checks and errors it always had.
    this.counts.main++;
    return decodeReportPage(response, exchange);
  };

  /** Starts the workers; resolves once each is ready or has failed (tests, and warming up). */
  async ready(): Promise<void> {
    if (this.#disabled) return;
    await Promise.all(this.#slots.map((_, i) => this.#slot(i).started.catch(() => undefined)));
  }

  async close(): Promise<void> {
    if (this.#idle) clearTimeout(this.#idle);
    await Promise.all(this.#slots.map((_, i) => this.#stop(i)));
  }

  /** The ready worker with the least work; null (starting the missing ones) when none is ready. */
  #readySlot(): Slot | null {
    if (this.#disabled) return null;
    let best: Slot | null = null;
    for (let i = 0; i < this.#size; i++) {
      const slot = this.#slot(i);
      if (slot.worker && (!best || slot.pending.size < best.pending.size)) best = slot;
    }
    return best;
  }

  /** The worker of slot `index`, started when there is none. */
  #slot(index: number): Slot {
    const slot = this.#slots[index] ?? this.#start(index);
    this.#slots[index] = slot;
    return slot;
  }

  async #send(slot: Slot, response: RawResponse, exchange: Exchange): Promise<DecodeReply | Error> {
    const id = this.#nextId++;
    this.#enter();
    try {
      return await new Promise<DecodeReply | Error>((resolve) => {
        slot.pending.set(id, resolve);
        const request: DecodeRequest = { id, status: response.status, body: response.body, exchange };
        slot.worker?.postMessage(request);
      });
    } finally {
      slot.pending.delete(id);
      this.#leave();
    }
  }

  #start(index: number): Slot {
    const slot: Slot = { worker: null, started: Promise.resolve(), pending: new Map() };
    let worker: Worker;
    try {
      worker = newWorker(this.#entry);
    } catch (error) {
      this.#giveUp(`the worker could not start: ${error instanceof Error ? error.message : String(error)}`);
      return slot;
    }
    worker.unref();
    slot.started = new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (reason: Error): void => {
        if (failed) return;
        failed = true;
        if (this.#slots[index] === slot) this.#slots[index] = null;
        for (const settle of slot.pending.values()) settle(reason);
        if (!slot.worker) this.#giveUp(`the worker could not start: ${reason.message}`);
        else if (++this.#crashes >= MAX_CRASHES) this.#giveUp(`the worker failed ${this.#crashes} times`);
        else this.#logger?.warn({ err: reason }, 'usage reports: a report-page worker failed; another one starts');
        reject(reason);
      };
      worker.on('message', (message: DecodeReply | { ready: true }) => {
        if ('ready' in message) {
          slot.worker = worker;
          if (this.#busy > 0) worker.ref();
          resolve();
        } else slot.pending.get(message.id)?.(message);
      });
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`the report-page worker exited with code ${code}`)));
    });
    // Whoever waits for it sees the failure; nobody has to.
    slot.started.catch(() => undefined);
    return slot;
  }

  #giveUp(reason: string): void {
    if (this.#disabled) return;
    this.#disabled = true;
    this.#logger?.warn({ reason }, 'usage reports: reading report pages on the main thread');
  }

  /** Busy workers hold the process (a CLI awaiting a page must not exit); idle ones do not. */
  #enter(): void {
    if (this.#busy++ > 0) return;
    if (this.#idle) clearTimeout(this.#idle);
    for (const slot of this.#slots) slot?.worker?.ref();
  }

  #leave(): void {
    if (--this.#busy > 0) return;
    for (const slot of this.#slots) slot?.worker?.unref();
    this.#idle = setTimeout(() => void this.close(), this.#idleMs);
    this.#idle.unref();
  }

  async #stop(index: number): Promise<void> {
    const slot = this.#slots[index];
    if (!slot || slot.pending.size > 0) return;
    this.#slots[index] = null;
    await slot.started.catch(() => undefined);
    const worker = slot.worker;
    worker?.removeAllListeners('exit');
    await worker?.terminate();
  }
}
