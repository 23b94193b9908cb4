/** Where the pending actions, files, audit log and digest records live. */
import { z } from 'zod';
import { defineArea } from './area.js';
import { optionalString } from './values.js';

export const storeArea = defineArea({
  vars: {
    DATABASE_URL: {
      purpose: 'the store: sqlite:PATH (embedded default) or postgres://… for several replicas',
      example: 'sqlite:./data/vspc-bot.sqlite',
      secret: true,
    },
  },
  schema: {
    DATABASE_URL: optionalString
      .transform((v) => v ?? 'sqlite:./data/vspc-bot.sqlite')
      .pipe(z.string().regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')),
  },
  settings: (v) => ({ databaseUrl: v.DATABASE_URL }),
});
