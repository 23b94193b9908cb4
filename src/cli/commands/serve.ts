/** `vspc-license-bot serve` (`npm start`): the Slack app until SIGTERM or SIGINT. */
import { configWarnings } from '../../config-warnings.js';
import { createLogger } from '../../log.js';
import { startBot } from '../../main.js';
import { loadCliConfig } from '../load-cli-config.js';
import { stopOnUnhandledRejection } from '../stop-on-unhandled.js';

export async function run(argv: string[]): Promise<number> {
  if (argv.length > 0) {
    console.error('usage: vspc-license-bot serve   (configuration comes from the environment; see README.md)');
    return 2;
  }
  const config = loadCliConfig({ slack: true, vspc: true });
  if (!config) return 2;
  const logger = createLogger(config.logLevel);
  for (const warning of configWarnings(config, process.env)) logger.warn({ contradictory: true }, warning);
  const bot = await startBot(config, { logger });
  logger.info({ port: bot.port }, 'vspc-license-bot ready');
  let signalled = false;
  const shutdown = (signal: NodeJS.Signals | 'unhandledRejection', exitCode = 0) => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal }, 'signal received');
    bot.stop().then(
      () => process.exit(exitCode),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  stopOnUnhandledRejection(process, logger, (exitCode) => shutdown('unhandledRejection', exitCode));
  return -1;
}
