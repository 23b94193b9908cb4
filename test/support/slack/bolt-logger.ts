/** A Bolt logger that keeps what Bolt says instead of printing it, so tests stay quiet and can assert on it. */
import { type Logger, LogLevel } from '@slack/bolt';

export interface CapturingLogger extends Logger {
  /** `warn: …` / `error: …` lines (and info/debug when the level allows), in order. */
  readonly lines: string[];
}

const ORDER: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

export function capturingBoltLogger(level: LogLevel = LogLevel.WARN): CapturingLogger {
  let current = level;
  const lines: string[] = [];
  const at =
    (messageLevel: LogLevel) =>
    (...message: unknown[]): void => {
      if (ORDER.indexOf(messageLevel) >= ORDER.indexOf(current))
        lines.push(`${messageLevel}: ${message.map(String).join(' ')}`);
    };
  return {
    lines,
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    setName: () => {},
  };
}
