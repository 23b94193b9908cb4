/** Options of the simulator, with the defaults the CLI and tests rely on. */
import type { Inventory, InventorySizes } from './inventory/types.js';

export interface SimulatorOptions extends Partial<InventorySizes> {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the simulator is a loopback tool. */
  host?: string;
  seed?: string | number;
  /** Monthly reports per owner (default 25: two years approved, the last month waiting for approval). */
  reportMonths?: number;
  /** How long every request takes to answer: a write is applied at its end, a read's answer built at its start. */
  latencyMs?: number;
  /** Probability (0–1) that an API request is answered with a 520 instead. */
  failRate?: number;
  /** Writes answer 202 and run as async actions. */
  async?: boolean;
  /** How long an async action stays `running` (default 150 ms). */
  asyncDurationMs?: number;
  /** The clock: dates are generated relative to it; tokens and idempotence windows expire by it. */
  now?: Date | (() => Date);
  /** When set, `/token` only accepts these credentials. */
  username?: string;
  password?: string;
  /** When set, a non-token bearer must equal it; otherwise any API key is accepted. */
  apiKey?: string;
  /** Access token lifetime (default 3600 s, like VSPC). */
  tokenTtlSeconds?: number;
  /** `resultRetentionTime` of `/asyncActions/config` (default 5). */
  resultRetentionTime?: number;
  /** Serve this inventory instead of generating one (sizes and seed are then ignored). */
  inventory?: Inventory;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: string | number;
  latencyMs: number;
  failRate: number;
  async: boolean;
  asyncDurationMs: number;
  clock: () => Date;
  username: string | undefined;
  password: string | undefined;
  apiKey: string | undefined;
  tokenTtlSeconds: number;
  resultRetentionTime: number;
}

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const now = options.now;
  const clock =
    typeof now === 'function' ? now : now instanceof Date ? () => new Date(now.getTime()) : () => new Date();
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    seed: options.seed ?? 1,
    latencyMs: Math.max(0, options.latencyMs ?? 0),
    failRate: Math.min(1, Math.max(0, options.failRate ?? 0)),
    async: options.async ?? false,
    asyncDurationMs: Math.max(0, options.asyncDurationMs ?? 150),
    clock,
    username: options.username,
    password: options.password,
    apiKey: options.apiKey,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    resultRetentionTime: options.resultRetentionTime ?? 5,
  };
}
