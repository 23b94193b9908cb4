/** The Slack app: tokens, the signing secret, and which Web API to talk to. */
import { z } from 'zod';
import { defineArea } from './area.js';
import { httpUrl, optionalString } from './values.js';

export interface SlackSettings {
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string;
}

export const slackArea = defineArea({
  vars: {
    SLACK_BOT_TOKEN: {
      purpose: 'the bot token of the Slack app (OAuth & Permissions)',
      example: 'xoxb-…',
      secret: true,
    },
    SLACK_SIGNING_SECRET: {
      purpose: 'verifies that HTTP requests come from Slack (Basic Information → Signing Secret)',
      example: '8f14e45fceea167a5a36dedd4bea2543',
      secret: true,
    },
    SLACK_APP_TOKEN: {
      purpose: 'app-level token with connections:write; set it to use Socket Mode instead of HTTP',
      example: 'xapp-1-…',
      secret: true,
    },
    SLACK_API_URL: {
      purpose: 'Slack Web API base with its /api/ (GovSlack, or a local fake in tests)',
      example: 'https://slack.com/api/',
    },
  },
  schema: {
    SLACK_BOT_TOKEN: optionalString,
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
    SLACK_API_URL: optionalString
      .transform((v) => v ?? 'https://slack.com/api/')
      .pipe(httpUrl)
      .transform((v) => (v.endsWith('/') ? v : `${v}/`)),
  },
  settings(v, needs, report): { slack: SlackSettings | undefined } {
    if (needs.slack) {
      if (!v.SLACK_BOT_TOKEN) report('SLACK_BOT_TOKEN', 'is missing');
      if (!v.SLACK_APP_TOKEN && !v.SLACK_SIGNING_SECRET) {
        report('SLACK_SIGNING_SECRET', 'is missing (needed in HTTP mode, i.e. without SLACK_APP_TOKEN)');
      }
    }
    return {
      slack: v.SLACK_BOT_TOKEN
        ? {
            botToken: v.SLACK_BOT_TOKEN,
            signingSecret: v.SLACK_SIGNING_SECRET,
            appToken: v.SLACK_APP_TOKEN,
            apiUrl: v.SLACK_API_URL,
          }
        : undefined,
    };
  },
});
