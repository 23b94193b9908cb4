/**
 * The composition of the product's services from the configuration: store → VSPC backend →
 * inventory → roles → approvals → digest. `serve` (src/main.ts), the CLI commands and the demo all
 * build on this, so they run the same code paths.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type ActionEvents, createActionEvents } from './approvals/events.js';
import { createAccess } from './approvals/roles.js';
import { createApprovalService } from './approvals/service.js';
import type { Access, ApprovalService, Presenter } from './approvals/types.js';
import type { CommandContext } from './commands/context.js';
import type { AppConfig, VspcSettings } from './config.js';
import type { PostMessage } from './digest/poster.js';
import { createDigestService, type DigestRunner, type RunOutcome } from './digest/service.js';
import { createTrendChartRenderer, type RenderTrendChart } from './insight/chart/index.js';
import { createInsightService, DEFAULT_CONCURRENCY } from './insight/create-service.js';
import { keptMonthsIn } from './insight/kept-months.js';
import type { InsightService } from './insight/service.js';
import type { LicensingBackend } from './licenses/backend.js';
import { type Clock, systemClock } from './licenses/expiry.js';
import { createInventory, type Inventory } from './licenses/inventory.js';
import { createV2Backend } from './licenses/v2/index.js';
import { createV3Backend } from './licenses/v3/index.js';
import type { Logger } from './log.js';
import type { Metrics } from './ops/metrics.js';
import { type AuditBacklog, withAuditBacklog } from './store/audit-backlog.js';
import { createStore } from './store/create-store.js';
import type { PendingAction, Store } from './store/types.js';

export interface BackendOptions {
  logger: Logger;
  metrics?: Metrics;
  /** Every VSPC request's status (0: no answer), e.g. for readiness. */
  onVspcRequest?: (status: number) => void;
}

/** The licensing backend of VSPC_API (v3 by default, v2 for legacy VAC). */
export function createBackend(settings: VspcSettings, options: BackendOptions): LicensingBackend {
  const { metrics, onVspcRequest } = options;
  const clientOptions = {
    url: settings.url,
    auth: settings.auth,
    clientVersion: settings.clientVersion,
    tlsInsecure: settings.tlsInsecure,
    timeoutMs: settings.timeoutMs,
    pageConcurrency: settings.pageConcurrency,
    logger: options.logger,
    ...(settings.caFile ? { caFile: settings.caFile } : {}),
    ...(metrics || onVspcRequest
      ? {
          onRequest: (info: { operation: string; status: number; durationMs: number }) => {
            metrics?.vspcRequests.observe(
              { operation: info.operation, status: String(info.status) },
              info.durationMs / 1000,
            );
            onVspcRequest?.(info.status);
          },
        }
      : {}),
  };
  if (isInsecureHttp(settings.url)) {
    options.logger.warn(
      { url: settings.url },
      'VSPC_URL uses plain http:// to a host that is not loopback: traffic is not encrypted',
    );
  }
  return settings.api === 'v2' ? createV2Backend(clientOptions) : createV3Backend(clientOptions);
}

function isInsecureHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

export interface ServicesOptions {
  logger: Logger;
  clock?: Clock;
  metrics?: Metrics;
  /** Every VSPC request's status (0: no answer), e.g. for readiness. */
  onVspcRequest?: (status: number) => void;
  /** Members of a Slack user group; without Slack (CLI) groups cannot be resolved and count as "no". */
  groupMembers?: (groupId: string) => Promise<string[]>;
  /** chat.postMessage for the digest; without it the digest can be previewed but not posted. */
  postMessage?: PostMessage;
  /** Updates the card of an action nobody clicked (expiry, recovery). */
  presenterFor?: (action: PendingAction) => Presenter | null;
  /** Use this backend instead of building one from VSPC_URL (demo, tests). */
  backend?: LicensingBackend;
  /** Use this store instead of opening DATABASE_URL. */
  store?: Store;
}

export interface Services {
  config: AppConfig;
  logger: Logger;
  clock: Clock;
  store: Store;
  /** Audit entries the database could not take yet; the sweeper's round flushes them. */
  auditBacklog: AuditBacklog;
  backend: LicensingBackend;
  inventory: Inventory;
  access: Access;
  approvals: ApprovalService;
  /** Every change of a pending action, for the App Home and the notifications. */
  events: ActionEvents;
  digest: DigestRunner;
  insight: InsightService;
  /** Draws `trend`'s chart (Slack uploads it, `exec … --png FILE` writes it); one per process, so a missing renderer is logged once. */
  charts: RenderTrendChart;
  /** The context a command runs in for this user and channel. */
  contextFor(userId: string, channelId: string | null): CommandContext;
  close(): Promise<void>;
}

const noSlack = async (): Promise<never> => {
  throw new Error('Slack is not connected, so user groups cannot be resolved here');
};

export async function createServices(config: AppConfig, options: ServicesOptions): Promise<Services> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  let backend = options.backend;
  if (!backend) {
    if (!config.vspc) throw new Error('VSPC is not configured (VSPC_URL and credentials)');
    backend = createBackend(config.vspc, {
      logger,
      ...(options.metrics ? { metrics: options.metrics } : {}),
      ...(options.onVspcRequest ? { onVspcRequest: options.onVspcRequest } : {}),
    });
  }
  // Every audit writer (commands, approvals, digest) goes through the backlog: an outage loses no entry.
  const { store, backlog: auditBacklog } = withAuditBacklog(options.store ?? (await createStore(config.databaseUrl)), {
    logger,
  });
  const inventory = createInventory(backend, { clock });
  const access = createAccess(config.roles, { groupMembers: options.groupMembers ?? noSlack, clock });
  const events = createActionEvents(logger);
  const approvals = createApprovalService({
    events,
    store,
    backend,
    access,
    clock,
    ttlMinutes: config.approvalTtlMinutes,
    logger,
    inventory,
    ...(options.presenterFor ? { presenterFor: options.presenterFor } : {}),
    ...(config.vspc ? { vspcUrl: config.vspc.url } : {}),
  });
  const insight = createInsightService({
    backend,
    kept: keptMonthsIn(store, clock, logger),
    clock,
    timeZone: config.digest.timeZone,
    thresholds: config.usageAlerts,
    concurrency: config.vspc?.pageConcurrency ?? DEFAULT_CONCURRENCY,
    logger,
  });
  const { metrics } = options;
  const digest = createDigestService({
    backend,
    inventory,
    insight,
    store,
    post:
      options.postMessage ??
      (async () => {
        throw new Error('Slack is not connected: the digest can be previewed (digest) but not posted');
      }),
    settings: config.digest,
    clock,
    logger,
    ...(metrics ? { onRun: (outcome: RunOutcome) => metrics.digestRuns.inc({ outcome }) } : {}),
    // Two bots in one process (tests) or a reused pid after a restart must not share an identity.
    instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  });
  const services: Services = {
    config,
    logger,
    clock,
    store,
    auditBacklog,
    backend,
    inventory,
    access,
    approvals,
    events,
    digest,
    insight,
    charts: createTrendChartRenderer({ log: logger }),
    contextFor(userId, channelId) {
      return {
        userId,
        channelId,
        backend: services.backend,
        inventory,
        access,
        approvals,
        store,
        digest,
        insight,
        clock,
        timeZone: config.digest.timeZone,
        logger,
      };
    },
    async close() {
      await digest.stop();
      // Kept months are written after the trend answered: into the store before it closes.
      await insight.settled();
      await backend.close();
      await store.close();
    },
  };
  return services;
}
