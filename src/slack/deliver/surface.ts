/** Where a reply goes: the request it answers (a slash command or a click) and its Slack handles. */
import type { RespondFn, webApi } from '@slack/bolt';
import type { RenderTrendChart } from '../../insight/chart/types.js';
import type { Logger } from '../../log.js';
import type { RenderContext } from '../render/render-context.js';

export type WebClient = webApi.WebClient;

export interface Surface {
  client: WebClient;
  respond: RespondFn;
  userId: string;
  channelId: string | null;
  /** For opening the install modal (valid for 3 s after the request arrived). */
  triggerId: string | null;
  responseUrl: string | null;
  /** A click on a message this reply supersedes (Next page, a picker): replace that message. */
  replaceOriginal: boolean;
  /** The placeholder modal opened before a `license install` ran; the answer replaces it. */
  loadingViewId?: string | null;
}

export interface DeliveryServices {
  logger: Logger;
  /** Draws `trend`'s chart; without it (or when it cannot draw) the table is answered alone. */
  renderChart?: RenderTrendChart;
  onCardPosted?(actionId: string, channel: string | null, ts: string | null, responseUrl: string | null): Promise<void>;
}

export interface Delivery {
  surface: Surface;
  render: RenderContext;
  services: DeliveryServices;
}

/** Slack's error code of a failed Web API call (`not_in_channel`), or null for other failures. */
export function slackErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === 'string' ? data.error : null;
}

/** Errors that mean "the bot cannot post in this conversation". */
export const CANNOT_POST = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);
