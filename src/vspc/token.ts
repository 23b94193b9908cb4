/** `POST /token` (OAuth2IssueToken): form-urlencoded, no bearer, no `X-Request-id`. */
import type { VspcCore } from './core.js';
import { VspcAuthError, VspcError } from './errors.js';
import { type OAuth2Result, OAuth2ResultSchema, type TokenForm } from './schemas/token.js';

export class TokenApi {
  constructor(private readonly core: VspcCore) {}

  /** Issue a token. A refused grant (400 `invalid_grant`, 401) is a `VspcAuthError`. */
  async issue(form: TokenForm): Promise<OAuth2Result> {
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(form)) if (value !== undefined) fields[key] = String(value);
    try {
      return await this.core.json(
        {
          operation: 'OAuth2IssueToken',
          method: 'POST',
          path: '/token',
          body: { kind: 'form', fields },
          auth: false,
          sendRequestId: false,
          followAsync: false,
        },
        OAuth2ResultSchema,
      );
    } catch (err) {
      if (err instanceof VspcError && (err.status === 400 || err.status === 401)) {
        throw new VspcAuthError(
          `VSPC refused the ${form.grant_type} grant${err.errors[0]?.message ? `: ${err.errors[0].message}` : ''}`,
          { status: err.status, errors: err.errors, endpoint: err.endpoint, cause: err },
        );
      }
      throw err;
    }
  }
}
