/** The VSPC server: where it is, which API, how the bot signs in, and how it talks to it. */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { defineArea } from './area.js';
import { flag, httpUrl, optionalString, positiveInt } from './values.js';

export type VspcAuth = { type: 'apiKey'; apiKey: string } | { type: 'password'; username: string; password: string };

export interface VspcSettings {
  url: string;
  api: 'v3' | 'v2';
  auth: VspcAuth;
  clientVersion: string;
  caFile: string | undefined;
  tlsInsecure: boolean;
  timeoutMs: number;
  pageConcurrency: number;
}

export const vspcArea = defineArea({
  vars: {
    VSPC_URL: { purpose: 'VSPC server root, without /api/v3', example: 'https://vspc.example.com:1280' },
    VSPC_API: {
      purpose: 'which VSPC REST API to use: v3, or v2 for legacy VAC (then VSPC_URL is the :1281 root)',
      example: 'v3',
    },
    VSPC_API_KEY: {
      purpose: 'VSPC API key, sent as bearer token (instead of user name and password)',
      example: 'a1b2…',
      secret: true,
    },
    VSPC_USERNAME: {
      purpose: 'VSPC user for the password grant (Portal Administrator)',
      example: 'COMPANY\\licensing-bot',
    },
    VSPC_PASSWORD: { purpose: 'password of VSPC_USERNAME', example: '…', secret: true },
    VSPC_CLIENT_VERSION: { purpose: 'X-Client-Version header sent to VSPC', example: '3.6.1' },
    VSPC_CA_FILE: {
      purpose: 'PEM file of a private CA that signed the VSPC certificate',
      example: '/etc/ssl/vspc-ca.pem',
    },
    VSPC_TLS_INSECURE: {
      purpose: 'skip TLS verification of VSPC (only by explicit choice; logged loudly)',
      example: 'false',
    },
    VSPC_TIMEOUT_SECONDS: { purpose: 'timeout of one VSPC request', example: '30' },
    VSPC_PAGE_CONCURRENCY: { purpose: 'how many VSPC pages are fetched at once', example: '4' },
  },
  schema: {
    VSPC_URL: optionalString.pipe(httpUrl.optional()).transform((v) => v?.replace(/\/+$/, '')),
    VSPC_API: optionalString.transform((v) => v ?? 'v3').pipe(z.enum(['v3', 'v2'])),
    VSPC_API_KEY: optionalString,
    VSPC_USERNAME: optionalString,
    VSPC_PASSWORD: optionalString,
    VSPC_CLIENT_VERSION: optionalString.transform((v) => v ?? '3.6.1').pipe(z.string().regex(/^\d+\.\d+(\.\d+)?$/)),
    VSPC_CA_FILE: optionalString.refine((p) => p === undefined || existsSync(p), 'file does not exist'),
    VSPC_TLS_INSECURE: flag(false),
    VSPC_TIMEOUT_SECONDS: positiveInt(30, 3600),
    VSPC_PAGE_CONCURRENCY: positiveInt(4, 32),
  },
  settings(v, needs, report): { vspc: VspcSettings | undefined } {
    let auth: VspcAuth | undefined;
    if (v.VSPC_API_KEY) auth = { type: 'apiKey', apiKey: v.VSPC_API_KEY };
    else if (v.VSPC_USERNAME && v.VSPC_PASSWORD)
      auth = { type: 'password', username: v.VSPC_USERNAME, password: v.VSPC_PASSWORD };
    if (needs.vspc) {
      if (!v.VSPC_URL) report('VSPC_URL', 'is missing');
      if (!auth) {
        if (v.VSPC_USERNAME && !v.VSPC_PASSWORD) report('VSPC_PASSWORD', 'is missing (VSPC_USERNAME is set)');
        else if (v.VSPC_PASSWORD && !v.VSPC_USERNAME) report('VSPC_USERNAME', 'is missing (VSPC_PASSWORD is set)');
        else report('VSPC_API_KEY', 'is missing (or set VSPC_USERNAME and VSPC_PASSWORD)');
      }
    }
    return {
      vspc:
        v.VSPC_URL && auth
          ? {
              url: v.VSPC_URL,
              api: v.VSPC_API,
              auth,
              clientVersion: v.VSPC_CLIENT_VERSION,
              caFile: v.VSPC_CA_FILE,
              tlsInsecure: v.VSPC_TLS_INSECURE,
              timeoutMs: v.VSPC_TIMEOUT_SECONDS * 1000,
              pageConcurrency: v.VSPC_PAGE_CONCURRENCY,
            }
          : undefined,
    };
  },
});
