/**
 * One connection to a VSPC server: resolved options, keep-alive pool (unless a dispatcher was
 * injected), request core and the token source. The v3 and the legacy v2 clients are built on it.
 */
import type { Dispatcher } from 'undici';
import { VspcCore } from './core.js';
import { createPool } from './dispatcher.js';
import { API_PREFIX, resolveOptions, type VspcClientOptions } from './options.js';
import { SecretScrubber } from './secrets.js';
import { TokenApi } from './token.js';
import { createTokenSource } from './token-source.js';

export interface VspcConnection {
  core: VspcCore;
  token: TokenApi;
  /** Close the pool this connection made; an injected dispatcher is left to its owner. */
  close(): Promise<void>;
}

export function openConnection(options: VspcClientOptions, apiPrefix = API_PREFIX): VspcConnection {
  const resolved = resolveOptions(options, apiPrefix);
  const scrubber = new SecretScrubber();
  const ownPool = options.dispatcher
    ? null
    : createPool({
        origin: resolved.origin,
        caFile: options.caFile,
        tlsInsecure: options.tlsInsecure,
        connections: Math.max(8, resolved.pageConcurrency * 2),
        logger: resolved.logger,
      });
  const dispatcher: Dispatcher = options.dispatcher ?? (ownPool as Dispatcher);
  const core = new VspcCore(resolved, dispatcher, scrubber);
  const token = new TokenApi(core);
  core.setTokenSource(createTokenSource(options.auth, (form) => token.issue(form), scrubber, resolved.now));
  return {
    core,
    token,
    close: async () => {
      if (ownPool) await ownPool.close();
    },
  };
}
