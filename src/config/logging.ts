/** How much the bot logs. */
import { z } from 'zod';
import { defineArea } from './area.js';
import { optionalString } from './values.js';

export const loggingArea = defineArea({
  vars: {
    LOG_LEVEL: { purpose: 'pino log level', example: 'info' },
  },
  schema: {
    LOG_LEVEL: optionalString
      .transform((v) => v ?? 'info')
      .pipe(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  },
  settings: (v) => ({ logLevel: v.LOG_LEVEL }),
});
