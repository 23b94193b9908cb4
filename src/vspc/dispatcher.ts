/**
 * The keep-alive connection pool the client talks through, with the TLS choices of the options:
 * a private CA from `caFile`, or no verification at all when `tlsInsecure` is set explicitly.
 */
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';
import type { Logger } from '../log.js';

export interface PoolSettings {
  origin: string;
  caFile?: string | undefined;
  tlsInsecure?: boolean | undefined;
  connections: number;
  logger: Logger;
}

function readCa(caFile: string): Buffer {
  try {
    return readFileSync(caFile);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`VSPC CA file ${caFile} cannot be read (${code})`);
  }
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
}

export function createPool(settings: PoolSettings): Pool {
  const url = new URL(settings.origin);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    settings.logger.warn(
      { origin: settings.origin },
      'VSPC is reached over plain HTTP: credentials travel unencrypted',
    );
  }
  if (settings.tlsInsecure) {
    settings.logger.warn(
      { origin: settings.origin },
      'TLS VERIFICATION IS OFF for VSPC (tlsInsecure): anyone on the path can read the credentials',
    );
  }
  const connect: { ca?: Buffer; rejectUnauthorized?: boolean } = {};
  if (settings.caFile) connect.ca = readCa(settings.caFile);
  if (settings.tlsInsecure) connect.rejectUnauthorized = false;
  return new Pool(settings.origin, {
    connections: settings.connections,
    keepAliveTimeout: 30_000,
    connect,
  });
}
