/**
 * Text from VSPC (company names, report owners, status and error messages) or from a user (a typed
 * company, a file name) never becomes Slack markup: no `<!channel>`, no mention, no link, and in the
 * bot's own rows and fields no bold, italics, strike-through or code. Every renderer is fed the same
 * hostile strings through every field that carries outside text.
 *
 * New renderer? Add a case to RENDERERS (or, for a helper that only other renderers call, a line to
 * HELPERS saying which case covers it): the first test fails until every file that builds mrkdwn is
 * listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/commands/reply.js';
import { tokenize } from '../../../src/commands/tokenize.js';
import { trendChartInput } from '../../../src/commands/trend-chart.js';
import type { DigestUsage } from '../../../src/digest/model.js';
import { failureMessage } from '../../../src/digest/poster.js';
import { renderDigestBlocks } from '../../../src/digest/render-blocks.js';
import { channelMention, userMention } from '../../../src/mention.js';
import { escapeValue } from '../../../src/mrkdwn.js';
import { renderHome } from '../../../src/slack/home/render-home.js';
import { renderActionCard, renderActionCardReply } from '../../../src/slack/render/action-card.js';
import type { SlackMessage } from '../../../src/slack/render/block-kit.js';
import { renderInstallModal } from '../../../src/slack/render/install-modal.js';
import { code } from '../../../src/slack/render/limits.js';
import { renderReply } from '../../../src/slack/render/reply.js';
import type { ActionStatus } from '../../../src/store/types.js';
import { comparison, forecast, trend, usageChange, usageChanges } from '../../support/insight-fixtures.js';
import { auditEntry, digest, organizationUsage, pendingAction, RENDER, report, row } from '../support/fixtures.js';

const ROOT = join(import.meta.dirname, '../../..');

/** Markup Slack acts on: broadcasts, mentions, links. */
const MARKUP = ['<!channel>', '<!here>', '<!everyone>', '<@U1>', '<#C1>', '<https://evil.example|click here>'];
/** Formatting that would change the bot's own rows. */
const FORMATTING = ['*bold*', '_italic_', '~struck~', '`code`'];
/** Bot-made mention tokens someone copied into VSPC data, and one with a made-up nonce: must not ping. */
const FORGED = [userMention('U2').replace(/[0-9a-f]{16}/, '0123456789abcdef'), '\uE000@U3\uE001'];
const HOSTILE = [...MARKUP, ...FORMATTING, ...FORGED, '&amp;'].join(' ');
const LONG = `${HOSTILE} ${'x'.repeat(6000)} ${HOSTILE}`;
/** For sentences (notices, VSPC error texts) inside a renderer that also shows values: markup only. */
const PROSE = `${[...MARKUP, ...FORGED].join(' ')} ${'x'.repeat(6000)}`;

/** Mentions the renderers themselves build (requesters, approvers, the digest channel). */
const BOT_MENTIONS = new Set(['<@U0ALICE>', '<@U0BOB>']);

const hostileRow = (n: number) =>
  row(n, {
    company: HOSTILE,
    type: HOSTILE,
    edition: HOSTILE,
    status: HOSTILE,
    statusMessage: LONG,
    units: [{ unit: HOSTILE, used: 60, licensed: 50 }],
    sectionTypes: [HOSTILE],
    expirationDate: HOSTILE,
  });
const hostileReport = (n: number) =>
  report(n, {
    organizationName: HOSTILE,
    licenseCompanyName: HOSTILE,
    status: HOSTILE,
    products: [
      {
        productType: HOSTILE,
        licenseEdition: HOSTILE,
        totalPoints: 1,
        workloads: [{ workloadType: HOSTILE, description: HOSTILE, usedPoints: 1, count: 1 }],
      },
    ],
    organizations: [{ name: HOSTILE, type: HOSTILE, usedPoints: 1 }],
  });
const hostileUsage = () => {
  const usage = organizationUsage(1);
  usage.organizationType = HOSTILE;
  for (const server of usage.servers) {
    server.serverType = HOSTILE;
    for (const workload of server.workloads) {
      workload.description = HOSTILE;
      workload.unitType = HOSTILE;
    }
  }
  return usage;
};
const hostileAction = (status: ActionStatus) =>
  pendingAction({
    status,
    targetLabel: LONG,
    operation: {
      op: 'license.install',
      kind: 'vbr',
      uid: HOSTILE,
      fileId: 'f1',
      fileName: HOSTILE,
      size: 10,
      sha256: 'ab'.repeat(32),
    },
    outcome: status === 'pending' ? null : LONG,
    confirmedBy: status === 'pending' ? null : 'U0BOB',
    finishedAt: status === 'pending' || status === 'executing' ? null : RENDER.now,
  });

