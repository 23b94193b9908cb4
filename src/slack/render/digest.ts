/**
 * `digest preview`: the digest's summary with what needs attention, counted per section and with
 * the first entries of each. The posted digest (with its buttons and thread overflow) is rendered
 * by the digest module itself.
 */
import type { Reply } from '../../commands/reply.js';
import type { LicenseRow } from '../../licenses/model.js';
import { compact, context, header, type SlackMessage, section } from './block-kit.js';
import { licenseListEntry } from './license-text.js';
import { LIMITS, packCapped, plural, truncate } from './limits.js';
import { type RenderContext, timeZoneNote } from './render-context.js';
import { reportListEntry } from './report-text.js';

type DigestReply = Extract<Reply, { type: 'digest' }>;
const PER_SECTION = 5;

function rowsSection(title: string, rows: LicenseRow[], ctx: RenderContext): string | null {
  if (rows.length === 0) return null;
  const lines = rows.slice(0, PER_SECTION).map((row) => licenseListEntry(row, ctx));
  const more = rows.length > PER_SECTION ? [`_…and ${rows.length - PER_SECTION} more_`] : [];
  return [`*${title}* (${rows.length})`, ...lines, ...more].join('\n');
}

export function renderDigest(reply: DigestReply, ctx: RenderContext): SlackMessage {
  const { digest } = reply;
  const parts = [
    rowsSection('Expired', digest.expired, ctx),
    ...digest.expiring.map((bucket) => rowsSection(`Expiring within ${bucket.withinDays} days`, bucket.rows, ctx)),
    rowsSection('Support expiring', digest.supportExpiring, ctx),
    rowsSection('In Warning or Error', digest.unhealthy, ctx),
    rowsSection(
      'Over the licensed units',
      digest.overUsed.map((over) => over.row),
      ctx,
    ),
    digest.pendingReports.length > 0
      ? [
          `*Usage reports waiting for approval* (${digest.pendingReports.length})`,
          ...digest.pendingReports.slice(0, PER_SECTION).map((report) => reportListEntry(report, ctx)),
        ].join('\n')
      : null,
  ].filter((part): part is string => part !== null);
  const texts = packCapped(
    parts,
    10,
    (count) => `_…and ${plural(count, 'more section')}: run \`/vspc digest now\` to post the full digest._`,
    LIMITS.messageTextBudget - 1000,
  );
  const autoApprove = digest.autoApprove === null ? 'unknown' : digest.autoApprove ? 'on' : 'off';
  return {
    text: truncate(`License digest ${digest.day}: ${digest.summary}`, LIMITS.fallbackText),
    blocks: compact([
      header(`License digest · ${digest.day}`),
      section(
        digest.empty ? ':white_check_mark: Nothing needs attention.' : truncate(digest.summary, LIMITS.sectionText),
      ),
      ...texts.map((text) => section(text)),
      context(`Report auto-approve: ${autoApprove} · days counted in ${digest.timeZone} · ${timeZoneNote(ctx)}`),
    ]),
  };
}
