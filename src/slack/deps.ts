/** What the Slack app needs from the rest of the product; `src/compose.ts` builds it. */
import type { App } from '@slack/bolt';
import type { CommandContext } from '../commands/context.js';
import type { ReplyEnvelope } from '../commands/reply.js';
import type { RenderTrendChart } from '../insight/chart/types.js';
import type { Clock } from '../licenses/expiry.js';
import type { Logger } from '../log.js';
import type { SlackApiErrorHook } from './counting-fetch.js';
import type { HealthRoute } from './health-routes.js';
import type { HomeDeps } from './home/register-home.js';
import type { ApprovalListenerDeps } from './listeners/actions/confirm-action.js';
import type { InstallListenerDeps } from './listeners/views/install-license.js';

export type RunCommand = (text: string, ctx: CommandContext) => Promise<ReplyEnvelope>;

/** The retry policy of Slack's WebClient (p-retry options); tests use `{ retries: 0 }`. */
export interface SlackRetryConfig {
  retries: number;
  factor?: number;
  minTimeout?: number;
  maxTimeout?: number;
  randomize?: boolean;
}

export interface SlackAppDeps {
  botToken: string;
  /** HTTP mode: verifies request signatures. Required unless `appToken` is set. */
  signingSecret?: string | undefined;
  /** Socket Mode when set (xapp-…). */
  appToken?: string | undefined;
  /** Web API base with its `/api/` (SLACK_API_URL). */
  apiUrl: string;
  /** Skip `auth.test` at start when both are known. */
  botId?: string;
  botUserId?: string;
  /** Default: `tenRetriesInAboutThirtyMinutes` is too long for anything here; see `app.ts`. */
  retryConfig?: SlackRetryConfig;
  logger: Logger;
  /** The command pipeline; default `runCommand` of `src/commands/run.ts` (never throws). */
  runCommand?: RunCommand;
  /** Builds the context a command runs in, for this user and channel. */
  commandContextFor(userId: string, channelId: string | null): CommandContext;
  /** Readiness: store open and VSPC answered. */
  ready(): Promise<boolean>;
  clock?: Clock;
  /** How long a user's time zone (users.info) is reused; default one hour. */
  timeZoneTtlMs?: number;
  /**
   * The approval card was posted: `ts` is null when it went through the command's `response_url`
   * (the bot could not post in the channel). The approvals module records where the card is.
   */
  onCardPosted?(actionId: string, channel: string | null, ts: string | null, responseUrl: string | null): Promise<void>;
  /** Draws `trend`'s chart for the upload; without it `trend` answers with the table alone. */
  renderChart?: RenderTrendChart;
  /** The approval card's Confirm/Cancel buttons; not registered when absent (read-only app). */
  approvalListeners?: ApprovalListenerDeps;
  /** The App Home tab; not registered when absent. */
  home?: HomeDeps;
  /** The install modal's submission; not registered when absent. */
  installListener?: InstallListenerDeps;
  /** Registers work that runs after an ack (graceful shutdown waits for it). */
  track?: <T>(work: Promise<T>) => Promise<T>;
  /** More HTTP routes on the app's port (e.g. GET /metrics). */
  extraRoutes?: HealthRoute[];
  /** Called for every failed Web API call (metrics). */
  onSlackApiError?: SlackApiErrorHook;
  /** Anything else to register on the app (metrics, more listeners). */
  registerExtra?(app: App): void;
}
