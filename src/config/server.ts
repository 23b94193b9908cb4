/** Where the HTTP server of `serve` listens. */
import { defineArea } from './area.js';
import { optionalString, positiveInt } from './values.js';

export const serverArea = defineArea({
  vars: {
    PORT: { purpose: 'HTTP port for Slack requests, /healthz, /readyz and /metrics', example: '3000' },
    HOST: {
      purpose: 'address `serve` listens on (empty: every interface, as Node does by default)',
      example: '127.0.0.1',
    },
  },
  schema: {
    PORT: positiveInt(3000, 65535),
    HOST: optionalString,
  },
  settings(v): {
    port: number;
    /** HOST: the address to listen on; undefined = every interface. */
    host: string | undefined;
  } {
    return { port: v.PORT, host: v.HOST };
  },
});
