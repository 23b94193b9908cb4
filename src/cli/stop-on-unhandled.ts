/**
 * A promise rejection nobody handles means some part of the bot gave up where no code of ours can
 * see it. Seen: `@slack/socket-mode` 3.x, when `apps.connections.open` fails on the network during a
 * reconnect, throws from a timer callback; its client then never reconnects, so the bot would stay
 * up, ready by its probes, and deaf to Slack. Node's default is to die at once, dropping the work in
 * flight. Instead the bot logs why and stops the way SIGTERM stops it (in-flight commands and writes
 * finish, cards are recorded), with a non-zero exit code, so the supervisor starts it afresh and the
 * new process connects from scratch.
 */
import type { Logger } from '../log.js';

/** The part of `process` this needs (a test passes an EventEmitter). */
export interface RejectionSource {
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export function stopOnUnhandledRejection(
  source: RejectionSource,
  logger: Logger,
  stop: (exitCode: number) => void,
): void {
  source.on('unhandledRejection', (reason) => {
    logger.fatal(
      { err: reason },
      'unhandled promise rejection: stopping like on SIGTERM (work in flight finishes), exit code 1, so the supervisor restarts the bot',
    );
    stop(1);
  });
}
