/**
 * Usage insight through the signed Slack harness: `/vspc trend` answers with a table whose numbers
 * are the simulator's reports and uploads a real PNG; `forecast` and the digest's "Usage changes"
 * name the simulator's planted jump and the company at zero, and nothing else crosses the
 * thresholds; on VSPC API v2 each of them says that v2 has no usage reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SingleLicenseReport } from '../../src/simulator/wire.js';
import { PNG_SIGNATURE, pngHeader } from '../insight/chart/support.js';
import { startTestBot, type TestBot } from '../support/app.js';
import { RESPONSE_URL } from '../support/slack/index.js';
import { ask, startV2Bot } from '../v2/support/v2-bot.js';

const DIGEST_CHANNEL = 'C0DIGEST';
/** The defaults of USAGE_ALERT_PERCENT and USAGE_ALERT_MIN_POINTS. */
const PERCENT = 25;
const MIN_POINTS = 50;

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ simulator: { seed: 'insight-slack' }, env: { DIGEST_CHANNEL } });
});
afterAll(async () => {
  await t?.stop();
});

/** Slack shows these as the characters; the zero-width fences around formatting marks take no room. */
function plain(text: string): string {
  return text
    .replace(/\u200B/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every code-block table of a message, each as rows of cells (the title row first). */
function tables(blocks: unknown[]): string[][][] {
  const found: string[][][] = [];
  for (const block of blocks as { text?: { text?: string } }[]) {
    const match = /```\n([\s\S]*?)\n```/.exec(block.text?.text ?? '');
    if (!match) continue;
    const lines = plain(match[1]!).split('\n');
    found.push([lines[0]!, ...lines.slice(2)].map((line) => line.trim().split(/\s{2,}/)));
  }
  return found;
}

const number = (cell: string | undefined) => Number(String(cell).replace(/,/g, ''));
const monthOf = (report: SingleLicenseReport) => report.reportParameters.reportInterval.startOfInterval.slice(0, 7);

/** The simulator's bill per month (the provider's own report) and each company's points per month. */
function simulatorMonths() {
  const { reports, provider } = t.sim.state.inventory;
  const total = new Map<string, number>();
  const company = new Map<string, Map<string, number>>();
  for (const report of reports) {
    const month = monthOf(report);
    if (report.reportParameters.organizationUid === provider.uid) total.set(month, report.reportSummary.totalPoints);
    for (const line of report.organizationsUsage) {
      if (line.organizationType !== 'Company') continue;
      const points = company.get(line.organizationName) ?? new Map<string, number>();
      points.set(month, line.usedPoints);
      company.set(line.organizationName, points);
    }
  }
  return { months: [...total.keys()].sort(), total, company };
}

describe('/vspc trend', () => {
  it('answers with a table of the simulator’s numbers and uploads the chart as a real PNG', async () => {
    const since = t.fake.mark();
    const answer = await ask(t, 'trend');
    const sim = simulatorMonths();
    const months = sim.months.slice(-6);

    // Every table repeats the month column; read the columns by their titles.
    const columns = new Map<string, Map<string, string>>();
    for (const table of tables(answer.blocks)) {
      const [titles, ...rows] = table;
      expect(rows.map((row) => row[0]?.replace(' (open)', ''))).toEqual(months);
      for (const [c, title] of titles!.entries()) {
        if (c === 0) continue;
        columns.set(title, new Map(rows.map((row) => [row[0]!.replace(' (open)', ''), row[c]!])));
      }
    }
    for (const month of months) expect(number(columns.get('Total')?.get(month)), month).toBe(sim.total.get(month));
    const named = [...columns.keys()].filter((title) => !['Total', 'Change', 'Others'].includes(title));
    expect(named).toHaveLength(5);
    // Titles may be cut; the lines under the table name the series in full, in the same order.
    const fullNames = [...plain(answer.all).matchAll(/• ([^:\\]+): [\d,.]+, /g)].map((m) => m[1]!);
    expect(fullNames).toHaveLength(6);
    for (const [i, title] of named.entries()) {
      const name = fullNames[i]!;
      expect(name.startsWith(title.replace(/…$/, '')), `${title} / ${name}`).toBe(true);
      const points = sim.company.get(name);
      expect(points, name).toBeDefined();
      for (const month of months)
        expect(number(columns.get(title)?.get(month)), `${title} ${month}`).toBe(points!.get(month));
    }
    // Others are the rest of the bill.
    for (const month of months) {
      const shown = named.reduce((sum, title) => sum + number(columns.get(title)?.get(month)), 0);
      expect(number(columns.get('Others')?.get(month))).toBeCloseTo(sim.total.get(month)! - shown, 2);
    }
    // The change against the month before, for the last month.
    const last = sim.total.get(months[5]!)!;
    const before = sim.total.get(months[4]!)!;
    expect(number(columns.get('Change')?.get(months[5]!)?.split(' ')[0])).toBe(last - before);
    expect(columns.get('Change')?.get(months[5]!)).toMatch(/^[+-]?[\d,]+ \([+-]?[\d.]+%\)$/);

    // The chart: uploaded to the channel, a real PNG, described in words with the numbers.
    await t.fake.waitFor('files.completeUploadExternal', { since, timeoutMs: 15_000 });
    const upload = t.fake.uploads().find((u) => u.name === `trend-${months[0]}-${months[5]}.png`);
    expect(upload?.channel).toBe('C0LICENSES');
    const png = new Uint8Array(upload!.bytes!);
    const header = pngHeader(png);
    expect(header.signature).toEqual(PNG_SIGNATURE);
    expect(header.chunk).toBe('IHDR');
    expect(header.width).toBeGreaterThanOrEqual(800);
    expect(header.height).toBeGreaterThanOrEqual(400);
    expect(upload?.title).toContain(`Points per month, ${months[0]} – ${months[5]}: top 5 organizations and others`);
    const request = t.fake.calls('files.getUploadURLExternal').find((c) => c.seq > since);
    const alt = String(request?.params.alt_text);
    expect(alt).toContain('Total points per month');
    expect(alt).toContain(months[5]);
    expect(answer.all).toContain('uploaded to this channel');
  });

  it('--png is for the command line: Slack says so and uploads the chart instead', async () => {
    const answer = await ask(t, 'trend --months 2 --png chart.png');
    expect(answer.all).toContain('`--png` writes a file only on the command line');
  });
});

describe('/vspc report <id>', () => {
  it('gives the change against the same owner’s report of the month before', async () => {
    const { reports, provider } = t.sim.state.inventory;
    const own = reports
      .filter((r) => r.reportParameters.organizationUid === provider.uid)
      .sort((a, b) => monthOf(a).localeCompare(monthOf(b)));
    const [previous, report] = own.slice(-3, -1) as [SingleLicenseReport, SingleLicenseReport];
    const answer = await ask(t, `report ${report.reportParameters.reportId}`);
    const all = plain(answer.all);
    const delta = report.reportSummary.totalPoints - previous.reportSummary.totalPoints;
    const points = new Intl.NumberFormat('en-US').format(Math.abs(delta));
    expect(all).toContain(`${delta > 0 ? '+' : delta < 0 ? '-' : ''}${points} (`);
    expect(all).toContain(`against #${previous.reportParameters.reportId} (${monthOf(previous)})`);
    expect(all).toContain(`*Organizations* (change against ${monthOf(previous)})`);
    const line = report.organizationsUsage[0]!;
    const before = previous.organizationsUsage.find((o) => o.organizationUid === line.organizationUid)!;
    const change = line.usedPoints - before.usedPoints;
    const shown =
      change === 0
        ? 'no change'
        : `${change > 0 ? '+' : '-'}${new Intl.NumberFormat('en-US').format(Math.abs(change))} (`;
    expect(all).toContain(`• ${line.organizationName} (${line.organizationType}): `);
    expect(all).toMatch(
      new RegExp(
        `• ${line.organizationName} \\(${line.organizationType}\\): [\\d,]+ · ${shown.replace(/[+()]/g, '\\$&')}`,
      ),
    );
  });
});

describe('the planted jump and the company at zero', () => {
  it('forecast names them as the top movers, and nobody else crosses the thresholds', async () => {
    const planted = t.sim.state.inventory.plantedUsage!;
    const answer = await ask(t, 'forecast');
    const all = plain(answer.all);
    const up = all.slice(all.indexOf('Top movers up'), all.indexOf('Top movers down'));
    const down = all.slice(all.indexOf('Top movers down'));
    expect(up).toMatch(new RegExp(`^Top movers up\\*\\\\n• \\*${planted.jump.name}\\*`));
    expect(down).toMatch(new RegExp(`^Top movers down\\*\\\\n• \\*${planted.zero.name}\\*: [\\d,]+ → 0 expected`));
    expect(all).toContain(`trend --org \\"${planted.jump.name}\\"`);

    const [table] = tables(answer.blocks);
    const rows = table!.slice(1);
    expect(rows.length).toBe(t.sim.state.inventory.usage.filter((u) => u.organizationType === 'Company').length);
    const crossing = rows
      .filter(([, last, soFar]) => {
        const before = number(last);
        const now = number(soFar);
        return (now >= before * (1 + PERCENT / 100) && now - before >= MIN_POINTS) || (before > 0 && now === 0);
      })
      .map(([name]) => name);
    expect(crossing.sort()).toEqual([planted.jump.name, planted.zero.name].sort());
  });

  it('the digest’s Usage changes lists exactly those two, each with both numbers and a trend button', async () => {
    const planted = t.sim.state.inventory.plantedUsage!;
    // Started after the cron's hour (08:00 by default), the bot posted today's digest at start (catch-up)
    // and this run is skipped as already posted; before it, this run posts it. Either post will do.
    await t.bot.services.digest.runScheduled();
    await t.fake.waitFor((c) => c.method === 'chat.postMessage' && c.params.channel === DIGEST_CHANNEL);
    const messages = t.fake.messages(DIGEST_CHANNEL);
    const all = plain(JSON.stringify(messages.map((m) => m.blocks)));
    expect(all).toContain('*Usage changes* (2)');
    expect(all).toMatch(
      new RegExp(`${planted.jump.name} · up\\*\\\\n[\\d,]+ points now · [\\d,]+ in the last report · \\+`),
    );
    expect(all).toMatch(
      new RegExp(`${planted.zero.name} · at zero\\*\\\\n0 points now · [\\d,]+ in the last report · -`),
    );
    const trendButtons = [...all.matchAll(/"value":"(trend --org [^"\\]*(?:\\"[^"\\]*)*)"/g)].map((m) => m[1]);
    expect(trendButtons.sort()).toEqual(
      [`trend --org \\"${planted.jump.name}\\"`, `trend --org \\"${planted.zero.name}\\"`].sort(),
    );
    expect(all).toContain('at least 25% above the last report and at least 50 points more');
  });
});

describe('on VSPC API v2', () => {
  let v2: TestBot;
  beforeAll(async () => {
    v2 = await startV2Bot({ seed: 31, companies: 4 });
  });
  afterAll(async () => {
    await v2?.stop();
  });

  it('trend, forecast and report answer that v2 has no usage reports, and upload nothing', async () => {
    for (const text of ['trend', 'trend --png x.png', 'forecast']) {
      const answer = await ask(v2, text);
      expect(answer.all, text).toContain('VSPC API v2 has no usage reports');
    }
    expect((await ask(v2, 'report 1')).all).toContain('usage reports are not available on VSPC API v2');
    expect(v2.fake.uploads()).toEqual([]);
    expect(v2.fake.calls(RESPONSE_URL).length).toBeGreaterThanOrEqual(4);
  });
});
