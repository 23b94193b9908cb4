/** Bolt's Logger interface over the app's pino logger, so Bolt's own lines are structured and redacted. */
import type { Logger as BoltLogger, LogLevel as BoltLogLevel } from '@slack/bolt';
import type { Logger } from '../log.js';
import { LogLevel } from './bolt-parts.js';

const PINO_LEVEL: Record<BoltLogLevel, string> = {
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
};

function line(messages: unknown[]): string {
  return messages
    .map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m)))
    .join(' ');
}

export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  return {
    debug: (...messages) => child.debug(line(messages)),
    info: (...messages) => child.info(line(messages)),
    warn: (...messages) => child.warn(line(messages)),
    error: (...messages) => child.error(line(messages)),
    setLevel(next) {
      level = next;
      child.level = PINO_LEVEL[next];
    },
    getLevel: () => level,
    setName() {},
  };
}
