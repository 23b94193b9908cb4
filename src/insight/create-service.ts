/** The insight service over the licensing backend (reports, current usage) and the kept months. */
import { type LicensingBackend, UnsupportedOperationError } from '../licenses/backend.js';
import type { Clock } from '../licenses/expiry.js';
import type { Logger } from '../log.js';
import type { UsageReport } from '../reports/model.js';
import { buildMonth } from './build-month.js';
import { compareReports } from './compare-report.js';
import { currentPoints } from './current-points.js';
import { buildForecast, GROWTH_STEPS } from './forecast.js';
import { HistorySource, type KeptMonths, type LatestReports } from './history-source.js';
import { addMonths, calendarOf, monthsEndingWith } from './months.js';
import { matchOrganizations } from './org-match.js';
import { resolveProduct } from './products.js';
import { InsightInputError, type InsightService } from './service.js';
import { orgKey, type ReportSnapshot, snapshotOf } from './snapshot.js';
import { buildTrend } from './trend.js';
import type { Month, MonthReport, OrgRef, UsageThresholds } from './types.js';
import { findUsageChanges } from './usage-changes.js';

export const MAX_MONTHS = 24;
export const DEFAULT_MONTHS = 6;
export const DEFAULT_TOP = 5;
export const MAX_TOP = 20;
/** Built final months kept in memory: two years and the month before, and the months forecast reads. */
const MAX_MONTHS_IN_MEMORY = 30;
/** USAGE_ALERT_PERCENT and USAGE_ALERT_MIN_POINTS when unset. */
export const DEFAULT_USAGE_THRESHOLDS: UsageThresholds = { percent: 25, minPoints: 50 };
/** VSPC_PAGE_CONCURRENCY's default, for a backend given without VSPC settings (demo, tests). */
export const DEFAULT_CONCURRENCY = 4;

export interface InsightServiceOptions {
  backend: LicensingBackend;
  /** The store's kept months; null keeps nothing (every month is read from VSPC). */
  kept: KeptMonths | null;
  clock: Clock;
  /** DIGEST_TIMEZONE: which month "this month" is. */
  timeZone: string;
  thresholds: UsageThresholds;
  /** VSPC_PAGE_CONCURRENCY: months fetched at once. */
  concurrency: number;
  logger?: Logger;
}

function wholeNumber(value: number | undefined, fallback: number, max: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InsightInputError(`${what} must be a whole number from 1 to ${max}.`);
  }
  return value;
}

function namesOf(months: readonly MonthReport[]): Map<string, OrgRef> {
  const names = new Map<string, OrgRef>();
  for (const month of months) {
    for (const row of month.organizations) if (row.uid) names.set(orgKey(row), { uid: row.uid, name: row.name });
  }
  return names;
}

