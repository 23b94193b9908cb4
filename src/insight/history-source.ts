/**
 * Where the months come from. Finalized months (every report approved) never change, so they are
 * kept in the store and read from there; the rest is read from VSPC: the latest month from
 * `GET /licensing/reports/latest`, each other missing or open month from
 * `GET /licensing/reports/{date}`, several at once within the client's concurrency.
 *
 * Kept months are written after the answer, not before it: writing 24 built months into the store
 * took about 120 ms of the first trend's CPU (npm run bench). The writes run one after another once
 * the months are read; the next read of kept months waits for them, and `settled()` lets the owner
 * wait before closing the store. A write lost to a stop in between only means that month is read
 * from VSPC again.
 *
 * Month semantics: the bot asks for month M with the date M-01 and files every report by its own
 * `reportInterval.startOfInterval`, never by the date it asked with. The schema calls `{date}` the
 * reports' generation date; should a server answer M-01 with the reports of M-1 only (generated on
 * the 1st for the month before), the source notices and from then on asks with the 1st of M+1.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LicensingBackend } from '../licenses/backend.js';
import type { Logger } from '../log.js';
import { RequestSlots } from '../vspc/request-slots.js';
import { buildMonth } from './build-month.js';
import { addMonths } from './months.js';
import { ownLines, type ReportSnapshot, snapshotOf } from './snapshot.js';
import type { Month, MonthReport } from './types.js';

/** The store's side: months kept once final (status `missing`: VSPC has no reports for that month and never will). */
export interface KeptMonths {
  /** The built months kept among `months`. */
  load(months: readonly Month[]): Promise<Map<Month, MonthReport>>;
  /** A kept month's reports (their own lines; no per-product lines), or null when the month is not kept. */
  reports(month: Month): Promise<ReportSnapshot[] | null>;
  keep(month: MonthReport, reports: readonly ReportSnapshot[]): Promise<void>;
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

/** What `begin` found and started before `/latest` answered. */
export interface EarlyMonths {
  slots: RequestSlots;
  /** The months `begin` looked up in the store. */
  guessed: ReadonlySet<Month>;
  kept: ReadonlyMap<Month, MonthReport>;
  started: ReadonlyMap<Month, Promise<ReportSnapshot[]>>;
}

export interface FetchedMonths {
  byMonth: Map<Month, MonthReport>;
  fromStore: Month[];
  fetched: Month[];
}

export class HistorySource {
  /** 1 once the server turned out to select reports by generation date (the 1st of the month after). */
  #dateShift = 0;
  /** The kept-month writes not done yet, one after another; never rejects. */
  #keeping: Promise<void> = Promise.resolve();

  constructor(private readonly options: HistorySourceOptions) {}

  async latest(slots?: RequestSlots): Promise<LatestReports> {
    const answer = await this.options.backend.listReports({ kind: 'latest' }, slots ? { slots } : {});
    const reports = answer.map(snapshotOf);
    const month = reports.reduce<Month | null>((max, r) => (max === null || r.month > max ? r.month : max), null);
    return { month, reports: reports.filter((r) => r.month === month) };
  }

  /**
   * `/latest` and, while it travels, the oldest months of `guess` (the window the caller expects)
   * that are not kept, in the slots `/latest` leaves free: they would otherwise wait a whole round
   * trip for `/latest` to name the window. Hand `early` to `months`.
   */
  begin(guess: readonly Month[]): { latest: Promise<LatestReports>; early: Promise<EarlyMonths> } {
    const slots = new RequestSlots(this.options.concurrency);
    const latest = this.latest(slots);
    const early = (async (): Promise<EarlyMonths> => {
      const { kept, concurrency } = this.options;
      const keptNow = kept ? await this.loadKept(kept, guess) : new Map<Month, MonthReport>();
      const started = new Map<Month, Promise<ReportSnapshot[]>>();
      // Not the two newest: the newest may have no reports yet, the one before is often the open
      // month `/latest` answers itself.
      const candidates = guess.slice(0, Math.max(0, guess.length - 2)).filter((m) => !keptNow.has(m));
      for (const month of candidates.slice(0, concurrency - 1)) {
        const fetching = this.fetchMonth(month, slots);
        // Observed here: a month the window turns out not to need may fail unread.
        fetching.catch(() => {});
        started.set(month, fetching);
      }
      return { slots, guessed: new Set(guess), kept: keptNow, started };
    })();
    // Observed here too: when /latest fails, `months` never reads it.
    early.catch(() => {});
    return { latest, early };
  }

