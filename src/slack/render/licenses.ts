/** The `licenses` table: one section per license (with a Details button), paged. */
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
import { licenseListEntry } from './license-text.js';
import { escapeMrkdwn, fallback, LIMITS, plural, takeFitting, truncate } from './limits.js';
import { describeRange, pageNavigation } from './paging.js';
import { type RenderContext, timeZoneNote } from './render-context.js';

type LicensesReply = Extract<Reply, { type: 'licenses' }>;

/** Header, summary, range line, shortfall note and paging buttons. */
const FRAME_BLOCKS = 5;

function detailsCommand(kind: string, uid: string): string {
  return kind === 'console' ? 'license console' : `license ${kind} ${uid}`;
}

export function renderLicenses(reply: LicensesReply, ctx: RenderContext): SlackMessage {
  const summary = reply.summary ? truncate(escapeMrkdwn(reply.summary), LIMITS.sectionText) : null;
  const texts = takeFitting(
    reply.rows,
    (row) => licenseListEntry(row, ctx),
    LIMITS.blocksPerMessage - FRAME_BLOCKS,
    LIMITS.messageTextBudget - (summary?.length ?? 0) - reply.title.length,
  );
  const shown = texts.length;
  const entries = texts.map((text, index) => {
    const license = reply.rows[index]?.license;
    return { text, button: license ? runCommandButton('Details', detailsCommand(license.kind, license.uid), 0) : null };
  });
  const range = describeRange(reply.paging, shown, 'license');
  const shortfall =
    shown < reply.rows.length
      ? `:information_source: ${plural(reply.rows.length - shown, 'more license')} of this page did not fit in one Slack message; narrow the list with \`--company\`, \`--status\` or \`--expiring\`, or use the CLI.`
      : null;
  const blocks: (KnownBlock | null)[] = [
    header(reply.title),
    summary ? section(summary) : null,
    context(`${range} · ${timeZoneNote(ctx)}`),
    ...entries.slice(0, shown).map((entry) => section(entry.text, entry.button ?? undefined)),
    reply.rows.length === 0 ? section('_No licenses match._') : null,
    shortfall ? context(shortfall) : null,
    pageNavigation(reply.paging),
  ];
  return {
    text: fallback(`${reply.title}: ${reply.summary} (${range})`),
    blocks: compact(blocks),
  };
}
