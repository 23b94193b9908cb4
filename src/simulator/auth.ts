/**
 * Tokens the simulator issues itself, and the bearer check. Issued access tokens look like JWTs
 * (`eyJ…`), as VSPC's do; a JWT-shaped bearer must be one we issued and still valid. Any other
 * bearer value is taken as an API key: accepted when no `apiKey` is configured, else compared.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export interface AuthOptions {
  username?: string | undefined;
  password?: string | undefined;
  apiKey?: string | undefined;
  tokenTtlSeconds: number;
  clock: () => Date;
}

export interface TokenPair {
  access_token: string;
  token_type: 'bearer';
  refresh_token: string;
  expires_in: number;
}

export type BearerCheck = { ok: true; principal: string } | { ok: false; reason: string };

interface Session {
  username: string;
  expiresAt: number;
}

const JWT_SHAPE = /^eyJ[\w-]*\.[\w-]*\.[\w-]+$/;
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class TokenIssuer {
  private readonly access = new Map<string, Session>();
  private readonly refresh = new Map<string, string>();
  /** A stable user UID per user name (the `initiatorUid` of async actions). */
  private readonly userUids = new Map<string, string>();

  constructor(private readonly options: AuthOptions) {}

  credentialsAccepted(username: string, password: string): boolean {
    const { username: expectedUser, password: expectedPassword } = this.options;
    if (expectedUser !== undefined && !sameText(username, expectedUser)) return false;
    if (expectedPassword !== undefined && !sameText(password, expectedPassword)) return false;
    return username.length > 0;
  }

  issue(username: string): TokenPair {
    const now = this.options.clock().getTime();
    const payload = Buffer.from(
      JSON.stringify({ sub: username, iat: Math.floor(now / 1000), jti: randomUUID() }),
    ).toString('base64url');
    const accessToken = `${HEADER}.${payload}.${randomBytes(24).toString('base64url')}`;
    const refreshToken = randomBytes(32).toString('base64url');
    this.access.set(accessToken, { username, expiresAt: now + this.options.tokenTtlSeconds * 1000 });
    this.refresh.set(refreshToken, username);
    return {
      access_token: accessToken,
      token_type: 'bearer',
      refresh_token: refreshToken,
      expires_in: this.options.tokenTtlSeconds,
    };
  }

  /** Rotates the refresh token: the old one stops working, as with VSPC. */
  refreshWith(refreshToken: string): TokenPair | null {
    const username = this.refresh.get(refreshToken);
    if (username === undefined) return null;
    this.refresh.delete(refreshToken);
    return this.issue(username);
  }

  check(authorization: string | undefined): BearerCheck {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
    if (!match) return { ok: false, reason: 'Authorization header with a bearer token is required.' };
    const bearer = match[1]!;
    if (JWT_SHAPE.test(bearer)) {
      const session = this.access.get(bearer);
      if (!session) return { ok: false, reason: 'The access token is invalid.' };
      if (session.expiresAt <= this.options.clock().getTime())
        return { ok: false, reason: 'The access token has expired.' };
      return { ok: true, principal: session.username };
    }
    if (this.options.apiKey !== undefined && !sameText(bearer, this.options.apiKey)) {
      return { ok: false, reason: 'The API key is invalid.' };
    }
    return { ok: true, principal: 'api-key' };
  }

  /** Makes every issued access token expire now (refresh tokens stay valid). */
  expireAll(): void {
    for (const session of this.access.values()) session.expiresAt = 0;
  }

  userUid(principal: string): string {
    let uid = this.userUids.get(principal);
    if (!uid) {
      uid = randomUUID();
      this.userUids.set(principal, uid);
    }
    return uid;
  }
}
