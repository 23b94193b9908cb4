/** The picker's select (more than five matches): the chosen option's value is the command text. */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, StaticSelectAction } from '@slack/bolt';
import { type ClickServices, runClickedCommand } from './run-clicked-command.js';

export function runCommandSelectCallback(services: ClickServices) {
  return async ({
    ack,
    action,
    body,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs) => {
    await ack();
    const value = action.selected_option?.value;
    await runClickedCommand({ body, blockId: action.block_id, value, respond, client }, services);
  };
}
