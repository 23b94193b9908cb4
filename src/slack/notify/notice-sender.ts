/**
 * How approval notices reach people in Slack. Deciders are asked in the card's thread (a reply that
 * mentions them, so Slack notifies each) or, with APPROVAL_NOTIFY=dm or a card without a ts, by a
 * direct message each; the requester always by DM. A DM is `chat.postMessage` with the user id as
 * channel: Slack posts it to the app's Messages tab with `chat:write` alone (no `conversations.open`,
 * so no `im:write`). Every message links to the card (the team's URL from auth.test).
 */
import { describeOperation, operationTitle } from '../../approvals/describe.js';
import type { Notice, NoticeSender } from '../../approvals/notify/notifications.js';
import type { PendingAction } from '../../store/types.js';
import { slackDate } from '../render/action-card.js';
import { cardUrl } from '../render/card-link.js';
import { escapeMrkdwn, escapeValue, LIMITS, truncate, userMentionMarkup } from '../render/limits.js';
import type { RenderContext } from '../render/render-context.js';

/** A thread reply mentions at most this many people; a bigger group is told by its first ones. */
const MAX_MENTIONS = 100;

export interface NoticeClient {
  chat: { postMessage(args: { channel: string; text: string; thread_ts?: string }): Promise<unknown> };
}

export interface NoticeSenderDeps {
  client: () => NoticeClient;
  /** The team's URL for card links; undefined falls back to slack.com. */
  workspaceUrl: () => Promise<string | undefined>;
  teamTimeZone: string;
  clock: () => Date;
}

export function slackNoticeSender(deps: NoticeSenderDeps): NoticeSender {
  return {
    async send(notice, mode) {
      const ctx: RenderContext = {
        userTimeZone: deps.teamTimeZone,
        teamTimeZone: deps.teamTimeZone,
        now: deps.clock(),
        workspaceUrl: await deps.workspaceUrl(),
      };
      const client = deps.client();
      const { action } = notice;
      if (notice.kind === 'ended') {
        for (const userId of notice.people)
          await client.chat.postMessage({ channel: userId, text: endedText(action, ctx) });
        return;
      }
      const text = askText(notice, ctx);
      if (mode === 'thread' && action.channel && action.messageTs) {
        const people = notice.people.slice(0, MAX_MENTIONS).map(userMentionMarkup).join(' ');
        await client.chat.postMessage({
          channel: action.channel,
          thread_ts: action.messageTs,
          text: truncate(`${people} ${text}`, LIMITS.fallbackText),
        });
        return;
      }
      const link = cardLink(action, ctx);
      for (const userId of notice.people) {
        await client.chat.postMessage({ channel: userId, text: truncate(`${text}${link}`, LIMITS.fallbackText) });
      }
    },
  };
}

function askText(notice: Notice, ctx: RenderContext): string {
  const { action } = notice;
  const title = operationTitle(action.operation);
  const what = escapeValue(truncate(describeOperation(action.operation, action.targetLabel), 600));
  const lead =
    notice.kind === 'remind' ? ':alarm_clock: Reminder: still waiting for a decision' : 'Your decision is needed';
  return (
    `${lead} — *${escapeMrkdwn(title)}*: ${what}. Asked by ${userMentionMarkup(action.requestedBy)}; expires ` +
    `${slackDate(action.expiresAt, ctx)}. Confirm or cancel on the card, or in the app's Home tab.`
  );
}

function endedText(action: PendingAction, ctx: RenderContext): string {
  const title = escapeMrkdwn(operationTitle(action.operation));
  const outcome = action.outcome ? `: ${escapeValue(truncate(action.outcome, 1500))}` : '';
  const words: Record<string, string> = {
    succeeded: 'is done',
    failed: 'failed',
    cancelled: 'was cancelled',
    expired: 'expired',
    unknown: 'ended with an unknown outcome',
  };
  return truncate(
    `Your request *${title}* ${words[action.status] ?? action.status}${outcome}${cardLink(action, ctx)}`,
    LIMITS.fallbackText,
  );
}

function cardLink(action: PendingAction, ctx: RenderContext): string {
  const url = cardUrl(action, ctx);
  return url ? ` <${url}|Open the card>` : '';
}
