/** The daily digest: where, when, in which time zone, and what counts as "expiring soon". */
import cron from 'node-cron';
import { defineArea } from './area.js';
import { channelList, flag, optionalString, positiveInt, timeZone } from './values.js';

export interface DigestSettings {
  channels: string[];
  cron: string;
  timeZone: string;
  expiryDays: number;
  skipEmpty: boolean;
}

export const digestArea = defineArea({
  vars: {
    DIGEST_CHANNEL: {
      purpose: 'channel id(s) for the daily digest, comma-separated; empty = no digest',
      example: 'C0LICENSES',
    },
    DIGEST_CRON: { purpose: 'when the digest runs (cron, in DIGEST_TIMEZONE)', example: '0 8 * * 1-5' },
    DIGEST_TIMEZONE: {
      purpose: 'IANA time zone of the team: day counts and the digest schedule',
      example: 'Europe/Berlin',
    },
    DIGEST_EXPIRY_DAYS: { purpose: 'horizon of "expiring soon" in the digest', example: '30' },
    DIGEST_SKIP_EMPTY: {
      purpose: 'post nothing (instead of an all-clear line) when nothing needs attention',
      example: 'false',
    },
  },
  schema: {
    DIGEST_CHANNEL: channelList,
    DIGEST_CRON: optionalString
      .transform((v) => v ?? '0 8 * * *')
      .refine((v) => cron.validate(v), 'must be a cron expression such as "0 8 * * *"'),
    DIGEST_TIMEZONE: optionalString.transform((v) => v ?? 'UTC').pipe(timeZone),
    DIGEST_EXPIRY_DAYS: positiveInt(30, 3650),
    DIGEST_SKIP_EMPTY: flag(false),
  },
  settings(v): { digest: DigestSettings } {
    return {
      digest: {
        channels: v.DIGEST_CHANNEL,
        cron: v.DIGEST_CRON,
        timeZone: v.DIGEST_TIMEZONE,
        expiryDays: v.DIGEST_EXPIRY_DAYS,
        skipEmpty: v.DIGEST_SKIP_EMPTY,
      },
    };
  },
});
