/**
 * The Slack app: Bolt wiring only. HTTP mode (all Slack traffic at `POST /slack/events`, plus
 * `/healthz` and `/readyz` on the same port) or Socket Mode when an app token is given. Listeners
 * live in `listeners/`, renderers in `render/`; this file builds and starts them.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HTTPReceiver as BoltHttpReceiver, Receiver } from '@slack/bolt';
import { runCommand as defaultRunCommand } from '../commands/run.js';
import { systemClock } from '../licenses/expiry.js';
import { boltLogger } from './bolt-logger.js';
import { App, HTTPReceiver, SocketModeReceiver } from './bolt-parts.js';
import { countingFetch } from './counting-fetch.js';
import type { SlackAppDeps, SlackRetryConfig } from './deps.js';
import { gateWhileDraining } from './drain-gate.js';
import { errorHandler } from './error-handler.js';
import { healthRoutes } from './health-routes.js';
import { createHealthServer } from './health-server.js';
import type { HomePublisher } from './home/publisher.js';
import { registerHome } from './home/register-home.js';
import { registerListeners } from './listeners/index.js';
import { createRecentCommands } from './recent-commands.js';
import { noteArrival } from './turns.js';
import { createUserTimeZones } from './user-time-zones.js';
import { createWorkspaceUrl, type WorkspaceUrl } from './workspace-url.js';

export const EVENTS_PATH = '/slack/events';

/**
 * The WebClient's default retries for about 30 minutes; a chat message that late is worse than an
 * error in the log. Four tries within about ten seconds (429s still wait for Retry-After).
 */
export const DEFAULT_RETRY_CONFIG: SlackRetryConfig = {
  retries: 3,
  factor: 2,
  minTimeout: 500,
  maxTimeout: 5000,
  randomize: true,
};

export interface SlackApp {
  app: InstanceType<typeof App>;
  /** The App Home publisher, when the Home tab is on. */
  home: HomePublisher | undefined;
  /** The team's URL (auth.test, asked once) for links to cards. */
  workspaceUrl: WorkspaceUrl;
  /** Listens (HTTP mode: Slack traffic and health; Socket Mode: health only) and connects; resolves with the port. */
  start(port: number, host?: string): Promise<{ port: number }>;
  /**
   * Stops taking Slack traffic but keeps answering health probes (`/readyz` 503 "draining"): Socket
   * Mode disconnects, HTTP answers Slack 503. `stop()` then closes the listener.
   */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** The bot token was refused at start (`auth.test`), or Socket Mode could not connect. */
export class SlackStartError extends Error {
  override readonly name = 'SlackStartError';
}

export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const logger = deps.logger.child({ component: 'slack' });
  let draining = false;
  const isDraining = () => draining;
  const routes = [...healthRoutes(deps.ready, logger, isDraining), ...(deps.extraRoutes ?? [])];
  const clientOptions = {
    slackApiUrl: deps.apiUrl,
    retryConfig: { ...(deps.retryConfig ?? DEFAULT_RETRY_CONFIG) },
    ...(deps.onSlackApiError ? { fetch: countingFetch(deps.onSlackApiError) } : {}),
  };
  const bolt = boltLogger(logger);
  const socketMode = Boolean(deps.appToken);

  let receiver: Receiver;
  let httpReceiver: BoltHttpReceiver | undefined;
  if (deps.appToken) {
    const socketReceiver = new SocketModeReceiver({
      appToken: deps.appToken,
      logger: bolt,
      installerOptions: { clientOptions },
    });
    // A reconnect under way when the drain began (Slack refreshes each connection every few hours)
    // still opens its new socket afterwards: close that one at once, so nothing new is taken.
    socketReceiver.client.on('connected', () => {
      if (!draining) return;
      logger.info('Socket Mode reconnected while draining; disconnecting again');
      void socketReceiver.client.disconnect();
    });
    // Work queued after earlier acks gives way while events keep arriving (turns.ts).
    socketReceiver.client.on('slack_event', noteArrival);
    receiver = socketReceiver;
  } else {
    if (!deps.signingSecret)
      throw new SlackStartError('SLACK_SIGNING_SECRET is needed in HTTP mode (without SLACK_APP_TOKEN)');
    httpReceiver = new HTTPReceiver({
      signingSecret: deps.signingSecret,
      endpoints: [EVENTS_PATH],
      customRoutes: routes,
      // Ack answers the HTTP request at once; the listener goes on after it.
      processBeforeResponse: false,
      logger: bolt,
    });
    receiver = httpReceiver;
  }

