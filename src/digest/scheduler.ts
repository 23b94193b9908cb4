/**
 * When the digest runs: node-cron at DIGEST_CRON in DIGEST_TIMEZONE, behind a small function type
 * so tests can fire the job themselves; and whether today's scheduled time has already passed
 * (catch-up after downtime).
 */
import { TZDate } from '@date-fns/tz';
import cron from 'node-cron';

export interface ScheduledJob {
  stop(): void | Promise<void>;
}

export type ScheduleFn = (expression: string, job: () => void, options: { timezone: string }) => ScheduledJob;

export const nodeCronSchedule: ScheduleFn = (expression, job, options) => {
  // noOverlap: a slow VSPC must not stack runs; the store's claim would stop a double post anyway.
  const task = cron.schedule(expression, job, { timezone: options.timezone, noOverlap: true });
  return { stop: () => task.destroy() };
};

/**
 * True when `expression` has a run on today's date (in `timeZone`) at or before `now`. Today is a
 * run day when the earliest time of the expression, today, matches it (node-cron's own matcher
 * decides, so `L`, `#` and names behave as in the schedule).
 */
export function scheduledTimeHasPassed(expression: string, now: Date, timeZone: string): boolean {
  const fields = cron.parse(expression);
  const hour = Math.min(...fields.hour);
  const minute = Math.min(...fields.minute);
  const second = Math.min(...fields.second);
  const local = new TZDate(now.getTime(), timeZone);
  const firstRun = new TZDate(local.getFullYear(), local.getMonth(), local.getDate(), hour, minute, second, timeZone);
  if (firstRun.getTime() > now.getTime()) return false;
  const task = cron.createTask(expression, () => {}, { timezone: timeZone });
  try {
    return task.match(new Date(firstRun.getTime()));
  } finally {
    void task.destroy();
  }
}
