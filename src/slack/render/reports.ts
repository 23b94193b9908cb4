/** `reports`: the usage reports, each with a Details button, and whether auto-approve is on. */
import type { Reply } from '../../commands/reply.js';
import {
  compact,
  context,
  header,
  type KnownBlock,
  runCommandButton,
  type SlackMessage,
  section,
} from './block-kit.js';
import { fallback, LIMITS, plural, takeFitting } from './limits.js';
import { describeRange, pageNavigation, pagingOrWhole } from './paging.js';
import { type RenderContext, timeZoneNote } from './render-context.js';
import { reportListEntry } from './report-text.js';

type ReportsReply = Extract<Reply, { type: 'reports' }>;

function autoApproveLine(autoApprove: boolean | null): string {
  if (autoApprove === null) return 'Auto-approve: unknown';
  return autoApprove ? 'Auto-approve: *on*' : 'Auto-approve: *off*';
}

export function renderReports(reply: ReportsReply, ctx: RenderContext): SlackMessage {
  const texts = takeFitting(
    reply.reports,
    (report) => reportListEntry(report, ctx),
    LIMITS.blocksPerMessage - 5,
    LIMITS.messageTextBudget - reply.title.length,
  );
  const shown = texts.length;
  const entries = texts.map((text, index) => {
    const report = reply.reports[index];
    return { text, button: report ? runCommandButton('Details', `report ${report.reportId}`, 0) : null };
  });
  const range = describeRange(pagingOrWhole(reply.paging, reply.reports.length, 'reports'), shown, 'report');
  const hidden = reply.reports.length - shown;
  const blocks: (KnownBlock | null)[] = [
    header(reply.title),
    context(`${range} · ${autoApproveLine(reply.autoApprove)} · ${timeZoneNote(ctx)}`),
    ...entries.slice(0, shown).map((entry) => section(entry.text, entry.button ?? undefined)),
    reply.reports.length === 0 ? section('_No usage reports match._') : null,
    hidden > 0
      ? context(
          `${plural(hidden, 'more report')} did not fit in one Slack message: ask for one month, e.g. \`reports 2025-03\`.`,
        )
      : null,
    pageNavigation(reply.paging),
  ];
  return { text: fallback(`${reply.title} (${range})`), blocks: compact(blocks) };
}
