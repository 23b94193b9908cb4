/** `POST /token` (OAuth2IssueToken): form fields and the `OAuth2Result` answer (not enveloped). */
import { z } from 'zod';

export type TokenForm =
  | { grant_type: 'password'; username: string; password: string; readOnly?: boolean }
  | { grant_type: 'refresh_token'; refresh_token: string }
  | { grant_type: 'mfa'; mfa_token: string; mfa_code: string }
  | { grant_type: 'authorization_code'; code: string }
  | { grant_type: 'public_key'; public_key: string }
  | { grant_type: 'as'; refresh_token: string; userUid: string };

export const OAuth2ResultSchema = z.looseObject({
  access_token: z.string().nullish(),
  token_type: z.string().nullish(),
  refresh_token: z.string().nullish(),
  mfa_token: z.string().nullish(),
  encrypted_code: z.string().nullish(),
  expires_in: z.number().nullish(),
});
export type OAuth2Result = z.infer<typeof OAuth2ResultSchema>;
