/**
 * `vspc-license-bot digest [--post]`: today's digest built from VSPC, printed as text; with
 * `--post` sent to DIGEST_CHANNEL through Slack (and recorded as today's, like `/vspc digest now`).
 */

import { webApi } from '@slack/bolt';
import { createServices } from '../../compose.js';
import { digestToText } from '../../digest/render-text.js';
import { createLogger } from '../../log.js';
import { plainMentions } from '../../mention.js';
import { loadCliConfig } from '../load-cli-config.js';

export async function run(argv: string[]): Promise<number> {
  const post = argv.includes('--post');
  if (argv.some((arg) => arg !== '--post')) {
    console.error('usage: vspc-license-bot digest [--post]');
    return 2;
  }
  const config = loadCliConfig({ vspc: true, slack: post });
  if (!config) return 2;
  if (post && config.digest.channels.length === 0) {
    console.error('DIGEST_CHANNEL is empty: set the channel id(s) the digest goes to, e.g. DIGEST_CHANNEL=C0LICENSES');
    return 2;
  }
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const slack =
    post && config.slack ? new webApi.WebClient(config.slack.botToken, { slackApiUrl: config.slack.apiUrl }) : null;
  const services = await createServices(config, {
    logger,
    ...(slack
      ? {
          postMessage: async (args) => {
            const answer = await slack.chat.postMessage(args);
            return { ts: String(answer.ts) };
          },
        }
      : {}),
  });
  try {
    if (post) {
      console.log(plainMentions(await services.digest.postNow('cli')));
      return 0;
    }
    console.log(digestToText(await services.digest.preview()));
    return 0;
  } finally {
    await services.close();
  }
}
