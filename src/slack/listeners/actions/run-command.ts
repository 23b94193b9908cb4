/** Buttons `run_command` / `run_command:<n>`: the value is the command text. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type ClickServices, runClickedCommand } from './run-clicked-command.js';

export const RUN_COMMAND_ACTION = /^run_command(:.+)?$/;

export function runCommandCallback(services: ClickServices) {
  return async ({
    ack,
    action,
    body,
    respond,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    await runClickedCommand({ body, blockId: action.block_id, value: action.value, respond, client }, services);
  };
}
