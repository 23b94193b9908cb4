/**
 * The timers of the approval service: expire pending actions as they lapse (their cards then say
 * so), and keep asking VSPC about actions that recovery found still running. Errors are logged and
 * the next round tries again; `stop()` ends both.
 */
import type { Clock } from '../licenses/expiry.js';
import type { Logger } from '../log.js';
import type { ApprovalService } from './types.js';

export interface ApprovalSweeper {
  stop(): void;
}

export function startApprovalSweeper(
  service: Pick<ApprovalService, 'expireDue' | 'recover'>,
  options: { clock: Clock; logger: Logger; intervalMs?: number; recoveryPending?: boolean },
): ApprovalSweeper {
  let recoveryPending = options.recoveryPending ?? false;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const expired = await service.expireDue(options.clock());
      if (expired > 0) options.logger.info({ expired }, 'approval actions expired');
      if (recoveryPending) recoveryPending = (await service.recover()).running > 0;
    } catch (error) {
      options.logger.warn({ err: error }, 'approval sweep failed; trying again on the next round');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, options.intervalMs ?? 30_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