const reply = (r: Reply) => renderReply(r, RENDER);
const hostileUsageChanges = (): DigestUsage => {
  const changes = usageChanges([usageChange('jump', 1, 100, 300), usageChange('zero', 2, 80, 0)]);
  for (const change of changes.changes) change.org.name = HOSTILE;
  return { status: 'ok', changes };
};
/** Modals and digest messages use the wider block types of `@slack/types`; the walk below reads any JSON. */
const asMessage = (message: { text: string; blocks: unknown[] }) => message as SlackMessage;
const STATUSES: ActionStatus[] = ['pending', 'executing', 'succeeded', 'failed', 'cancelled', 'expired', 'unknown'];

/**
 * Each renderer file and the messages it makes from hostile input. `prose`: the outside text is
 * quoted inside a sentence (errors, notices), where only markup is neutralised, not formatting.
 */
const RENDERERS: Record<string, { messages: () => SlackMessage[]; prose?: true }> = {
  'src/slack/render/action-card.ts': {
    messages: () => [
      ...STATUSES.map((status) => renderActionCard(hostileAction(status), RENDER)),
      renderActionCardReply({ type: 'actionCard', action: hostileAction('executing'), created: false }, RENDER),
    ],
  },
  'src/slack/render/audit.ts': {
    messages: () => [
      reply({
        type: 'audit',
        entries: [{ ...auditEntry(1), actor: HOSTILE, event: HOSTILE, what: HOSTILE, target: HOSTILE, outcome: LONG }],
      }),
    ],
    // The outcome column quotes the card's outcome sentence.
    prose: true,
  },
  'src/slack/render/digest.ts': {
    messages: () => [
      reply({ type: 'digest', digest: digest([hostileRow(1)], [hostileReport(1)], hostileUsageChanges()) }),
    ],
  },
  'src/slack/render/help.ts': {
    messages: () => [
      reply({
        type: 'help',
        title: HOSTILE,
        sections: [{ title: 'Read', entries: [{ usage: HOSTILE, description: 'x' }] }],
        note: HOSTILE,
      }),
    ],
    prose: true,
  },
  'src/slack/render/install-modal.ts': {
    messages: () => {
      const view = renderInstallModal(
        { type: 'installModal', kind: 'vbr', targets: [{ label: HOSTILE, uid: 'u1' }] },
        'C1',
      );
      return [asMessage({ text: '', blocks: view.blocks })];
    },
  },
  'src/slack/render/license.ts': {
    messages: () => [reply({ type: 'license', row: hostileRow(1), buttons: [] })],
  },
  'src/slack/render/licenses.ts': {
    messages: () => [
      reply({
        type: 'licenses',
        title: HOSTILE,
        summary: HOSTILE,
        rows: [hostileRow(1), hostileRow(2)],
        paging: { offset: 0, pageSize: 2, total: 2, commandText: `licenses --company ${HOSTILE}` },
      }),
    ],
    // The summary repeats the filters the user typed, as a sentence.
    prose: true,
  },
  'src/slack/render/pending.ts': {
    messages: () => [reply({ type: 'pending', actions: [hostileAction('pending'), hostileAction('executing')] })],
  },
  'src/slack/render/picker.ts': {
    messages: () => [
      reply({ type: 'picker', prompt: HOSTILE, options: [{ label: HOSTILE, commandText: 'license vbr x' }] }),
    ],
    prose: true,
  },
  'src/slack/render/reply.ts': {
    messages: () => [
      reply({ type: 'file', filename: HOSTILE, title: HOSTILE, bytes: new Uint8Array(3), comment: HOSTILE }),
    ],
    prose: true,
  },
  'src/slack/render/report.ts': {
    messages: () => [
      reply({ type: 'report', report: hostileReport(1) }),
      reply({ type: 'report', report: hostileReport(1), comparison: comparison(3, () => HOSTILE) }),
    ],
  },
  'src/slack/render/trend.ts': {
    messages: () => {
      const t = trend({ top: 2, others: true, name: () => HOSTILE });
      t.filters.product = HOSTILE;
      t.filters.org = {
        query: HOSTILE,
        matched: [
          { uid: 'u1', name: HOSTILE },
          { uid: 'u2', name: HOSTILE },
        ],
      };
      return [reply({ type: 'trend', trend: t, chart: trendChartInput(t), pngPath: HOSTILE })];
    },
  },
  'src/slack/render/forecast.ts': {
    messages: () => [
      reply({ type: 'forecast', forecast: { ...forecast(6, () => HOSTILE), lastReportMonth: HOSTILE } }),
    ],
  },
  'src/slack/render/reports.ts': {
    messages: () => [reply({ type: 'reports', title: HOSTILE, reports: [hostileReport(1)], autoApprove: true })],
  },
  'src/slack/render/simple.ts': {
    messages: () => [
      reply({ type: 'usageError', message: HOSTILE, suggestion: HOSTILE, usage: HOSTILE }),
      reply({ type: 'error', message: LONG, detail: HOSTILE }),
      reply({ type: 'notice', text: LONG }),
    ],
    prose: true,
  },
  'src/slack/render/usage.ts': {
    messages: () => [
      reply({
        type: 'usage',
        title: HOSTILE,
        organizations: [hostileUsage()],
        names: { [hostileUsage().organizationUid]: HOSTILE },
      }),
    ],
  },
  'src/slack/render/whoami.ts': {
    messages: () => [reply({ type: 'whoami', userId: 'U0ALICE', roles: [HOSTILE], may: [HOSTILE] })],
    prose: true,
  },
  'src/slack/home/render-home.ts': {
    messages: () => {
      const action = hostileAction('pending');
      const view = renderHome(
        {
          userId: 'U0ALICE',
          now: RENDER.now,
          roles: ['viewer'],
          may: [PROSE],
          canRead: true,
          waiting: [action],
          mine: [hostileAction('executing')],
          recent: [hostileAction('failed'), hostileAction('cancelled')],
          team: {
            soon: [hostileRow(1)],
            reports: [hostileReport(1)],
            digest: { summary: PROSE, last: null, next: null, channels: ['C0LIC'] },
            problem: PROSE,
          },
          notice: PROSE,
        },
        RENDER,
      );
      return [asMessage({ text: '', blocks: view.blocks })];
    },
  },
  'src/digest/render-blocks.ts': {
    messages: () => {
      const rendered = renderDigestBlocks(
        digest([hostileRow(1), hostileRow(2)], [hostileReport(1)], hostileUsageChanges()),
        {},
      );
      return [rendered.main, ...rendered.threadReplies].map(asMessage);
    },
  },
  'src/digest/poster.ts': {
    messages: () => [failureMessage('2025-03-10', LONG, HOSTILE)],
    prose: true,
  },
};

