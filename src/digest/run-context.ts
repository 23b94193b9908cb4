/**
 * What every part of a digest run shares: the service's dependencies, the claim lease, the one-at-a-
 * time queue of this process's runs, the timers `stop()` cancels, and the audit entry of a digest step.
 */
import type { DigestSettings } from '../config.js';
import type { InsightService } from '../insight/service.js';
import type { LicensingBackend } from '../licenses/backend.js';
import type { Clock } from '../licenses/expiry.js';
import type { Inventory } from '../licenses/inventory.js';
import type { Logger } from '../log.js';
import { DEFAULT_DIGEST_LEASE_MS, type Store } from '../store/types.js';
import { loadDigest } from './load-digest.js';
import type { Digest } from './model.js';
import type { PostMessage } from './poster.js';
import type { ScheduleFn } from './scheduler.js';
import { createUnrecordedPosts, type UnrecordedPosts } from './unrecorded-posts.js';

/** How long a run that met an unusable database waits before it tries again (and a post waits to be recorded). */
export const DEFAULT_STORE_RETRY_MS = 30_000;

export interface DigestServiceDeps {
  backend: LicensingBackend;
  inventory?: Inventory;
  /** The "Usage changes" section's source; without it the digest has none. */
  insight?: InsightService;
  store: Store;
  /** chat.postMessage, injected. */
  post: PostMessage;
  settings: DigestSettings;
  clock: Clock;
  logger: Logger;
  /** Names this process in the store's claims (hostname + pid, or a uuid). */
  instanceId: string;
  /** Delays of the retries after a failed run, within the same day. */
  retry?: { delaysMs: number[] };
  /** node-cron by default; tests pass their own to fire the job. */
  schedule?: ScheduleFn;
  /**
   * How long a claim of (channel, day) holds before another instance may take it over (default
   * DEFAULT_DIGEST_LEASE_MS, 10 minutes). Must exceed the slowest run, retries of VSPC included.
   */
  claimLeaseMs?: number;
  /**
   * The pause before a run that found the database unusable tries again (default
   * DEFAULT_STORE_RETRY_MS), repeated until the database answers or the day ends.
   */
  storeRetryMs?: number;
  /** Told how each scheduled run ended (metrics). */
  onRun?: (outcome: RunOutcome) => void;
}

export type Trigger = 'schedule' | 'catch-up' | 'retry' | 'takeover';

/**
 * How a scheduled run ended, for `vspc_bot_digest_runs_total`: `posted` to every channel it held,
 * `empty` (nothing to report, DIGEST_SKIP_EMPTY), `skipped` (every channel done or held elsewhere),
 * `failed` (build, post or database; a retry is booked).
 */
export type RunOutcome = 'posted' | 'empty' | 'skipped' | 'failed';

export interface RunContext {
  readonly deps: DigestServiceDeps;
  readonly leaseMs: number;
  readonly storeRetryMs: number;
  /** Posts the store did not record: never posted again here, recorded when the database is back. */
  readonly unrecorded: UnrecordedPosts;
  /** True once `stop()` ran: nothing new is booked or started. */
  stopped: boolean;
  /** Runs of this process one at a time: cron, catch-up, retries and `digest now` never interleave. */
  serialize<T>(task: () => Promise<T>): Promise<T>;
  /** Runs `task` after `delayMs` (not keeping the process alive) unless `cancelTimers` comes first. */
  later(delayMs: number, task: () => void): void;
  cancelTimers(): void;
  /** Resolves when the run in progress (if any) has ended. */
  idle(): Promise<unknown>;
  build(now: Date): Promise<Digest>;
  /** Writes a `digest` audit entry; a failure to write it is logged, never thrown. */
  audit(actor: string, what: string, channel: string, outcome: string, requestId: string | null): Promise<void>;
}

export function createRunContext(deps: DigestServiceDeps): RunContext {
  const { store, settings, clock, logger } = deps;
  const timers = new Set<NodeJS.Timeout>();
  let queue: Promise<unknown> = Promise.resolve();
  const storeRetryMs = deps.storeRetryMs ?? DEFAULT_STORE_RETRY_MS;
  const later = (delayMs: number, task: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, delayMs);
    timer.unref();
    timers.add(timer);
  };
  return {
    deps,
    leaseMs: deps.claimLeaseMs ?? DEFAULT_DIGEST_LEASE_MS,
    storeRetryMs,
    unrecorded: createUnrecordedPosts({ store, logger, later, retryMs: storeRetryMs }),
    stopped: false,
    serialize<T>(task: () => Promise<T>): Promise<T> {
      const run = queue.then(task, task);
      queue = run.catch(() => undefined);
      return run;
    },
    later,
    cancelTimers() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    idle: () => queue,
    build: (now) => loadDigest(deps, { now, timeZone: settings.timeZone, horizonDays: settings.expiryDays }),
    async audit(actor, what, channel, outcome, requestId) {
      try {
        await store.appendAudit({
          at: clock(),
          actor,
          event: 'digest',
          what,
          target: channel,
          actionId: null,
          outcome,
          requestId,
        });
      } catch (error) {
        logger.warn({ err: error }, 'digest audit entry could not be written');
      }
    },
  };
}
