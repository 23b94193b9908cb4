/**
 * Bolt's App and its two receivers, required from their own modules instead of the package entry:
 * `@slack/bolt`'s index also loads the Express receiver (Express, body-parser and ~120 modules,
 * ~2.5 MB of RSS) and the AWS Lambda receiver, which the bot never uses. These are Bolt's own
 * classes, so request verification and ack bookkeeping stay Bolt's. Socket Mode's receiver is
 * required by Bolt's App module itself whatever the mode, so it is not saved here.
 */
import { createRequire } from 'node:module';
import type {
  App as BoltApp,
  HTTPReceiver as BoltHttpReceiver,
  LogLevel as BoltLogLevel,
  SocketModeReceiver as BoltSocketModeReceiver,
} from '@slack/bolt';

const require = createRequire(import.meta.url);
const appModule = require('@slack/bolt/dist/App.js') as { default: typeof BoltApp; LogLevel: typeof BoltLogLevel };

export const App = appModule.default;
export const LogLevel = appModule.LogLevel;
export const HTTPReceiver = (
  require('@slack/bolt/dist/receivers/HTTPReceiver.js') as { default: typeof BoltHttpReceiver }
).default;
export const SocketModeReceiver = (
  require('@slack/bolt/dist/receivers/SocketModeReceiver.js') as { default: typeof BoltSocketModeReceiver }
).default;
