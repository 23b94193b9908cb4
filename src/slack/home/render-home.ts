/**
 * The App Home view of one person, pure: data in, `home` view out, within Slack's 100 blocks.
 * Waiting actions carry the very Confirm/Cancel buttons of their cards (same action_ids and values),
 * so a click here takes the card's path; everything else is read-only. Someone who may only read
 * never gets a button: buttons appear only on actions the approval rules let this person confirm.
 */
import { operationTitle } from '../../approvals/describe.js';
import { describeDaysLeft } from '../../licenses/expiry.js';
import { KIND_LABELS } from '../../licenses/model.js';
import { channelMention } from '../../mention.js';
import type { PendingAction } from '../../store/types.js';
import { approvalButtons, slackDate } from '../render/action-card.js';
import { compact, context, divider, header, type KnownBlock, section } from '../render/block-kit.js';
import { cardUrl } from '../render/card-link.js';
import {
  code,
  escapeMrkdwn,
  escapeValue,
  LIMITS,
  packCapped,
  plural,
  truncate,
  userMentionMarkup,
} from '../render/limits.js';
import { actionLines } from '../render/pending.js';
import type { RenderContext } from '../render/render-context.js';
import type { HomeData } from './home-data.js';
import { SOON_DAYS, type TeamFacts } from './team-facts.js';

/** Each waiting action takes two blocks (text, buttons); the rest of the tab stays under 40. */
const MAX_WAITING = 25;
const MAX_LICENSES = 15;
const MAX_REPORTS = 10;

export interface HomeView {
  type: 'home';
  blocks: KnownBlock[];
}

export function renderHome(data: HomeData, ctx: RenderContext): HomeView {
  const blocks = compact([
    header('VSPC licensing'),
    data.notice ? section(`:warning: ${escapeMrkdwn(data.notice)}`) : null,
    context(`Updated ${slackDate(data.now, ctx)} · refreshed when you open this tab and when your actions change`),
    ...(data.canRead ? readable(data, ctx) : []),
    divider(),
    ...rolesPart(data),
  ]);
  return { type: 'home', blocks: blocks.slice(0, LIMITS.blocksPerModal) };
}

function readable(data: HomeData, ctx: RenderContext): KnownBlock[] {
  return [
    divider(),
    ...waitingPart(data, ctx),
    divider(),
    ...minePart(data, ctx),
    ...(data.team ? teamParts(data.team, ctx) : []),
  ];
}

function waitingPart(data: HomeData, ctx: RenderContext): KnownBlock[] {
  const title = section(`*Waiting for your decision* (${data.waiting.length})`);
  if (data.waiting.length === 0) return [title, section('_Nothing waits for you._')];
  const shown = data.waiting.slice(0, MAX_WAITING);
  const more = data.waiting.length - shown.length;
  return [
    title,
    ...shown.flatMap((action) => [
      section(truncate(actionLines(action, ctx), LIMITS.sectionText)),
      approvalButtons(action),
    ]),
    ...(more > 0 ? [context(`…and ${plural(more, 'more action')}: \`/vspc pending\` lists them all.`)] : []),
  ];
}

function minePart(data: HomeData, ctx: RenderContext): KnownBlock[] {
  const lines = [
    ...data.mine.map((action) => actionLines(action, ctx)),
    ...data.recent.map((action) => endedLine(action, ctx)),
  ];
  const texts = packCapped(lines, 3, (more) => `_…and ${plural(more, 'more')}._`, 8000);
  return [
    section(`*Your requests* (${data.mine.length} open, ${data.recent.length} ended this week)`),
    ...(lines.length > 0 ? texts.map((text) => section(text)) : [section('_You have no open or recent requests._')]),
  ];
}

const ENDED_EMOJI: Record<string, string> = {
  succeeded: ':white_check_mark:',
  failed: ':x:',
  cancelled: ':no_entry_sign:',
  expired: ':hourglass:',
  unknown: ':warning:',
};

