import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeCronSchedule, type ScheduledJob, scheduledTimeHasPassed } from '../../src/digest/scheduler.js';

let job: ScheduledJob | null = null;
afterEach(async () => {
  await job?.stop();
  job = null;
});

describe('scheduledTimeHasPassed', () => {
  it('compares with the first run of today in the schedule’s time zone', () => {
    expect(scheduledTimeHasPassed('0 8 * * *', new Date('2026-03-10T06:59:59Z'), 'Europe/Berlin')).toBe(false);
    expect(scheduledTimeHasPassed('0 8 * * *', new Date('2026-03-10T07:00:00Z'), 'Europe/Berlin')).toBe(true);
    expect(scheduledTimeHasPassed('0 8 * * *', new Date('2026-03-10T07:00:00Z'), 'UTC')).toBe(false);
    // After the spring DST change 08:00 Berlin is 06:00 UTC.
    expect(scheduledTimeHasPassed('0 8 * * *', new Date('2026-03-30T06:30:00Z'), 'Europe/Berlin')).toBe(true);
    expect(scheduledTimeHasPassed('30 0 8 * * *', new Date('2026-03-10T07:00:10Z'), 'Europe/Berlin')).toBe(false);
  });

  it('knows days the schedule skips', () => {
    // 2026-03-14 is a Saturday.
    expect(scheduledTimeHasPassed('0 8 * * 1-5', new Date('2026-03-14T12:00:00Z'), 'UTC')).toBe(false);
    expect(scheduledTimeHasPassed('0 8 * * 1-5', new Date('2026-03-13T12:00:00Z'), 'UTC')).toBe(true);
    expect(scheduledTimeHasPassed('0 8 L * *', new Date('2026-03-31T12:00:00Z'), 'UTC')).toBe(true);
    expect(scheduledTimeHasPassed('0 8 L * *', new Date('2026-03-30T12:00:00Z'), 'UTC')).toBe(false);
  });
});

describe('nodeCronSchedule', () => {
  it('runs the job on node-cron’s schedule and stops it', async () => {
    const fired = vi.fn();
    job = nodeCronSchedule('* * * * * *', fired, { timezone: 'Europe/Berlin' });
    await vi.waitFor(() => expect(fired).toHaveBeenCalled(), { timeout: 5000, interval: 50 });
    await job.stop();
    job = null;
  });
});
