import type { App, BlockAction, ButtonAction, StaticSelectAction } from '@slack/bolt';
import { PICKER_SELECT_ACTION_ID } from '../../render/picker.js';
import { register as registerCancelAction } from './cancel-action.js';
import { type ApprovalListenerDeps, register as registerConfirmAction } from './confirm-action.js';
import type { ClickServices } from './run-clicked-command.js';
import { RUN_COMMAND_ACTION, runCommandCallback } from './run-command.js';
import { runCommandSelectCallback } from './run-command-select.js';

export function register(app: App, services: ClickServices, approvals: ApprovalListenerDeps | undefined): void {
  app.action<BlockAction<ButtonAction>>(
    { type: 'block_actions', action_id: RUN_COMMAND_ACTION },
    runCommandCallback(services),
  );
  app.action<BlockAction<StaticSelectAction>>(
    { type: 'block_actions', action_id: PICKER_SELECT_ACTION_ID },
    runCommandSelectCallback(services),
  );
  if (approvals) {
    registerConfirmAction(app, approvals);
    registerCancelAction(app, approvals);
  }
}
