/** The value parsers the areas share: every variable arrives as an optional string. */
import { z } from 'zod';

/** Trimmed; empty counts as unset. */
export const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** A comma-separated list of Slack ids, each checked against `pattern`. */
const slackIdList = (pattern: RegExp, message: string) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(pattern, message)));

export const idList = slackIdList(
  /^[UWSG][A-Z0-9]{2,}$/,
  'each entry must be a Slack user id (U…/W…) or user group id (S…)',
);
export const channelList = slackIdList(/^[CGD][A-Z0-9]{2,}$/, 'each entry must be a Slack channel id (C…, G… or D…)');

export const flag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .pipe(z.stringbool());

export const positiveInt = (fallback: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? String(fallback) : v.trim()))
    .pipe(z.string().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(1).max(max)));

export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

export const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Berlin');
