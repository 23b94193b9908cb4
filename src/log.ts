/**
 * The app's structured logger (pino, JSON lines). Anything that could hold a credential is
 * redacted by path; the VSPC client and Slack layer never log raw headers or bodies anyway.
 */
import { type Logger, pino } from 'pino';

export const REDACT_PATHS = [
  'token',
  'password',
  'apiKey',
  'authorization',
  'headers.authorization',
  '*.authorization',
  '*.token',
  '*.password',
  '*.apiKey',
  '*.access_token',
  '*.refresh_token',
  'botToken',
  'signingSecret',
  'appToken',
  'databaseUrl',
];

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, base: { app: 'vspc-license-bot' }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that drops everything (tests, the demo console). */
export const silentLogger: Logger = pino({ level: 'silent' });