  /** Each wanted month, built (status `missing` when VSPC has none); `latest` answers its own month. */
  async months(wanted: readonly Month[], latest: LatestReports, head?: Promise<EarlyMonths>): Promise<FetchedMonths> {
    const { kept, concurrency } = this.options;
    const early = await head;
    const byMonth = new Map<Month, MonthReport>();
    for (const m of wanted) {
      const known = early?.kept.get(m);
      if (known) byMonth.set(m, known);
    }
    const unchecked = wanted.filter((m) => !early?.guessed.has(m));
    if (kept && unchecked.length > 0)
      for (const [m, month] of await this.loadKept(kept, unchecked)) byMonth.set(m, month);
    const fromStore = wanted.filter((m) => byMonth.has(m));
    const missing = wanted.filter((m) => !byMonth.has(m));
    const toFetch = missing.filter((m) => m !== latest.month);
    // Each month is built (and kept) as it arrives, while the others are still on their way.
    const toKeep: [MonthReport, readonly ReportSnapshot[]][] = [];
    const settle = (month: Month, reports: readonly ReportSnapshot[]): void => {
      const built = buildMonth(month, reports);
      byMonth.set(month, built);
      // Held until written: only what is kept of the reports, not their per-product lines.
      toKeep.push([built, reports.map(ownLines)]);
    };
    // All months at once through one set of slots: at most `concurrency` requests out, and a
    // month is parsed while the next ones travel. The latest month is built once they are out.
    const slots = early?.slots ?? new RequestSlots(concurrency);
    const buildLatest = async () => {
      await nextTurn();
      if (latest.month !== null && missing.includes(latest.month)) settle(latest.month, latest.reports);
    };
    const fetchAndBuild = async (m: Month) => {
      const reports = await (early?.started.get(m) ?? this.fetchMonth(m, slots));
      // Built on a later turn: answers that arrived meanwhile are read first, and their slots freed.
      await nextTurn();
      settle(m, reports);
    };
    try {
      await Promise.all([...toFetch.map(fetchAndBuild), buildLatest()]);
    } finally {
      // Also when a month failed: the months read by then are not asked for again next time.
      if (kept) this.keepLater(kept, toKeep, latest.month);
    }
    return { byMonth, fromStore, fetched: missing };
  }

  /** One month's reports (`report <id>` compares with them): the latest, kept, or read from VSPC. */
  async reportsOf(month: Month, latest: LatestReports): Promise<ReportSnapshot[]> {
    if (month === latest.month) return latest.reports;
    const { kept } = this.options;
    await this.#keeping;
    const stored = kept ? await kept.reports(month).catch(() => null) : null;
    if (stored) return stored;
    const reports = await this.fetchMonth(month);
    if (kept) this.keepLater(kept, [[buildMonth(month, reports), reports]], latest.month);
    return reports;
  }

  /** Resolves once every kept-month write started so far is done (or failed and was logged). */
  settled(): Promise<void> {
    return this.#keeping;
  }

  /**
   * Writes the months that can be kept once the answer that read them is built (a later turn of the
   * event loop), one a turn, so that Slack requests arriving meanwhile are not held up.
   */
  private keepLater(
    kept: KeptMonths,
    months: readonly [MonthReport, readonly ReportSnapshot[]][],
    latest: Month | null,
  ) {
    if (months.length === 0) return;
    this.#keeping = this.#keeping.then(async () => {
      for (const [built, reports] of months) {
        await nextTurn();
        await this.keepIfFinal(kept, built, reports, latest);
      }
    });
  }

  private async loadKept(kept: KeptMonths, wanted: readonly Month[]): Promise<Map<Month, MonthReport>> {
    // A month written a moment ago is read back as kept, not fetched again.
    await this.#keeping;
    try {
      return await kept.load(wanted);
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'usage history: could not read kept months; reading them from VSPC');
      return new Map();
    }
  }

  private async fetchMonth(month: Month, slots?: RequestSlots): Promise<ReportSnapshot[]> {
    const shift = this.#dateShift;
    const asked = addMonths(month, shift);
    const answer = (
      await this.options.backend.listReports({ kind: 'month', month: asked }, slots ? { slots } : {})
    ).map(snapshotOf);
    const mine = answer.filter((r) => r.month === month);
    if (
      mine.length === 0 &&
      shift === 0 &&
      answer.length > 0 &&
      answer.every((r) => r.month === addMonths(asked, -1))
    ) {
      // Months already on their way when the first answer told are asked again; say it once.
      if (this.#dateShift === 0) {
        this.#dateShift = 1;
        this.options.logger?.info(
          { asked: `${asked}-01`, got: addMonths(asked, -1) },
          'VSPC selects usage reports by generation date: asking for month M with the 1st of M+1 from now on',
        );
      }
      return this.fetchMonth(month, slots);
    }
    return mine;
  }

  /**
   * Keeps what cannot change: months whose reports are all approved, and months without reports
   * that lie before a month with reports (VSPC does not generate reports for the past).
   */
  private async keepIfFinal(
    kept: KeptMonths,
    built: MonthReport,
    reports: readonly ReportSnapshot[],
    latestMonth: Month | null,
  ): Promise<void> {
    const final =
      built.status === 'final' ||
      (built.status === 'missing' && latestMonth !== null && built.month < addMonths(latestMonth, -1));
    if (!final) return;
    try {
      await kept.keep(built, reports);
    } catch (error) {
      this.options.logger?.warn({ err: error, month: built.month }, 'usage history: could not keep a finalized month');
    }
  }
}
