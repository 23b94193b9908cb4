/**
 * The Cancel button of an approval card (`cancel_action`, value = the action id): the requester or
 * an approver ends the pending action; the card is replaced by "Cancelled by …". Everything else
 * (ack, refusals, card replacement) works as for Confirm.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { CANCEL_ACTION_ID } from '../../render/action-card.js';
import { type ApprovalListenerDeps, clickOf, handleApprovalClick } from './confirm-action.js';

export function register(app: App, deps: ApprovalListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(CANCEL_ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    await handleApprovalClick('cancel', clickOf(body, action, client, respond), deps);
  });
}
