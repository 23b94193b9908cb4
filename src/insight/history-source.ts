/**
 * Where the months come from. Finalized months (every report approved) never change, so they are
 * kept in the store and read from there; the rest is read from VSPC: the latest month from
 * `GET /licensing/reports/latest`, each other missing or open month from
 * `GET /licensing/reports/{date}`, several at once within the client's concurrency.
 *
 * Month semantics: the bot asks for month M with the date M-01 and files every report by its own
 * `reportInterval.startOfInterval`, never by the date it asked with. The schema calls `{date}` the
 * reports' generation date; should a server answer M-01 with the reports of M-1 only (generated on
 * the 1st for the month before), the source notices and from then on asks with the 1st of M+1.
 */
import type { LicensingBackend } from '../licenses/backend.js';
import type { Logger } from '../log.js';
import { mapLimit } from './map-limit.js';
import { addMonths } from './months.js';
import { isFinal, type ReportSnapshot, snapshotOf } from './snapshot.js';
import type { Month } from './types.js';

/** The store's side: months kept once final (an empty list: VSPC has no reports for that month and never will). */
export interface KeptMonths {
  load(months: readonly Month[]): Promise<Map<Month, ReportSnapshot[]>>;
  keep(month: Month, reports: readonly ReportSnapshot[]): Promise<void>;
}

export interface HistorySourceOptions {
  backend: LicensingBackend;
  kept: KeptMonths | null;
  /** How many months are fetched at once (VSPC_PAGE_CONCURRENCY). */
  concurrency: number;
  logger?: Logger;
}

export interface LatestReports {
  /** The newest month any report covers; null when VSPC has no reports. */
  month: Month | null;
  reports: ReportSnapshot[];
}

export interface FetchedMonths {
  byMonth: Map<Month, ReportSnapshot[]>;
  fromStore: Month[];
  fetched: Month[];
}

export class HistorySource {
  /** 1 once the server turned out to select reports by generation date (the 1st of the month after). */
  #dateShift = 0;

  constructor(private readonly options: HistorySourceOptions) {}

  async latest(): Promise<LatestReports> {
    const reports = (await this.options.backend.listReports({ kind: 'latest' })).map(snapshotOf);
    const month = reports.reduce<Month | null>((max, r) => (max === null || r.month > max ? r.month : max), null);
    return { month, reports: reports.filter((r) => r.month === month) };
  }

  /** The reports of each wanted month ([] when VSPC has none); `latest` answers its own month. */
  async months(wanted: readonly Month[], latest: LatestReports): Promise<FetchedMonths> {
    const { kept, concurrency } = this.options;
    const byMonth = kept ? await this.loadKept(kept, wanted) : new Map<Month, ReportSnapshot[]>();
    const fromStore = wanted.filter((m) => byMonth.has(m));
    const missing = wanted.filter((m) => !byMonth.has(m));
    const toFetch = missing.filter((m) => m !== latest.month);
    if (latest.month !== null && missing.includes(latest.month)) byMonth.set(latest.month, latest.reports);
    const answers = await mapLimit(toFetch, concurrency, (m) => this.fetchMonth(m));
    for (const [i, m] of toFetch.entries()) byMonth.set(m, answers[i]!);
    if (kept) await this.keepFinal(kept, missing, byMonth, latest.month);
    return { byMonth, fromStore, fetched: missing };
  }

  private async loadKept(kept: KeptMonths, wanted: readonly Month[]): Promise<Map<Month, ReportSnapshot[]>> {
    try {
      return await kept.load(wanted);
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'usage history: could not read kept months; reading them from VSPC');
      return new Map();
    }
  }

  private async fetchMonth(month: Month): Promise<ReportSnapshot[]> {
    const shift = this.#dateShift;
    const asked = addMonths(month, shift);
    const answer = (await this.options.backend.listReports({ kind: 'month', month: asked })).map(snapshotOf);
    const mine = answer.filter((r) => r.month === month);
    if (
      mine.length === 0 &&
      shift === 0 &&
      answer.length > 0 &&
      answer.every((r) => r.month === addMonths(asked, -1))
    ) {
      this.#dateShift = 1;
      this.options.logger?.info(
        { asked: `${asked}-01`, got: addMonths(asked, -1) },
        'VSPC selects usage reports by generation date: asking for month M with the 1st of M+1 from now on',
      );
      return this.fetchMonth(month);
    }
    return mine;
  }

  /**
   * Keeps what cannot change: months whose reports are all approved, and months without reports
   * that lie before a month with reports (VSPC does not generate reports for the past).
   */
  private async keepFinal(
    kept: KeptMonths,
    months: readonly Month[],
    byMonth: ReadonlyMap<Month, ReportSnapshot[]>,
    latestMonth: Month | null,
  ): Promise<void> {
    for (const month of months) {
      const reports = byMonth.get(month) ?? [];
      const final =
        reports.length > 0
          ? reports.every((r) => isFinal(r.status))
          : latestMonth !== null && month < addMonths(latestMonth, -1);
      if (!final) continue;
      try {
        await kept.keep(month, reports);
      } catch (error) {
        this.options.logger?.warn({ err: error, month }, 'usage history: could not keep a finalized month');
      }
    }
  }
}
