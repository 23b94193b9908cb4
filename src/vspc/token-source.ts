/**
 * Where the bearer value comes from: a static API key, or an access token obtained with the
 * password grant and renewed with the refresh-token grant. Renewal is single-flight: however many
 * requests find the token expired or rejected at once, VSPC sees one `/token` call.
 */
import type { VspcAuth } from '../config.js';
import { VspcError } from './errors.js';
import type { OAuth2Result, TokenForm } from './schemas/token.js';
import type { SecretScrubber } from './secrets.js';

export interface AccessTokenSource {
  /** A bearer value that is believed valid now. */
  current(): Promise<string>;
  /** VSPC answered 401 to `rejected`; get a new token. False when renewal is impossible (API key). */
  renew(rejected: string): Promise<boolean>;
}

export type IssueToken = (form: TokenForm) => Promise<OAuth2Result>;

export class ApiKeySource implements AccessTokenSource {
  constructor(private readonly apiKey: string) {}
  async current(): Promise<string> {
    return this.apiKey;
  }
  async renew(): Promise<boolean> {
    return false;
  }
}

interface TokenState {
  access: string;
  refresh: string | null;
  /** When to renew: a little before VSPC's expiry. */
  renewAt: number;
}

/** Renew one minute before expiry, or after 90 % of a short lifetime. */
function renewalTime(now: number, expiresInSeconds: number | null | undefined): number {
  const lifetimeMs = (expiresInSeconds && expiresInSeconds > 0 ? expiresInSeconds : 3600) * 1000;
  return now + lifetimeMs - Math.min(60_000, lifetimeMs * 0.1);
}

export class PasswordGrantSource implements AccessTokenSource {
  private state: TokenState | null = null;
  private inflight: Promise<TokenState> | null = null;

  constructor(
    private readonly username: string,
    private readonly password: string,
    private readonly issue: IssueToken,
    private readonly scrubber: SecretScrubber,
    private readonly now: () => number,
  ) {}

  async current(): Promise<string> {
    const state = this.state;
    if (state && this.now() < state.renewAt) return state.access;
    return (await this.obtainOnce()).access;
  }

  async renew(rejected: string): Promise<boolean> {
    // Another caller already replaced the rejected token: use theirs.
    if (this.state && this.state.access !== rejected) return true;
    if (this.state) this.state.renewAt = 0;
    await this.obtainOnce();
    return true;
  }

  private obtainOnce(): Promise<TokenState> {
    this.inflight ??= this.obtain().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async obtain(): Promise<TokenState> {
    const refresh = this.state?.refresh;
    let result: OAuth2Result | null = null;
    if (refresh) {
      try {
        result = await this.issue({ grant_type: 'refresh_token', refresh_token: refresh });
      } catch (err) {
        // An expired or revoked refresh token is normal; anything else (VSPC down) is not ours to hide.
        if (!(err instanceof VspcError) || (err.kind !== 'auth' && err.kind !== 'validation')) throw err;
      }
    }
    result ??= await this.issue({ grant_type: 'password', username: this.username, password: this.password });
    if (!result.access_token) throw new VspcError('VSPC /token answered without an access token');
    this.scrubber.add(result.access_token);
    this.scrubber.add(result.refresh_token);
    this.state = {
      access: result.access_token,
      refresh: result.refresh_token ?? null,
      renewAt: renewalTime(this.now(), result.expires_in),
    };
    return this.state;
  }
}

export function createTokenSource(
  auth: VspcAuth,
  issue: IssueToken,
  scrubber: SecretScrubber,
  now: () => number,
): AccessTokenSource {
  if (auth.type === 'apiKey') {
    scrubber.add(auth.apiKey);
    return new ApiKeySource(auth.apiKey);
  }
  scrubber.add(auth.password);
  return new PasswordGrantSource(auth.username, auth.password, issue, scrubber, now);
}