  // With both ids known there is no auth.test at all; otherwise it runs once, in `start()`.
  const idsKnown = deps.botId !== undefined && deps.botUserId !== undefined;
  const app = new App({
    token: deps.botToken,
    receiver,
    ...(deps.botId !== undefined ? { botId: deps.botId } : {}),
    ...(deps.botUserId !== undefined ? { botUserId: deps.botUserId } : {}),
    tokenVerificationEnabled: !idsKnown,
    deferInitialization: true,
    // Bolt's default conversation store looks every request's channel up in memory before the
    // listener runs and, finding nothing, builds an Error with a stack trace: work before each ack
    // for state the bot never keeps (no listener reads `context.conversation`).
    convoStore: false,
    clientOptions,
    logger: bolt,
    extendedErrorHandler: true,
  });
  app.error(errorHandler(logger));

  const clock = deps.clock ?? systemClock;
  const workspaceUrl = createWorkspaceUrl();
  const home = deps.home
    ? registerHome(deps.home, {
        app,
        logger,
        commandContextFor: deps.commandContextFor,
        workspaceUrl,
        ...(deps.track ? { track: deps.track } : {}),
      })
    : undefined;
  // A click from the Home tab has no message to answer on: a refusal shows on the tab instead.
  const approvalListeners =
    deps.approvalListeners && home
      ? { ...deps.approvalListeners, tellInHome: (userId: string, text: string) => home.refresh(userId, text) }
      : deps.approvalListeners;
  registerListeners(app, {
    logger,
    apiUrl: deps.apiUrl,
    runCommand: deps.runCommand ?? defaultRunCommand,
    ...(deps.track ? { track: deps.track } : {}),
    commandContextFor: deps.commandContextFor,
    timeZones: createUserTimeZones({
      clock,
      ...(deps.timeZoneTtlMs !== undefined ? { ttlMs: deps.timeZoneTtlMs } : {}),
    }),
    recent: createRecentCommands(clock),
    workspaceUrl,
    ...(deps.onCardPosted ? { onCardPosted: deps.onCardPosted } : {}),
    ...(deps.renderChart ? { renderChart: deps.renderChart } : {}),
    approvalListeners,
    installListener: deps.installListener,
  });
  deps.registerExtra?.(app);

  let server: Server | undefined;
  let socketClosed = false;

  async function initialize(): Promise<void> {
    try {
      await app.init();
    } catch (error) {
      const code = (error as { data?: { error?: unknown } }).data?.error;
      throw new SlackStartError(
        `Slack did not accept SLACK_BOT_TOKEN (auth.test: ${typeof code === 'string' ? code : error instanceof Error ? error.message : 'failed'})`,
      );
    }
  }

  function listen(target: Server, port: number, host: string | undefined): Promise<number> {
    return new Promise((resolve, reject) => {
      target.once('error', reject);
      target.listen({ port, ...(host ? { host } : {}) }, () => resolve((target.address() as AddressInfo).port));
    });
  }

  return {
    app,
    home,
    workspaceUrl,
    async start(port, host) {
      await initialize();
      if (httpReceiver) {
        server = await httpReceiver.start({ port, ...(host ? { host } : {}) });
        gateWhileDraining(server, isDraining, ['/healthz', '/readyz', '/metrics']);
        // Work queued after earlier acks gives way while requests keep arriving (turns.ts).
        server.on('request', noteArrival);
        const actual = (server.address() as AddressInfo).port;
        logger.info({ port: actual, mode: 'http' }, 'Slack app listening');
        return { port: actual };
      }
      server = createHealthServer(routes);
      const actual = await listen(server, port, host);
      try {
        await app.start();
      } catch (error) {
        await new Promise<void>((resolve) => server?.close(() => resolve()));
        throw new SlackStartError(
          `Socket Mode could not connect: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      logger.info({ port: actual, mode: 'socket' }, 'Slack app connected over Socket Mode');
      return { port: actual };
    },
    async drain() {
      draining = true;
      if (socketMode && server && !socketClosed) {
        socketClosed = true;
        await app.stop().catch((error: unknown) => logger.warn({ err: String(error) }, 'Socket Mode stop failed'));
      }
    },
    async stop() {
      draining = true;
      const current = server;
      server = undefined;
      if (!current) return;
      current.closeIdleConnections();
      if (socketMode) {
        if (!socketClosed) {
          socketClosed = true;
          await app.stop().catch((error: unknown) => logger.warn({ err: String(error) }, 'Socket Mode stop failed'));
        }
        await new Promise<void>((resolve) => current.close(() => resolve()));
      } else {
        const closed = httpReceiver?.stop();
        // Keep-alive connections would hold the close open; in-flight answers were already written.
        current.closeAllConnections();
        await closed;
      }
    },
  };
}
