/**
 * The composition root of the running bot: config → store → VSPC → services → Slack app → timers.
 * `startBot` returns a handle whose `stop()` is the graceful shutdown: stop taking Slack requests,
 * stop the cron and the sweeper, let in-flight work finish (bounded), close VSPC and the store.
 */
import type { App } from '@slack/bolt';
import { createDeciders } from './approvals/deciders.js';
import type { ApprovalNotifications } from './approvals/notify/notifications.js';
import { startApprovalSweeper } from './approvals/sweeper.js';
import type { CommandContext } from './commands/context.js';
import { runCommand } from './commands/run.js';
import { createServices, type Services } from './compose.js';
import type { AppConfig } from './config.js';
import type { LicensingBackend } from './licenses/backend.js';
import { type Clock, systemClock } from './licenses/expiry.js';
import type { Logger } from './log.js';
import { InFlight } from './ops/in-flight.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { commandName, metricsRoute, outcomeOf } from './ops/metrics-route.js';
import { createReadiness } from './ops/readiness.js';
import { createSlackApp, type SlackApp } from './slack/app.js';
import type { SlackRetryConfig } from './slack/deps.js';
import { createTeamFacts } from './slack/home/team-facts.js';
import { cardPresenterFor } from './slack/listeners/actions/confirm-action.js';
import { startSlackNotifications } from './slack/notify/start-notifications.js';
import type { Store } from './store/types.js';

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
  host?: string;
  /** Tests: a backend or store built elsewhere. */
  backend?: LicensingBackend;
  store?: Store;
  slackRetryConfig?: SlackRetryConfig;
  /** How long shutdown waits for in-flight work (default 10 s). */
  drainTimeoutMs?: number;
  /** How long a VSPC answer keeps `/readyz` ready without asking VSPC again (default 30 s). */
  readyFreshMs?: number;
  /** How often pending actions are checked for expiry (default 30 s). */
  sweepIntervalMs?: number;
}

export interface RunningBot {
  port: number;
  services: Services;
  slack: SlackApp;
  metrics: Metrics;
  inFlight: InFlight;
  /** Approver notices and reminders (the sweeper sends reminders; tests may call `sweep`). */
  notifications: ApprovalNotifications;
  stop(): Promise<void>;
}

