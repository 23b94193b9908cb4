/** `report <id>`: one usage report's summary, with a button that uploads its CSV. */
import type { Reply } from '../../commands/reply.js';
import type { OrgRef } from '../../insight/types.js';
import {
  actions,
  compact,
  context,
  fieldsSection,
  header,
  runCommandButton,
  type SlackMessage,
  section,
} from './block-kit.js';
import { code, escapeMrkdwn, escapeValue, fallback, packCapped } from './limits.js';
import { formatDate, type RenderContext } from './render-context.js';
import { comparisonLines, totalChangeText } from './report-change.js';
import { formatInterval, formatPoints, reportStatusIcon } from './report-text.js';

type ReportReply = Extract<Reply, { type: 'report' }>;
const MAX_ORGANIZATIONS = 15;

export function renderReport(reply: ReportReply, ctx: RenderContext): SlackMessage {
  const { report } = reply;
  const products = [...report.products].sort((a, b) => b.totalPoints - a.totalPoints);
  const productLines = products.map((product) => {
    const workloads = [...product.workloads]
      .sort((a, b) => b.usedPoints - a.usedPoints)
      .slice(0, 4)
      .map((w) => `${escapeValue(w.description ?? w.workloadType)} ${w.count}× = ${formatPoints(w.usedPoints)}`);
    const more = product.workloads.length > 4 ? ` and ${product.workloads.length - 4} more` : '';
    const edition = product.licenseEdition ? ` (${escapeValue(product.licenseEdition)})` : '';
    const detail = workloads.length > 0 ? ` — ${workloads.join(', ')}${more}` : '';
    return `• *${escapeValue(product.productType)}*${edition}: ${formatPoints(product.totalPoints)} points${detail}`;
  });
  const { comparison } = reply;
  const typeOf = (org: OrgRef) =>
    report.organizations.find((o) => (o.uid !== undefined && o.uid === org.uid) || o.name === org.name)?.type ?? null;
  const allOrganizations = comparison
    ? comparisonLines(comparison, typeOf)
    : report.organizations.map(
        (org) => `• ${escapeValue(org.name)} (${escapeValue(org.type)}): ${formatPoints(org.usedPoints)}`,
      );
  const organizations = allOrganizations.slice(0, MAX_ORGANIZATIONS);
  if (allOrganizations.length > MAX_ORGANIZATIONS) {
    organizations.push(`_and ${allOrganizations.length - MAX_ORGANIZATIONS} more organizations (see the CSV)_`);
  }
  const notCollected =
    report.notCollectedCloudServers.length > 0
      ? `:warning: Usage not collected from ${report.notCollectedCloudServers.slice(0, 10).map(code).join(', ')}${report.notCollectedCloudServers.length > 10 ? ` and ${report.notCollectedCloudServers.length - 10} more` : ''}`
      : null;
  // Each list is packed into at most three sections so that the whole report stays one message.
  const more = (count: number) => `_…and ${count} more (see the CSV)_`;
  const productSections = packCapped(['*Products*', ...productLines], 3, more, 4000);
  const organizationsTitle = comparison?.previous
    ? `*Organizations* (change against ${comparison.previous.month})`
    : '*Organizations*';
  const organizationSections = packCapped([organizationsTitle, ...organizations], 3, more, 4000);
  const blocks = compact([
    header(`Usage report #${report.reportId}`),
    fieldsSection([
      `*Owner*\n${escapeValue(report.organizationName)}`,
      `*Status*\n${reportStatusIcon(report.status)} ${escapeValue(report.status)}`,
      `*Interval*\n${formatInterval(report, ctx)}`,
      `*Generated*\n${formatDate(report.generationDate, ctx)}`,
      `*Total points*\n${formatPoints(report.totalPoints)}${comparison ? `\n${totalChangeText(comparison)}` : ''}`,
      `*License company*\n${escapeValue(report.licenseCompanyName ?? '—')}`,
    ]),
    ...productSections.map((text) => section(text)),
    ...(allOrganizations.length > 0 ? organizationSections.map((text) => section(text)) : []),
    reply.comparisonProblem ? context(`:warning: ${escapeMrkdwn(reply.comparisonProblem)}`) : null,
    notCollected ? section(notCollected) : null,
    actions([runCommandButton('Upload CSV', `report ${report.reportId} csv`, 0)], 'report_actions'),
  ]);
  if (productLines.length === 0) blocks.splice(2, 0, context('No product usage in this report.'));
  return {
    text: fallback(
      `Usage report #${report.reportId} of ${report.organizationName}: ${formatPoints(report.totalPoints)} points, ${report.status}`,
    ),
    blocks,
  };
}
