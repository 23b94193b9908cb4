/**
 * One entry for every message-shaped reply: picks the renderer of its type. `file` and
 * `installModal` are delivered differently (upload, modal); for them this renders the message
 * shown when that delivery is not possible.
 */
import type { Reply } from '../../commands/reply.js';
import { renderActionCardReply } from './action-card.js';
import { renderAudit } from './audit.js';
import { type SlackMessage, section } from './block-kit.js';
import { renderDigest } from './digest.js';
import { renderForecast } from './forecast.js';
import { renderHelp } from './help.js';
import { renderLicense } from './license.js';
import { renderLicenses } from './licenses.js';
import { code, escapeMrkdwn, fallback, formatNumber } from './limits.js';
import { renderPending } from './pending.js';
import { renderPicker } from './picker.js';
import type { RenderContext } from './render-context.js';
import { renderReport } from './report.js';
import { renderReports } from './reports.js';
import { renderError, renderNotice, renderUsageError } from './simple.js';
import { renderTrend } from './trend.js';
import { renderUsage } from './usage.js';
import { renderWhoami } from './whoami.js';

export function renderReply(reply: Reply, ctx: RenderContext): SlackMessage {
  switch (reply.type) {
    case 'help':
      return renderHelp(reply);
    case 'usageError':
      return renderUsageError(reply);
    case 'error':
      return renderError(reply);
    case 'notice':
      return renderNotice(reply);
    case 'licenses':
      return renderLicenses(reply, ctx);
    case 'license':
      return renderLicense(reply, ctx);
    case 'picker':
      return renderPicker(reply);
    case 'reports':
      return renderReports(reply, ctx);
    case 'report':
      return renderReport(reply, ctx);
    case 'usage':
      return renderUsage(reply);
    case 'trend':
      return renderTrend(reply);
    case 'forecast':
      return renderForecast(reply, ctx);
    case 'whoami':
      return renderWhoami(reply);
    case 'audit':
      return renderAudit(reply, ctx);
    case 'pending':
      return renderPending(reply, ctx);
    case 'digest':
      return renderDigest(reply, ctx);
    case 'actionCard':
      return renderActionCardReply(reply, ctx);
    case 'file': {
      const text = `${reply.comment} (${reply.filename}, ${formatNumber(reply.bytes.length)} bytes)`;
      return {
        text: fallback(text),
        blocks: [section(`:page_facing_up: ${escapeMrkdwn(reply.comment)} ${code(reply.filename)}`)],
      };
    }
    case 'installModal':
      return {
        text: `Run the install command again to open the upload form for ${reply.kind}.`,
        blocks: [section(`Run ${code(`/vspc license install ${reply.kind}`)} again to open the upload form.`)],
      };
  }
}
