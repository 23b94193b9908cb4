/**
 * The timers of the approval service: expire pending actions as they lapse (their cards then say
 * so), send the notices that are due (reminders), and on every round ask VSPC about executing actions nobody in this process is running —
 * left by a crash, or whose call ended without a known outcome — until VSPC tells how they ended.
 * `recover()` first lists executing actions (one indexed query), so a round without any costs no
 * VSPC call. Each round first writes the audit entries a database outage left waiting in memory.
 * Errors are logged and the next round tries again; `stop()` ends both.
 */
import type { Clock } from '../licenses/expiry.js';
import type { Logger } from '../log.js';
import type { ApprovalService } from './types.js';

export interface ApprovalSweeper {
  stop(): void;
}

export function startApprovalSweeper(
  service: Pick<ApprovalService, 'expireDue' | 'recover'>,
  options: {
    clock: Clock;
    logger: Logger;
    intervalMs?: number;
    /** Notices due at now (the reminder at half the time to live); see `notify/notifications.ts`. */
    notify?: (now: Date) => Promise<number>;
    /** Writes the audit entries an outage of the database left waiting (`store/audit-backlog.ts`). */
    flushAudit?: () => Promise<number>;
  },
): ApprovalSweeper {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { flushAudit } = options;
      // First, so that the trail of what happened while the database was away is written before more of it.
      if (flushAudit)
        await attempt('audit backlog', async () => {
          await flushAudit();
        });
      // Each half on its own: a store hiccup while expiring must not keep VSPC's answers waiting.
      await attempt('expiry', async () => {
        const expired = await service.expireDue(options.clock());
        if (expired > 0) options.logger.info({ expired }, 'approval actions expired');
      });
      const { notify } = options;
      if (notify) {
        await attempt('notifications', async () => {
          const sent = await notify(options.clock());
          if (sent > 0) options.logger.info({ sent }, 'approval notices sent');
        });
      }
      await attempt('recovery', async () => {
        const recovered = await service.recover();
        if (recovered.resolved > 0) options.logger.info(recovered, 'settled executing actions through VSPC');
      });
    } finally {
      running = false;
    }
  };
  const attempt = async (what: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      options.logger.warn({ err: error, what }, 'approval sweep failed; trying again on the next round');
    }
  };
  const timer = setInterval(tick, options.intervalMs ?? 30_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
