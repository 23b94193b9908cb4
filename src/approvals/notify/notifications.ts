/**
 * Who is told what about an action, and that each is told once (issue 13): the people who may
 * decide, when its card is posted (APPROVAL_NOTIFY: in the card's thread, by DM, or off); the same
 * people once more at half its time to live if it still waits; the requester, by DM, when it ended
 * (done, failed, cancelled, expired, outcome unknown). Every notice is claimed in the store before it
 * is sent, so replicas and restarts never send one twice; the sweeper's round sends the reminders
 * (with the injectable clock) and catches up on a card notice or a requester's DM a crash left unsent. How a notice
 * reaches Slack is the sender's business (`src/slack/notify/`).
 */
import type { Clock } from '../../licenses/expiry.js';
import type { Logger } from '../../log.js';
import type { NotificationKind, NotificationOutcome } from '../../store/notification-claims.js';
import type { PendingAction, Store } from '../../store/types.js';
import type { Deciders } from '../deciders.js';
import type { ActionEvent } from '../events.js';
import { CLI_USER } from '../roles.js';

export type NotifyMode = 'thread' | 'dm' | 'off';

export interface Notice {
  kind: NotificationKind;
  action: PendingAction;
  /** Slack user ids to tell (for `ended`: the requester). */
  people: string[];
}

export interface NoticeSender {
  /** `thread` falls back to DMs when the card has no ts (it went through a response_url). */
  send(notice: Notice, mode: 'thread' | 'dm'): Promise<void>;
}

export interface ApprovalNotifications {
  /** Subscribe this to the approval events. */
  onEvent(event: ActionEvent): Promise<void>;
  /** Sends what is due at `now` (reminders; card notices and requesters' DMs left unsent); returns how many went out. */
  sweep(now: Date): Promise<number>;
}

export interface NotificationDeps {
  store: Store;
  deciders: Deciders;
  sender: NoticeSender;
  mode: NotifyMode;
  clock: Clock;
  logger: Logger;
  /** Names this process in the claims. */
  instanceId: string;
}

const ENDED_STATUSES = ['succeeded', 'failed', 'cancelled', 'expired', 'unknown'] as const;
const ENDED = new Set<string>(ENDED_STATUSES);
/**
 * How far back a round looks for ended actions whose requester was not told (a crash between the end
 * and the DM, or Slack refusing it): long enough for a restart, short enough that a first start after
 * an upgrade does not tell people about old actions. The newest CATCH_UP_LIMIT ended actions are read.
 */
const CATCH_UP_WINDOW_MS = 60 * 60_000;
const CATCH_UP_LIMIT = 50;

export function createApprovalNotifications(deps: NotificationDeps): ApprovalNotifications {
  const { store, logger } = deps;

  /** Claims the notice, sends it, records how it went. True when this call sent it. */
  async function deliver(
    kind: NotificationKind,
    action: PendingAction,
    who: (current: PendingAction) => Promise<string[] | null>,
  ): Promise<boolean> {
    const claimed = await store.claimNotification({
      actionId: action.id,
      kind,
      claimedBy: deps.instanceId,
      now: deps.clock(),
    });
    if (!claimed) return false;
    let outcome: NotificationOutcome = 'sent';
    try {
      const current = kind === 'ended' ? action : ((await store.getAction(action.id)) ?? action);
      const people = await who(current);
      if (!people || people.length === 0) outcome = 'skipped';
      else await deps.sender.send({ kind, action: current, people }, deps.mode === 'dm' ? 'dm' : 'thread');
    } catch (error) {
      outcome = 'failed';
      logger.warn({ err: error, actionId: action.id, kind }, 'could not send a notification; it is tried again later');
    }
    await store
      .finishNotification(action.id, kind, outcome)
      .catch((error: unknown) => logger.warn({ err: error, actionId: action.id, kind }, 'could not record a notice'));
    return outcome === 'sent';
  }

  /** The deciders of a still waiting action, without the requester (who just asked). */
  const decidersOf = async (current: PendingAction): Promise<string[] | null> => {
    if (current.status !== 'pending' || current.expiresAt.getTime() <= deps.clock().getTime()) return null;
    return (await deps.deciders.of(current)).filter((id) => id !== current.requestedBy);
  };
  const cardKnown = (action: PendingAction) => Boolean(action.messageTs || action.responseUrl);

  return {
    async onEvent({ stage, action }) {
      if (stage === 'card' && deps.mode !== 'off' && action.status === 'pending' && cardKnown(action)) {
        await deliver('decide', action, decidersOf);
      }
      if (stage === 'finished' && ENDED.has(action.status) && action.requestedBy !== CLI_USER) {
        await deliver('ended', action, async () => [action.requestedBy]);
      }
    },

    async sweep(now) {
      let sent = 0;
      // The requester's DM that a crash or a refusal left unsent; the claim makes this a no-op when it went out.
      for (const action of await store.listActions({ status: [...ENDED_STATUSES], limit: CATCH_UP_LIMIT })) {
        const finished = action.finishedAt?.getTime();
        if (finished === undefined || now.getTime() - finished > CATCH_UP_WINDOW_MS) continue;
        if (action.requestedBy === CLI_USER) continue;
        if (await deliver('ended', action, async () => [action.requestedBy])) sent++;
      }
      if (deps.mode === 'off') return sent;
      for (const action of await store.listActions({ status: ['pending'] })) {
        if (action.expiresAt.getTime() <= now.getTime() || !cardKnown(action)) continue;
        // A card whose notice a crash left unsent; the claim makes this a no-op when it went out.
        if (await deliver('decide', action, decidersOf)) sent++;
        const halfway = action.createdAt.getTime() + (action.expiresAt.getTime() - action.createdAt.getTime()) / 2;
        if (now.getTime() >= halfway && (await deliver('remind', action, decidersOf))) sent++;
      }
      return sent;
    },
  };
}
