/**
 * `/vspc <text>`: acknowledged at once with an empty body (nothing is measured or looked up before
 * the ack but a memory check for redeliveries), then run and answered through the response_url.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { RecentCommands } from '../../recent-commands.js';
import { guardRespond } from '../../response-url-guard.js';
import { type CommandServices, runAndDeliver } from '../../run-and-deliver.js';

export interface VspcCommandServices extends CommandServices {
  recent: RecentCommands;
  apiUrl: string;
}

export function vspcCommandCallback(services: VspcCommandServices) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const first = services.recent.firstSighting({
      userId: command.user_id,
      channelId: command.channel_id,
      text: command.text,
      triggerId: command.trigger_id,
    });
    await ack();
    if (!first) {
      services.logger.info(
        { user: command.user_id, retryNum: context.retryNum ?? null, retryReason: context.retryReason ?? null },
        'repeated delivery of a slash command: acknowledged, not run again',
      );
      return;
    }
    await runAndDeliver(
      command.text,
      {
        client,
        respond: guardRespond(respond, command.response_url, services.apiUrl),
        userId: command.user_id,
        channelId: command.channel_id || null,
        triggerId: command.trigger_id || null,
        responseUrl: command.response_url || null,
        replaceOriginal: false,
      },
      services,
    );
  };
}