function endedLine(action: PendingAction, ctx: RenderContext): string {
  const when = action.finishedAt ? ` ${slackDate(action.finishedAt, ctx)}` : '';
  const url = cardUrl(action, ctx);
  const link = url ? ` · <${url}|card>` : '';
  const outcome = action.outcome ? `: ${escapeValue(truncate(action.outcome, 300))}` : '';
  return `${ENDED_EMOJI[action.status] ?? ''} *${escapeMrkdwn(operationTitle(action.operation))}* ${action.status}${when}${link}${outcome}`;
}

function teamParts(team: TeamFacts, ctx: RenderContext): KnownBlock[] {
  return [
    divider(),
    ...licensesPart(team),
    divider(),
    ...reportsPart(team),
    ...(team.digest ? [divider(), ...digestPart(team.digest, ctx)] : []),
    ...(team.problem
      ? [context(`:warning: VSPC did not answer everything: ${escapeMrkdwn(truncate(team.problem, 500))}`)]
      : []),
  ];
}

function licensesPart(team: TeamFacts): KnownBlock[] {
  const expired = team.soon.filter((row) => (row.daysLeft ?? 0) < 0).length;
  const title = section(
    `*Licenses expired or expiring within ${SOON_DAYS} days* (${expired} expired, ${team.soon.length - expired} expiring)`,
  );
  if (team.soon.length === 0) return [title, section('_None._')];
  const lines = team.soon.slice(0, MAX_LICENSES).map((row) => {
    const { license } = row;
    const who = license.company ? ` · ${escapeValue(truncate(license.company, 80))}` : '';
    return `• ${KIND_LABELS[license.kind]}${who} ${code(license.uid)} · ${describeDaysLeft(row.daysLeft)}`;
  });
  const more = team.soon.length - lines.length;
  return [
    title,
    ...packCapped(lines, 2, () => '', 5000).map((text) => section(text)),
    context(
      `${more > 0 ? `…and ${plural(more, 'more')}. ` : ''}All of them: \`/vspc licenses --expiring ${SOON_DAYS}\``,
    ),
  ];
}

function reportsPart(team: TeamFacts): KnownBlock[] {
  if (team.reports === null) return [section('*Usage reports*: this VSPC API has none.')];
  const title = section(`*Usage reports waiting for approval* (${team.reports.length})`);
  if (team.reports.length === 0) return [title, section('_None._')];
  const lines = team.reports
    .slice(0, MAX_REPORTS)
    .map(
      (report) =>
        `• ${escapeValue(truncate(report.organizationName, 80))} · ${escapeValue(`${report.intervalStart} – ${report.intervalEnd}`)} · ` +
        `${report.totalPoints} points · report ${report.reportId}`,
    );
  return [
    title,
    section(lines.join('\n')),
    context('Details: `/vspc reports pending` · approve: `/vspc reports finalize`'),
  ];
}

function digestPart(digest: NonNullable<TeamFacts['digest']>, ctx: RenderContext): KnownBlock[] {
  const last = digest.last
    ? `Last posted ${digest.last.day} in ${escapeMrkdwn(channelMention(digest.last.channel))}${lastLink(digest.last, ctx)}`
    : 'Not posted in the last 7 days';
  const next = digest.next ? `next ${slackDate(digest.next, ctx)}` : 'no next run known';
  return [section(`*Daily digest*: ${last} · ${next}`), section(`Today it would say: ${escapeMrkdwn(digest.summary)}`)];
}

function lastLink(last: NonNullable<NonNullable<TeamFacts['digest']>['last']>, ctx: RenderContext): string {
  const url = cardUrl({ channel: last.channel, messageTs: last.messageTs }, ctx);
  return url ? ` (<${url}|open>)` : '';
}

function rolesPart(data: HomeData): KnownBlock[] {
  const roles = data.roles.length > 0 ? data.roles.join(', ') : 'none';
  return [
    section(`*Your roles*: ${roles} · ${userMentionMarkup(data.userId)}`),
    section(data.may.map((line) => `• ${escapeMrkdwn(line)}`).join('\n') || '_Nothing._'),
  ];
}