/** Files that build mrkdwn only for the renderers above, and the case that runs them. */
const HELPERS: Record<string, string> = {
  'src/slack/render/block-kit.ts': 'builders used by every case',
  'src/slack/render/limits.ts': 'the escaping, used by every case; `code()` tested below',
  'src/slack/render/paging.ts': 'licenses.ts (its paging)',
  'src/slack/render/license-text.ts': 'licenses.ts and license.ts',
  'src/slack/render/report-text.ts': 'reports.ts',
  'src/slack/render/render-context.ts': 'dates that do not parse: license.ts (expirationDate)',
  'src/digest/entry-blocks.ts': 'render-blocks.ts',
  'src/digest/describe-entry.ts': 'render-blocks.ts',
  'src/slack/deliver/upload-file.ts': 'Slack error codes and the file name in `code()` (tested below)',
  'src/slack/deliver/open-install-modal.ts': 'Slack error codes and the command in `code()`',
  'src/slack/deliver/install-modal-early.ts': 'fixed words only',
  'src/slack/render/mono-table.ts': 'trend.ts and forecast.ts (their tables and command spans)',
  'src/slack/render/report-change.ts': 'report.ts (its comparison case)',
  'src/slack/deliver/deliver-trend.ts':
    'fixed words and the file name (months only) in `code()`; the table is trend.ts',
};

