/**
 * A failure as the user sees it: VSPC's own words with its code and request id, the message of an
 * unsupported operation or of an insight question that cannot be answered as asked, or, for
 * anything else, a generic line with a reference to the log entry.
 */
import { randomUUID } from 'node:crypto';
import { InsightInputError } from '../insight/service.js';
import { UnsupportedOperationError } from '../licenses/backend.js';
import type { Logger } from '../log.js';
import { STORE_UNAVAILABLE_REPLY, storeUnavailable } from '../store/unavailable.js';
import { describeVspcError, VspcError } from '../vspc/errors.js';
import type { Reply } from './reply.js';

const VSPC_FAILURE_BY_KIND: Partial<Record<VspcError['kind'], string>> = {
  auth: 'VSPC did not accept our credentials.',
  forbidden: 'VSPC refused: the account the bot uses may not do this.',
  not_found: 'VSPC does not know that object (any more).',
  timeout: 'VSPC did not answer in time.',
  network: 'VSPC could not be reached.',
  rate_limited: 'VSPC is rate limiting us; try again in a minute.',
};

export function errorReply(error: unknown, commandName: string, logger?: Logger): Reply {
  if (error instanceof VspcError) {
    logger?.warn({ err: error, command: commandName }, 'VSPC call failed');
    return {
      type: 'error',
      message: VSPC_FAILURE_BY_KIND[error.kind] ?? `VSPC answered with an error while running "${commandName}".`,
      detail: describeVspcError(error),
    };
  }
  if (error instanceof UnsupportedOperationError) return { type: 'error', message: error.message };
  if (error instanceof InsightInputError) return { type: 'error', message: error.message };
  if (storeUnavailable(error)) {
    logger?.error({ err: error, command: commandName }, 'the database is not available');
    return { type: 'error', message: STORE_UNAVAILABLE_REPLY };
  }
  const reference = randomUUID().slice(0, 8);
  logger?.error({ err: error, command: commandName, reference }, 'command failed');
  return {
    type: 'error',
    message: `Something went wrong while running "${commandName}". It was logged with reference ${reference}; try again, or ask an admin to look it up.`,
  };
}
