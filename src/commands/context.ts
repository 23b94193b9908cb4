/** Everything a command handler may use. Built once per request by the Slack layer or the CLI. */
import type { Access, ApprovalDesk } from '../approvals/types.js';
import type { DigestService } from '../digest/model.js';
import type { InsightService } from '../insight/service.js';
import type { LicensingBackend } from '../licenses/backend.js';
import type { Clock } from '../licenses/expiry.js';
import type { Inventory } from '../licenses/inventory.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';

export interface CommandContext {
  /** Slack user id, or `cli` on the command line. */
  userId: string;
  channelId: string | null;
  backend: LicensingBackend;
  inventory: Inventory;
  access: Access;
  approvals: ApprovalDesk;
  store: Store;
  /** null when no digest is configured. */
  digest: DigestService | null;
  /** Trends, forecast and usage changes from the usage reports (`supported` is false on VSPC API v2). */
  insight: InsightService;
  clock: Clock;
  /** The team's time zone (DIGEST_TIMEZONE): day counts are calendar days there. */
  timeZone: string;
  /** Where unexpected failures are logged; replies never carry stack traces. */
  logger?: Logger;
}
