/** When DIGEST_CRON next fires after now, in DIGEST_TIMEZONE (node-cron's own matcher decides). */
import cron from 'node-cron';

export function nextDigestRun(expression: string, timeZone: string): Date | null {
  try {
    const task = cron.createTask(expression, () => {}, { timezone: timeZone });
    try {
      return task.getNextRun();
    } finally {
      void task.destroy();
    }
  } catch {
    return null;
  }
}