/** A file builds mrkdwn when it makes sections, context lines or mrkdwn text objects. */
const BUILDS_MRKDWN = /'mrkdwn'|\bsection\(|\bcontext\(|\bmrkdwnSection\(|\bcontextLine\(|\bfallback\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'simulator' || name === 'cli' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

/** Every mrkdwn text of a message (and its notification text, which Slack parses too). */
function mrkdwnTexts(message: SlackMessage): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [{ where: 'text', text: message.text }];
  const walk = (value: unknown, where: string) => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, `${where}[${i}]`);
    } else if (typeof value === 'object' && value !== null) {
      const object = value as Record<string, unknown>;
      if (object.type === 'mrkdwn' && typeof object.text === 'string') found.push({ where, text: object.text });
      for (const [key, child] of Object.entries(object)) walk(child, `${where}.${key}`);
    }
  };
  walk(message.blocks, 'blocks');
  return found;
}

/** The `<…>` sequences Slack would act on, minus the ones the renderers build on purpose. */
function strayMarkup(text: string): string[] {
  return [...text.matchAll(/<[^<>]*>/g)]
    .map((match) => match[0])
    .filter((token) => !token.startsWith('<!date^') && !BOT_MENTIONS.has(token))
    .filter((token) => !token.startsWith('<https://slack.com/archives/'));
}

describe('text from VSPC or a user never becomes Slack markup', () => {
  it('every file that builds mrkdwn is covered by a case or named as a helper', () => {
    const builders = sourceFiles(join(ROOT, 'src')).filter((file) =>
      BUILDS_MRKDWN.test(readFileSync(join(ROOT, file), 'utf8')),
    );
    const uncovered = builders.filter((file) => !(file in RENDERERS) && !(file in HELPERS));
    expect(uncovered, 'add these renderers to RENDERERS (or HELPERS) in this test').toEqual([]);
    for (const file of [...Object.keys(RENDERERS), ...Object.keys(HELPERS)]) {
      expect(statSync(join(ROOT, file)).isFile(), `${file} is listed but does not exist`).toBe(true);
    }
  });

  it.each(Object.entries(RENDERERS))('%s: no broadcast, mention or link survives', (_file, { messages }) => {
    for (const message of messages()) {
      for (const { where, text } of mrkdwnTexts(message)) {
        expect(strayMarkup(text), where).toEqual([]);
        expect(text, where).not.toMatch(/[\uE000\uE001]/);
      }
    }
  });

  const valueRenderers = Object.entries(RENDERERS).filter(([, { prose }]) => !prose);
  it.each(valueRenderers)(
    '%s: formatting marks in values cannot bold, italicise, strike or quote as code',
    (_file, { messages }) => {
      for (const message of messages()) {
        for (const { where, text } of mrkdwnTexts(message)) {
          if (where === 'text') continue; // notifications show no formatting
          for (const mark of FORMATTING) expect(text, where).not.toContain(mark);
        }
      }
    },
  );

  it('the bot’s own mentions still become mentions; a copied or stale token shows as plain text', () => {
    const card = renderActionCard(
      pendingAction({ status: 'cancelled', outcome: `Cancelled by ${userMention('U0BOB')}` }),
      RENDER,
    );
    const texts = mrkdwnTexts(card)
      .map(({ text }) => text)
      .join('\n');
    expect(texts).toContain('Requested by <@U0ALICE>');
    expect(texts).toContain('Cancelled by <@U0BOB>');
    const notice = reply({ type: 'notice', text: `Posted to ${channelMention('C0LIC')}. ${FORGED.join(' ')}` });
    expect(notice.blocks[0]).toMatchObject({ text: { text: expect.stringContaining('Posted to <#C0LIC>.') } });
    expect(JSON.stringify(notice)).not.toMatch(/<@U2>|<@U3>/);
  });

  it('a value copied from a message reads back as typed (the zero-width fences are dropped)', () => {
    const shown = escapeValue('srv_01 *Acme*');
    expect(shown).not.toContain('srv_01');
    expect(tokenize(`licenses --company "${shown}"`)).toMatchObject({
      ok: true,
      tokens: [{ text: 'licenses' }, { text: '--company' }, { text: 'srv_01 *Acme*', quoted: true }],
    });
  });

  it('inline code cannot be broken out of', () => {
    expect(code(HOSTILE)).toMatch(/^`[^`]*`$/);
    expect(strayMarkup(code(HOSTILE))).toEqual([]);
  });
});
