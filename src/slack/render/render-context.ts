/**
 * What a renderer needs besides the reply: the reader's time zone (dates are shown in it), the
 * team's (day counts are computed in it, see `src/licenses/expiry.ts`) and the current instant.
 */

import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { describeDaysLeft } from '../../licenses/expiry.js';
import { escapeValue } from '../../mrkdwn.js';

export interface RenderContext {
  userTimeZone: string;
  now: Date;
  teamTimeZone: string;
  /**
   * `https://<team>.slack.com/` (auth.test's `url`): links to approval cards are built on it. Only
   * replies that link to cards ask Slack for it; without it they point at slack.com.
   */
  workspaceUrl?: string | undefined;
}

/** Whether Intl knows the zone; cached, since building a DateTimeFormat per date was measurable. */
const knownZones = new Map<string, boolean>();

function validZone(zone: string, fallback: string): string {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known ? zone : fallback;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formatted dates by zone, pattern and instant. A burst of `licenses` answers formats the same
 * expiry dates over and over, and each format in a time zone asks Intl for the zone's offset
 * (npm run bench's CPU profile: ~65 ms of a 530 ms window while 100 answers rendered). Bounded:
 * cleared when full.
 */
const formatted = new Map<string, string | null>();
const MAX_FORMATTED = 5_000;

function formatIn(instant: string | Date | null, pattern: string, ctx: RenderContext): string | null {
  if (instant === null) return null;
  const key = `${ctx.userTimeZone}|${ctx.teamTimeZone}|${pattern}|${instant instanceof Date ? instant.getTime() : instant}`;
  const hit = formatted.get(key);
  if (hit !== undefined) return hit;
  const text = formatUncached(instant, pattern, ctx);
  if (formatted.size >= MAX_FORMATTED) formatted.clear();
  formatted.set(key, text);
  return text;
}

function formatUncached(instant: string | Date, pattern: string, ctx: RenderContext): string | null {
  // A calendar date (report intervals) is the same day everywhere: no time zone shift.
  const day = typeof instant === 'string' ? DATE_ONLY.exec(instant) : null;
  if (day) return format(new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])), pattern.replace(' HH:mm', ''));
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) return null;
  return format(date, pattern, { in: tz(validZone(ctx.userTimeZone, ctx.teamTimeZone)) });
}

/** "14 Mar 2025" in the reader's time zone; the raw text when it is not a date; "—" when absent. */
export function formatDate(instant: string | Date | null, ctx: RenderContext): string {
  if (instant === null) return '—';
  return formatIn(instant, 'd MMM yyyy', ctx) ?? escapeValue(String(instant));
}

/** "14 Mar 2025 09:30" in the reader's time zone. */
export function formatDateTime(instant: string | Date | null, ctx: RenderContext): string {
  if (instant === null) return '—';
  return formatIn(instant, 'd MMM yyyy HH:mm', ctx) ?? escapeValue(String(instant));
}

/** "14 Mar 2025 (12 days left)", "no expiry". */
export function formatExpiry(instant: string | null, days: number | null, ctx: RenderContext): string {
  if (instant === null) return describeDaysLeft(null);
  return `${formatDate(instant, ctx)} (${describeDaysLeft(days)})`;
}

/** The footnote that says which time zone dates are in. */
export function timeZoneNote(ctx: RenderContext): string {
  const zone = validZone(ctx.userTimeZone, ctx.teamTimeZone);
  return zone === ctx.teamTimeZone ? `Dates in ${zone}` : `Dates in ${zone}; days counted in ${ctx.teamTimeZone}`;
}
