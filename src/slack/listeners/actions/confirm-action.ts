/**
 * The Confirm button of an approval card (`confirm_action`, value = the action id). Acks at once;
 * the approval service decides (one compare-and-set, DESIGN §2.3). A refusal is an ephemeral
 * reason for the clicker only; the winner's card is replaced, first by "executing", then by the
 * outcome: with chat.update when the card was posted with chat.postMessage, else through the
 * click's response_url (which, unlike a slash command's, can replace the message it came from).
 */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { ApprovalService, ClickResult, Presenter } from '../../../approvals/types.js';
import { type Clock, systemClock } from '../../../licenses/expiry.js';
import type { Logger } from '../../../log.js';
import { escapeMrkdwn } from '../../../mrkdwn.js';
import type { PendingAction } from '../../../store/types.js';
import { storeUnavailable } from '../../../store/unavailable.js';
import { CONFIRM_ACTION_ID, renderActionCard } from '../../render/action-card.js';
import type { KnownBlock } from '../../render/block-kit.js';
import type { RenderContext } from '../../render/render-context.js';

export interface ApprovalListenerDeps {
  approvals: Pick<ApprovalService, 'confirm' | 'cancel'>;
  logger: Logger;
  /** DIGEST_TIMEZONE: fallback for the dates on the card (Slack shows each reader their own zone). */
  teamTimeZone: string;
  clock?: Clock;
  /** Shows why a click from the App Home did nothing, on that Home (it has no message to answer on). */
  tellInHome?(userId: string, text: string): Promise<void>;
}

/** The part of Slack's WebClient the approval listeners use (a listener's `client` satisfies it). */
export interface CardClient {
  chat: {
    update(args: { channel: string; ts: string; text: string; blocks: KnownBlock[] }): Promise<unknown>;
    postEphemeral(args: { channel: string; user: string; text: string }): Promise<unknown>;
  };
}

export interface ApprovalClick {
  actionId: string;
  userId: string;
  /** Where the clicked message is, for an ephemeral answer when response_url fails. */
  channelId: string | null;
  client: CardClient;
  /** Absent for a click in the App Home: Slack sends no response_url for a view. */
  respond: RespondFn | undefined;
  /** The click came from the App Home, not from the card in the channel. */
  fromHome: boolean;
}

export function register(app: App, deps: ApprovalListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(CONFIRM_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    await handleApprovalClick('confirm', clickOf(body, action, client, respond), deps);
  });
}

export function clickOf(
  body: BlockAction<ButtonAction>,
  action: ButtonAction,
  client: CardClient,
  respond: RespondFn | undefined,
): ApprovalClick {
  return {
    actionId: action.value ?? '',
    userId: body.user.id,
    channelId: body.channel?.id ?? body.container?.channel_id ?? null,
    client,
    respond: body.response_url ? respond : undefined,
    fromHome: body.container?.type === 'view',
  };
}

/** Runs a Confirm or Cancel click through the approval service; never throws. */
export async function handleApprovalClick(
  kind: 'confirm' | 'cancel',
  click: ApprovalClick,
  deps: ApprovalListenerDeps,
): Promise<ClickResult | null> {
  const presenter = clickPresenter(click, deps);
  try {
    const result = await deps.approvals[kind](click.actionId, click.userId, presenter);
    if (!result.ok) await tellClicker(click, result.reason, deps);
    return result;
  } catch (error) {
    deps.logger.error({ err: error, actionId: click.actionId, kind }, 'approval click failed');
    await tellClicker(
      click,
      storeUnavailable(error)
        ? 'The bot’s database is not available right now, so this click could not be handled; it was logged. Check the card once the database is back, and try again if it still waits.'
        : 'Something went wrong while handling this click; it was logged. Check the card before trying again.',
      deps,
    );
    return null;
  }
}

/**
 * Replaces the action's card: chat.update where it was posted (also for a click in the App Home,
 * which is not on the card), else the click's response_url.
 */
export function clickPresenter(
  click: Pick<ApprovalClick, 'client' | 'respond'>,
  deps: ApprovalListenerDeps,
): Presenter {
  const show = async (action: PendingAction) => {
    const message = renderActionCard(action, renderContext(deps));
    if (action.channel && action.messageTs) {
      try {
        await click.client.chat.update({ channel: action.channel, ts: action.messageTs, ...message });
        return;
      } catch (error) {
        deps.logger.warn(
          { err: error, actionId: action.id },
          'chat.update of the card failed; replacing it through response_url',
        );
      }
    }
    if (!click.respond) {
      deps.logger.warn(
        { actionId: action.id },
        'the card was not posted by the bot; only a click on it can replace it',
      );
      return;
    }
    await click.respond({ replace_original: true, text: message.text, blocks: message.blocks });
  };
  return { executing: show, finished: show };
}

/**
 * For the expiry sweeper and recovery (`presenterFor` of the approval service): no click, so only a
 * card posted with chat.postMessage can be replaced. A card that went through a slash command's
 * response_url cannot be replaced at all; a later click on it says what became of the action.
 */
export function cardPresenterFor(client: Pick<CardClient, 'chat'>, deps: Omit<ApprovalListenerDeps, 'approvals'>) {
  return (action: PendingAction): Presenter | null => {
    const { channel, messageTs } = action;
    if (!channel || !messageTs) return null;
    const show = async (current: PendingAction) => {
      const message = renderActionCard(current, renderContext(deps));
      await client.chat.update({ channel, ts: messageTs, ...message });
    };
    return { executing: show, finished: show };
  };
}

function renderContext(deps: Pick<ApprovalListenerDeps, 'teamTimeZone' | 'clock'>): RenderContext {
  return { userTimeZone: deps.teamTimeZone, teamTimeZone: deps.teamTimeZone, now: (deps.clock ?? systemClock)() };
}

/** An ephemeral answer for the clicker only (on their Home for a click there); the card stays as it is. */
async function tellClicker(click: ApprovalClick, reason: string, deps: ApprovalListenerDeps): Promise<void> {
  const { logger } = deps;
  // Reasons are the bot's words, but may quote a target label from VSPC: escaped whole (the Home escapes its notice itself).
  const text = escapeMrkdwn(reason);
  if (click.fromHome && deps.tellInHome) {
    await deps
      .tellInHome(click.userId, reason)
      .catch((error: unknown) => logger.warn({ err: error }, 'no Home notice'));
    return;
  }
  try {
    if (click.respond) {
      await click.respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
  } catch (error) {
    logger.warn({ err: error }, 'response_url refused the ephemeral answer; trying chat.postEphemeral');
  }
  if (!click.channelId) return;
  try {
    await click.client.chat.postEphemeral({ channel: click.channelId, user: click.userId, text });
  } catch (error) {
    logger.warn({ err: error }, 'could not tell the clicker why nothing happened');
  }
}
