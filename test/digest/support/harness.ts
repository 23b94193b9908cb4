/** A digest service wired to fakes: a mutable clock, a recording chat.postMessage and a manual cron. */
import type { DigestSettings } from '../../../src/config.js';
import type { PostMessage } from '../../../src/digest/poster.js';
import type { ScheduleFn } from '../../../src/digest/scheduler.js';
import { createDigestService, type DigestRunner, type DigestServiceDeps } from '../../../src/digest/service.js';
import type { License } from '../../../src/licenses/model.js';
import { type Logger, silentLogger } from '../../../src/log.js';
import type { UsageReport } from '../../../src/reports/model.js';
import type { Store } from '../../../src/store/types.js';
import { createFakeBackend, type FakeBackend } from './fake-backend.js';

export interface PostCall {
  channel: string;
  text: string;
  blocks: unknown[];
  thread_ts?: string;
  ts: string;
}

export interface FakeSlack {
  post: PostMessage;
  calls: PostCall[];
  /** Top-level messages (not thread replies) per channel. */
  mainMessages(channel?: string): PostCall[];
  /** Channels whose posts fail with this Slack error code until cleared. */
  failing: Map<string, string>;
  /** Runs after each successful post (a test takes the database away there). */
  afterPost?: (call: PostCall) => Promise<void>;
}

export function createFakeSlack(): FakeSlack {
  const calls: PostCall[] = [];
  const failing = new Map<string, string>();
  let seq = 0;
  const slack: FakeSlack = {
    calls,
    failing,
    async post(args) {
      const code = failing.get(args.channel);
      if (code) throw Object.assign(new Error(`An API error occurred: ${code}`), { data: { ok: false, error: code } });
      seq += 1;
      const ts = `1773136800.${String(seq).padStart(6, '0')}`;
      const call = { ...args, ts };
      calls.push(call);
      await slack.afterPost?.(call);
      return { ts };
    },
    mainMessages(channel) {
      return calls.filter(
        (call) => call.thread_ts === undefined && (channel === undefined || call.channel === channel),
      );
    },
  };
  return slack;
}

export interface ManualCron {
  schedule: ScheduleFn;
  expressions: { expression: string; timezone: string }[];
  fire(): void;
  stopped: number;
}

export function createManualCron(): ManualCron {
  const jobs: (() => void)[] = [];
  const cron: ManualCron = {
    expressions: [],
    stopped: 0,
    schedule(expression, job, options) {
      jobs.push(job);
      cron.expressions.push({ expression, timezone: options.timezone });
      return {
        stop() {
          cron.stopped += 1;
          jobs.splice(jobs.indexOf(job), 1);
        },
      };
    },
    fire() {
      for (const job of [...jobs]) job();
    },
  };
  return cron;
}

export const CHANNELS = ['C0LICENSES', 'C0OPS'];

export function digestSettings(overrides: Partial<DigestSettings> = {}): DigestSettings {
  return {
    channels: CHANNELS,
    cron: '0 8 * * *',
    timeZone: 'Europe/Berlin',
    expiryDays: 30,
    skipEmpty: false,
    ...overrides,
  };
}

export interface Harness {
  service: DigestRunner;
  backend: FakeBackend;
  slack: FakeSlack;
  cron: ManualCron;
  clock: { now: Date };
}

export function createHarness(options: {
  store: Store;
  licenses?: License[];
  reports?: UsageReport[];
  settings?: Partial<DigestSettings>;
  now?: Date;
  instanceId?: string;
  retryDelaysMs?: number[];
  backend?: FakeBackend;
  slack?: FakeSlack;
  clock?: { now: Date };
  logger?: Logger;
  /** The pause before a run that met an unusable database runs again. */
  storeRetryMs?: number;
  claimLeaseMs?: number;
  /** Told how each scheduled run ended. */
  onRun?: DigestServiceDeps['onRun'];
}): Harness {
  const backend = options.backend ?? createFakeBackend(options.licenses ?? [], options.reports ?? []);
  const slack = options.slack ?? createFakeSlack();
  const cron = createManualCron();
  const clock = options.clock ?? { now: options.now ?? new Date('2026-03-10T08:30:00Z') };
  const service = createDigestService({
    backend,
    store: options.store,
    post: slack.post,
    settings: digestSettings(options.settings),
    clock: () => clock.now,
    logger: options.logger ?? silentLogger,
    ...(options.storeRetryMs !== undefined ? { storeRetryMs: options.storeRetryMs } : {}),
    ...(options.claimLeaseMs !== undefined ? { claimLeaseMs: options.claimLeaseMs } : {}),
    ...(options.onRun ? { onRun: options.onRun } : {}),
    instanceId: options.instanceId ?? 'instance-a',
    retry: { delaysMs: options.retryDelaysMs ?? [] },
    schedule: cron.schedule,
  });
  return { service, backend, slack, cron, clock };
}