export async function startBot(config: AppConfig, options: StartOptions): Promise<RunningBot> {
  const { logger } = options;
  if (!config.slack) throw new Error('Slack is not configured (SLACK_BOT_TOKEN)');
  const slackConfig = config.slack;
  if (config.vspc?.tlsInsecure) {
    logger.warn(
      'VSPC_TLS_INSECURE=true: the VSPC certificate is NOT verified; anyone on the path can read the traffic',
    );
  }

  // The Slack app's client exists only once the app does; services reach it through this holder.
  let app: App | undefined;
  const client = () => {
    if (!app) throw new Error('the Slack app is not started');
    return app.client;
  };
  let services: Services | undefined;
  const groupMembers = async (usergroup: string) => (await client().usergroups.users.list({ usergroup })).users ?? [];
  const metrics = createMetrics({
    actionStates: async () => (services ? services.store.countActionsByStatus() : {}),
  });
  const teamTimeZone = config.digest.timeZone;
  const listenerDeps = { logger, teamTimeZone, ...(options.clock ? { clock: options.clock } : {}) };

  const readiness = createReadiness({
    pingStore: async () => (services ? services.store.ping() : false),
    pingVspc: async () => services?.backend.ping(),
    now: () => (options.clock ?? systemClock)().getTime(),
    ...(options.readyFreshMs !== undefined ? { freshMs: options.readyFreshMs } : {}),
  });
  services = await createServices(config, {
    logger,
    metrics,
    onVspcRequest: (status) => readiness.vspcAnswered(status),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.backend ? { backend: options.backend } : {}),
    ...(options.store ? { store: options.store } : {}),
    groupMembers: (usergroup) => groupMembers(usergroup),
    postMessage: async (args) => {
      const answer = await client().chat.postMessage(args);
      return { ts: String(answer.ts) };
    },
    presenterFor: (action) => cardPresenterFor(client(), listenerDeps)(action),
  });
  const ready = services;
  const inFlight = new InFlight();
  const countedRun = async (text: string, ctx: CommandContext) => {
    const envelope = await runCommand(text, ctx);
    metrics.commands.inc({ command: commandName(text), outcome: outcomeOf(envelope.reply) });
    return envelope;
  };

  const deciders = createDeciders(config.roles, { groupMembers, clock: ready.clock, logger });
  const slack = createSlackApp({
    home: {
      events: ready.events,
      deciders,
      teamFacts: createTeamFacts({
        backend: ready.backend,
        inventory: ready.inventory,
        store: ready.store,
        clock: ready.clock,
        timeZone: config.digest.timeZone,
        digest: config.digest.channels.length > 0 ? config.digest : null,
      }),
    },
    botToken: slackConfig.botToken,
    signingSecret: slackConfig.signingSecret,
    appToken: slackConfig.appToken,
    apiUrl: slackConfig.apiUrl,
    logger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.slackRetryConfig ? { retryConfig: options.slackRetryConfig } : {}),
    commandContextFor: (userId, channelId) => ready.contextFor(userId, channelId),
    ready: () => readiness.check(),
    onCardPosted: (actionId, channel, ts, responseUrl) =>
      ready.approvals.attachCard(actionId, channel, ts, responseUrl),
    runCommand: countedRun,
    renderChart: ready.charts,
    track: (work) => inFlight.track(work),
    // A confirmed write must finish (outcome and audit recorded) before shutdown closes the store.
    approvalListeners: {
      approvals: {
        confirm: (...args) => inFlight.track(ready.approvals.confirm(...args)),
        cancel: (...args) => inFlight.track(ready.approvals.cancel(...args)),
      },
      ...listenerDeps,
    },
    installListener: {
      approvals: ready.approvals,
      access: ready.access,
      store: ready.store,
      botToken: slackConfig.botToken,
      apiUrl: slackConfig.apiUrl,
      ...listenerDeps,
    },
    extraRoutes: [metricsRoute(metrics)],
    onSlackApiError: (method, error) => metrics.slackApiErrors.inc({ method, error }),
  });
  app = slack.app;
  const notifications = startSlackNotifications({
    store: ready.store,
    events: ready.events,
    deciders,
    mode: config.approvalNotify,
    clock: ready.clock,
    logger,
    teamTimeZone,
    client,
    workspaceUrl: slack.workspaceUrl,
  });

  const { port } = await slack.start(config.port, options.host ?? config.host);
  // Actions a crash left `executing` are settled through VSPC before anything else; never re-run.
  // The sweeper keeps asking VSPC about the ones still running, on every round.
  const recovery = await ready.approvals.recover().catch((error: unknown) => {
    logger.warn({ err: error }, 'recovery of executing actions failed; the sweeper tries again');
    return { resolved: 0, running: 0 };
  });
  if (recovery.resolved > 0) logger.info(recovery, 'recovered actions left executing by the last run');
  const sweeper = startApprovalSweeper(ready.approvals, {
    clock: ready.clock,
    logger,
    ...(options.sweepIntervalMs ? { intervalMs: options.sweepIntervalMs } : {}),
    notify: (now) => notifications.sweep(now),
    flushAudit: () => ready.auditBacklog.flush(),
  });
  await ready.digest.start();

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      logger.info('shutting down: no new Slack requests, waiting for work in flight');
      // Probes get 503 "draining" (not a refused connection) until the work in flight is done.
      await slack.drain();
      sweeper.stop();
      await ready.digest.stop();
      // Listeners of action changes (Home refreshes, notifications) finish like any other work.
      void inFlight.track(ready.events.idle());
      const drained = await inFlight.drain(options.drainTimeoutMs ?? 10_000);
      if (!drained) logger.warn({ running: inFlight.size }, 'shutdown timed out with work still running');
      await slack.stop();
      await ready.backend.close();
      await ready.store.close();
      logger.info('stopped');
    })();
    return stopping;
  };

  return { port, services: ready, slack, metrics, inFlight, notifications, stop };
}
