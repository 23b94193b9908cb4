/** One handler per command name. */
import type { CommandName, CommandOf } from '../command.js';
import type { CommandContext } from '../context.js';
import type { Reply } from '../reply.js';
import { handleAudit } from './audit.js';
import { handleDigest } from './digest.js';
import { handleForecast } from './forecast.js';
import { handleHelp } from './help.js';
import { handleLicenseAutoupdate } from './license-autoupdate.js';
import { handleLicenseDelete } from './license-delete.js';
import { handleLicenseInstall } from './license-install.js';
import { handleLicenseShow } from './license-show.js';
import { handleLicenseUpdate } from './license-update.js';
import { handleLicenses } from './licenses.js';
import { handlePending } from './pending.js';
import { handleReport } from './report.js';
import { handleReports } from './reports.js';
import { handleReportsAutoapprove } from './reports-autoapprove.js';
import { handleReportsFinalize } from './reports-finalize.js';
import { handleTrend } from './trend.js';
import { handleUsage } from './usage.js';
import { handleWhoami } from './whoami.js';

export type Handler<N extends CommandName> = (cmd: CommandOf<N>, ctx: CommandContext) => Promise<Reply>;

export const HANDLERS: { [N in CommandName]: Handler<N> } = {
  help: handleHelp,
  licenses: handleLicenses,
  'license.show': handleLicenseShow,
  'license.update': handleLicenseUpdate,
  'license.install': handleLicenseInstall,
  'license.autoupdate': handleLicenseAutoupdate,
  'license.delete': handleLicenseDelete,
  reports: handleReports,
  report: handleReport,
  'reports.finalize': handleReportsFinalize,
  'reports.autoapprove': handleReportsAutoapprove,
  usage: handleUsage,
  trend: handleTrend,
  forecast: handleForecast,
  digest: handleDigest,
  audit: handleAudit,
  whoami: handleWhoami,
  pending: handlePending,
};
