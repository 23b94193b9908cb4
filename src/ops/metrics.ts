/**
 * Prometheus metrics (prom-client), served at GET /metrics. One registry per app instance, never
 * the global one, so tests can run several apps in one process.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  commands: Counter<'command' | 'outcome'>;
  vspcRequests: Histogram<'operation' | 'status'>;
  pendingActions: Gauge<'state'>;
  digestRuns: Counter<'outcome'>;
  slackApiErrors: Counter<'method' | 'error'>;
}

export interface MetricsOptions {
  /** Counts of pending actions by state, read when /metrics is scraped. */
  actionStates?: () => Promise<Record<string, number>>;
  defaultMetrics?: boolean;
}

export function createMetrics(options: MetricsOptions = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'vspc_bot_' });
  const actionStates = options.actionStates;
  return {
    registry,
    commands: new Counter({
      name: 'vspc_bot_commands_total',
      help: 'Commands run, by command name and outcome (ok, error, usage_error, refused)',
      labelNames: ['command', 'outcome'],
      registers: [registry],
    }),
    vspcRequests: new Histogram({
      name: 'vspc_bot_vspc_request_duration_seconds',
      help: 'VSPC REST requests, by operation and HTTP status (0 = no response)',
      labelNames: ['operation', 'status'],
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    pendingActions: new Gauge({
      name: 'vspc_bot_pending_actions',
      help: 'Pending actions in the store, by state',
      labelNames: ['state'],
      registers: [registry],
      async collect() {
        if (!actionStates) return;
        this.reset();
        for (const [state, count] of Object.entries(await actionStates())) this.set({ state }, count);
      },
    }),
    digestRuns: new Counter({
      name: 'vspc_bot_digest_runs_total',
      help: 'Digest runs, by outcome (posted, empty, skipped, failed)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    slackApiErrors: new Counter({
      name: 'vspc_bot_slack_api_errors_total',
      help: 'Slack Web API calls that failed, by method and error code',
      labelNames: ['method', 'error'],
      registers: [registry],
    }),
  };
}
