/** `POST /api/v3/token` (and the v2 `POST /token`): OAuth 2 password and refresh-token grants. */
import type { TokenIssuer } from '../auth.js';
import { json } from '../http/respond.js';
import type { SimRequest, SimResponse } from '../http/types.js';
import { header } from '../http/validate.js';

type OAuthError = 'invalid_client' | 'invalid_grant' | 'invalid_request' | 'unsupported_grant_type';

function oauthError(error: OAuthError, description: string): SimResponse {
  return json(400, { error, error_description: description, error_uri: null });
}

export function issueToken(req: SimRequest, issuer: TokenIssuer): SimResponse {
  const type = header(req.headers['content-type']) ?? '';
  if (!/^application\/x-www-form-urlencoded/i.test(type)) {
    return oauthError('invalid_request', 'The request body must be application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(req.body.toString('utf8'));
  const grant = form.get('grant_type');
  if (grant === 'password') {
    const username = form.get('username') ?? '';
    const password = form.get('password') ?? '';
    if (!issuer.credentialsAccepted(username, password)) {
      return oauthError(
        'invalid_request',
        'Cannot complete login due to incorrect username or password, or no sufficient rights.',
      );
    }
    return json(200, { ...issuer.issue(username), mfa_token: null, encrypted_code: null });
  }
  if (grant === 'refresh_token') {
    const pair = issuer.refreshWith(form.get('refresh_token') ?? '');
    if (!pair) return oauthError('invalid_grant', 'The refresh token is invalid or has expired.');
    return json(200, { ...pair, mfa_token: null, encrypted_code: null });
  }
  if (!grant) return oauthError('invalid_request', 'grant_type is required.');
  return oauthError('unsupported_grant_type', `The grant type '${grant}' is not supported by the simulator.`);
}
