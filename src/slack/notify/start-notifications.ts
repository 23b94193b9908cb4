/**
 * The approval notices wired to Slack: the approvals' notification rules, told of every action change,
 * sending through the Slack notice sender. The sweeper calls `sweep` for the reminders.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Deciders } from '../../approvals/deciders.js';
import type { ActionEvents } from '../../approvals/events.js';
import {
  type ApprovalNotifications,
  createApprovalNotifications,
  type NotifyMode,
} from '../../approvals/notify/notifications.js';
import type { Clock } from '../../licenses/expiry.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/types.js';
import type { WorkspaceUrl } from '../workspace-url.js';
import { type NoticeClient, slackNoticeSender } from './notice-sender.js';

export interface SlackNotificationDeps {
  store: Store;
  events: ActionEvents;
  deciders: Deciders;
  mode: NotifyMode;
  clock: Clock;
  logger: Logger;
  teamTimeZone: string;
  /** The app's Web API client (it exists only once the app does). */
  client: () => NoticeClient & Parameters<WorkspaceUrl['of']>[0];
  workspaceUrl: WorkspaceUrl;
}

export function startSlackNotifications(deps: SlackNotificationDeps): ApprovalNotifications {
  const notifications = createApprovalNotifications({
    store: deps.store,
    deciders: deps.deciders,
    mode: deps.mode,
    clock: deps.clock,
    logger: deps.logger,
    instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    sender: slackNoticeSender({
      client: deps.client,
      workspaceUrl: () => deps.workspaceUrl.of(deps.client()),
      teamTimeZone: deps.teamTimeZone,
      clock: deps.clock,
    }),
  });
  deps.events.subscribe(notifications.onEvent);
  return notifications;
}
