/** Registers every listener, by Slack surface. */
import type { App } from '@slack/bolt';
import type { ApprovalListenerDeps } from './actions/confirm-action.js';
import { register as registerActions } from './actions/index.js';
import type { ClickServices } from './actions/run-clicked-command.js';
import { register as registerCommands } from './commands/index.js';
import type { VspcCommandServices } from './commands/vspc.js';
import { register as registerViews } from './views/index.js';
import type { InstallListenerDeps } from './views/install-license.js';

export interface ListenerServices extends VspcCommandServices, ClickServices {
  approvalListeners?: ApprovalListenerDeps | undefined;
  installListener?: InstallListenerDeps | undefined;
}

export function registerListeners(app: App, services: ListenerServices): void {
  registerCommands(app, services);
  registerActions(app, services, services.approvalListeners);
  const { installListener, track } = services;
  // The install's download, file, action and card go on after the ack, like any command's answer.
  registerViews(app, installListener && track ? { track, ...installListener } : installListener);
}
