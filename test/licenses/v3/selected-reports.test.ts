/**
 * Usage reports asked for with `select`: the selection is exactly what the mapping reads (a field
 * read but not selected fails here), the simulator answers with a fraction of the bytes, and a
 * server that refuses or misreads `select` is noticed: the reports are asked for again whole and
 * `select` stays off.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createV3Backend } from '../../../src/licenses/v3/index.js';
import { reportToUsageReport } from '../../../src/licenses/v3/map-reports.js';
import { MONTH_SELECT, REPORT_SELECT } from '../../../src/licenses/v3/selected-reports.js';
import { type Logger, silentLogger } from '../../../src/log.js';
import type { UsageReport } from '../../../src/reports/model.js';
import { project, readSelect } from '../../../src/simulator/http/select.js';
import { type RunningSimulator, startSimulator } from '../../../src/simulator/index.js';
import type { SelectExpression } from '../../../src/vspc/index.js';
import { SingleLicenseReportSchema } from '../../../src/vspc/schemas/reports.js';

const MONTH = '2026-04';
const FOR_DATE = `/api/v3/licensing/reports/${MONTH}-01`;

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ seed: 8, now: new Date('2026-07-04T12:00:00Z'), companies: 30 });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.faults.length = 0;
});

function selection(select: readonly SelectExpression[]) {
  return readSelect(new URLSearchParams({ select: JSON.stringify(select) }))!.selection;
}

/** The simulator's reports of the month, as the bot maps them: whole, or as `select` leaves them. */
function mapped(select: readonly SelectExpression[] | null): UsageReport[] {
  return sim.state.inventory.reports
    .filter((r) => r.reportParameters.reportInterval.startOfInterval.startsWith(MONTH))
    .map((r) => SingleLicenseReportSchema.parse(select ? project(r, selection(select)) : r))
    .map((r) => reportToUsageReport(r)!);
}

const withoutWorkloads = (reports: UsageReport[]) =>
  reports.map((r) => ({ ...r, products: r.products.map((p) => ({ ...p, workloads: [] })) }));

function backendLogging() {
  const warnings: string[] = [];
  const logger = Object.assign(silentLogger.child({}), {
    warn: (_: unknown, message: string) => warnings.push(message),
  }) as unknown as Logger;
  const backend = createV3Backend({ url: sim.url, auth: { type: 'apiKey', apiKey: 'k' }, logger });
  return { backend, warnings };
}

const monthRequests = () => sim.requests.filter((r) => r.path === FOR_DATE);

describe('the selection', () => {
  it('holds everything the mapping reads', () => {
    expect(mapped(REPORT_SELECT)).toEqual(mapped(null));
    expect(mapped(null).some((r) => (r.organizationProducts ?? []).length > 0)).toBe(true);
  });

  it('for a month: everything but the per-workload lines of the products', () => {
    expect(mapped(MONTH_SELECT)).toEqual(withoutWorkloads(mapped(null)));
  });
});

describe('listReports with select', () => {
  it('asks a month with the month selection and maps the answer as the whole reports', async () => {
    const { backend, warnings } = backendLogging();
    const before = monthRequests().length;
    const reports = await backend.listReports({ kind: 'month', month: MONTH });
    const sent = monthRequests().slice(before);
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]!.query.select!)).toEqual(MONTH_SELECT);
    expect(reports).toEqual(withoutWorkloads(mapped(null)));
    expect(warnings).toEqual([]);
    await backend.close();
  });

  it('a server that ignores select: its whole answer is used, and select stays on', async () => {
    const { backend, warnings } = backendLogging();
    const whole = await (
      await fetch(`${sim.url}${FOR_DATE}?limit=500`, { headers: { authorization: 'Bearer k' } })
    ).text();
    sim.faults.push({ kind: 'raw', status: 200, body: whole, match: (r) => r.path === FOR_DATE });
    const before = monthRequests().length;
    expect(await backend.listReports({ kind: 'month', month: MONTH })).toEqual(mapped(null));
    await backend.listReports({ kind: 'month', month: MONTH });
    expect(
      monthRequests()
        .slice(before)
        .map((r) => r.query.select !== undefined),
    ).toEqual([true, true]);
    expect(warnings).toEqual([]);
    await backend.close();
  });

  it('a 400 to select: asked again whole, said once, and never selected again', async () => {
    const { backend, warnings } = backendLogging();
    sim.faults.push({ kind: 'status', status: 400, match: (r) => r.query.select !== undefined, times: 5 });
    const before = monthRequests().length;
    expect(await backend.listReports({ kind: 'month', month: MONTH })).toEqual(mapped(null));
    expect(await backend.listReports({ kind: 'month', month: MONTH })).toEqual(mapped(null));
    expect(
      monthRequests()
        .slice(before)
        .map((r) => r.query.select !== undefined),
    ).toEqual([true, false, false]);
    expect(warnings).toEqual([expect.stringContaining('VSPC refused select on usage reports')]);
    await backend.close();
  });

  it('an answer without what was selected (per-organization lines dropped): asked again whole', async () => {
    const { backend, warnings } = backendLogging();
    const lacking = (await (
      await fetch(`${sim.url}${FOR_DATE}?limit=500&select=${encodeURIComponent(JSON.stringify(REPORT_SELECT))}`, {
        headers: { authorization: 'Bearer k' },
      })
    ).json()) as { data: { usageDetails?: unknown }[] };
    for (const report of lacking.data) delete report.usageDetails;
    sim.faults.push({ kind: 'raw', status: 200, body: JSON.stringify(lacking), match: (r) => r.path === FOR_DATE });
    const before = monthRequests().length;
    expect(await backend.listReports({ kind: 'month', month: MONTH })).toEqual(mapped(null));
    expect(
      monthRequests()
        .slice(before)
        .map((r) => r.query.select !== undefined),
    ).toEqual([true, false]);
    expect(warnings).toEqual([expect.stringContaining('without all the properties asked for')]);
    await backend.close();
  });

  it('an error that is not about select is the answer (not retried, select stays on)', async () => {
    const { backend, warnings } = backendLogging();
    sim.faults.push({ kind: 'status', status: 403, match: (r) => r.path === FOR_DATE });
    await expect(backend.listReports({ kind: 'month', month: MONTH })).rejects.toMatchObject({ status: 403 });
    const before = monthRequests().length;
    await backend.listReports({ kind: 'month', month: MONTH });
    expect(
      monthRequests()
        .slice(before)
        .map((r) => r.query.select !== undefined),
    ).toEqual([true]);
    expect(warnings).toEqual([]);
    await backend.close();
  });
});