export function createInsightService(options: InsightServiceOptions): InsightService {
  const { backend, clock, timeZone, thresholds } = options;
  const supported = backend.apiVersion !== 'v2';
  const source = new HistorySource({
    backend,
    kept: options.kept,
    concurrency: options.concurrency,
    ...(options.logger ? { logger: options.logger } : {}),
  });

  const refuseOnV2 = () => {
    if (!supported) throw new UnsupportedOperationError('reports', 'usage insight', backend.apiVersion);
  };

  // Final months never change: once built they are reused from memory (bounded) instead of being
  // read and built again from the store on every trend.
  const finalMonths = new Map<Month, MonthReport>();

  /** The newest month with reports the last time a window asked `/latest` (for guessing the next window). */
  let lastLatest: Month | null = null;

  /** The `count` months ending with the latest month that has reports (or last month when none has). */
  async function window(count: number, latest?: LatestReports) {
    const lastMonth = () => addMonths(calendarOf(clock(), timeZone).month, -1);
    let newest = latest;
    let head: ReturnType<HistorySource['begin']> | null = null;
    if (!newest) {
      // The oldest months of the expected window travel with /latest instead of after it.
      // The later of the two: a guess too new still leaves with months of the real window, one too
      // old (a bot nobody asked for a trend in months) would ask for months outside it.
      const expected = lastLatest !== null && lastLatest > lastMonth() ? lastLatest : lastMonth();
      head = source.begin(monthsEndingWith(expected, count).filter((m) => !finalMonths.has(m)));
      newest = await head.latest;
    }
    lastLatest = newest.month ?? lastLatest;
    const last = newest.month ?? lastMonth();
    const wanted = monthsEndingWith(last, count);
    const got = await source.months(
      wanted.filter((m) => !finalMonths.has(m)),
      newest,
      head?.early,
    );
    const months = wanted.map((m) => finalMonths.get(m) ?? got.byMonth.get(m) ?? buildMonth(m, []));
    for (const month of months) {
      if (month.status !== 'final' || finalMonths.has(month.month)) continue;
      if (finalMonths.size >= MAX_MONTHS_IN_MEMORY) finalMonths.delete(finalMonths.keys().next().value as Month);
      finalMonths.set(month.month, month);
    }
    const remembered = wanted.filter((m) => !got.byMonth.has(m));
    return { months, got: { ...got, fromStore: [...remembered, ...got.fromStore].sort() }, newest };
  }

  async function findReport(reportId: number, latest: LatestReports): Promise<ReportSnapshot | null> {
    const recent = latest.reports.find((r) => r.reportId === reportId);
    if (recent) return recent;
    // VSPC has no "get one report": find it among all of them.
    const all = await backend.listReports({ kind: 'all' });
    const found = all.find((r) => r.reportId === reportId);
    return found ? snapshotOf(found) : null;
  }

  return {
    supported,
    thresholds,
    settled: () => source.settled(),

    async history(count) {
      refuseOnV2();
      return (await window(wholeNumber(count, DEFAULT_MONTHS, MAX_MONTHS, 'The number of months'))).months;
    },

    async trend(query = {}) {
      refuseOnV2();
      const count = wholeNumber(query.months, DEFAULT_MONTHS, MAX_MONTHS, '--months');
      const top = wholeNumber(query.top, DEFAULT_TOP, MAX_TOP, '--top');
      // One month more than shown: the first shown month's change needs its predecessor.
      const { months: all, got } = await window(count + 1);
      const [base, ...shown] = all as [MonthReport, ...MonthReport[]];
      // The product types the months name (a few; gathered only when --product asks for one).
      const seen = () => {
        const types = new Set<string>();
        for (const m of all) {
          for (const p of m.products) types.add(p.productType);
          for (const o of m.organizations) for (const type in o.products) types.add(type);
        }
        return [...types];
      };
      const product = query.product === undefined ? null : resolveProduct(query.product, seen());
      let org: { query: string; matched: OrgRef[] } | null = null;
      if (query.org !== undefined) {
        const matched = matchOrganizations(query.org, shown);
        if (matched.length === 0) {
          throw new InsightInputError(
            `No organization in the reports of ${shown[0]!.month} to ${shown.at(-1)!.month} matches "${query.org.slice(0, 60)}". Give its name, part of it, or its UID.`,
          );
        }
        org = { query: query.org, matched };
      }
      const inShown = (m: Month) => shown.some((s) => s.month === m);
      return buildTrend({
        months: shown,
        base: base.status === 'missing' ? null : base,
        top,
        product,
        org,
        source: { fromStore: got.fromStore.filter(inShown), fetched: got.fetched.filter(inShown) },
      });
    },

    async forecast() {
      refuseOnV2();
      const [{ months }, usage] = await Promise.all([window(GROWTH_STEPS + 1), backend.usage({})]);
      const now = clock();
      return buildForecast({
        calendar: calendarOf(now, timeZone),
        recent: months,
        current: currentPoints(usage),
        names: namesOf(months),
        asOf: now,
      });
    },

    async usageChanges() {
      refuseOnV2();
      const [latest, usage] = await Promise.all([source.latest(), backend.usage({})]);
      const last = latest.month === null ? null : buildMonth(latest.month, latest.reports);
      return findUsageChanges({
        last,
        current: currentPoints(usage),
        names: namesOf(last ? [last] : []),
        thresholds,
        asOf: clock(),
      });
    },

    async compareReport(target: number | UsageReport) {
      refuseOnV2();
      const latest = await source.latest();
      const report = typeof target === 'number' ? await findReport(target, latest) : snapshotOf(target);
      if (!report) return null;
      const month = addMonths(report.month, -1);
      const owner = orgKey(report.owner);
      const previous = (await source.reportsOf(month, latest))
        .filter((r) => orgKey(r.owner) === owner)
        .reduce<ReportSnapshot | null>((best, r) => (best === null || r.reportId > best.reportId ? r : best), null);
      return compareReports(report, previous);
    },
  };
}
