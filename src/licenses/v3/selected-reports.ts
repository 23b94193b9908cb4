/**
 * Usage reports asked for with VSPC's `select`: only the properties `reportToUsageReport` reads.
 * Per organization, VSPC lists every workload of every license (`usageDetails[].…workloadUsage`),
 * about 70 % of a report's JSON, which no model here carries. A month at 1,000 companies is 2.7 MB
 * whole, 0.8 MB with `REPORT_SELECT` and 0.55 MB with `MONTH_SELECT`; 24 whole months made the
 * first `trend` wait on moving and parsing 65 MB.
 *
 * VSPC 9.0 documents `select` with `subschema.property` paths; how a path through an array is read
 * is not documented. So a selected answer is used only when it holds what the mapping reads (a
 * server that ignores `select` sends everything, which is fine). A 400 to the selected request or
 * an answer missing something turns `select` off for this backend, and the reports are asked for
 * again whole: a read, so asking twice is safe.
 */
import type { Logger } from '../../log.js';
import {
  type CollectionQuery,
  type PagedCollection,
  type RequestSlots,
  type SelectExpression,
  type SingleLicenseReport,
  VspcError,
} from '../../vspc/index.js';

const paths = (list: readonly string[]): readonly SelectExpression[] => list.map((propertyPath) => ({ propertyPath }));

const PER_ORGANIZATION = [
  'reportStatus',
  'reportParameters',
  'organizationsUsage',
  'notCollectedCloudServers',
  'usageDetails.organizationUid',
  'usageDetails.usageByLicenseAndProduct.productType',
  'usageDetails.usageByLicenseAndProduct.usedPoints',
];

/** Exactly the paths `reportToUsageReport` (map-reports.ts) reads; a test keeps the two together. */
export const REPORT_SELECT = paths([...PER_ORGANIZATION, 'reportSummary']);

/**
 * A month for usage insight: the same without the per-workload lines of the report's products,
 * which insight does not read (`products[].workloads` come back empty).
 */
export const MONTH_SELECT = paths([
  ...PER_ORGANIZATION,
  'reportSummary.totalPoints',
  'reportSummary.productsUsage.productType',
  'reportSummary.productsUsage.licenseEdition',
  'reportSummary.productsUsage.totalPoints',
]);

/** Whether a selected answer holds all the mapping reads; if not, the server read `select` differently. */
export function holdsSelection(reports: readonly SingleLicenseReport[]): boolean {
  return reports.every((report) => {
    // 3.5.1 spells it `reportParemeters`, which the selection does not name.
    if (!report.reportParameters || !report.reportSummary) return false;
    const details = report.usageDetails ?? [];
    if (details.length === 0 && (report.organizationsUsage ?? []).some((o) => (o.usedPoints ?? 0) > 0)) return false;
    return details.every(
      (detail) =>
        typeof detail.organizationUid === 'string' &&
        (detail.usageByLicenseAndProduct ?? []).every(
          (usage) => typeof usage.usedPoints === 'number' && typeof usage.productType === 'string',
        ),
    );
  });
}

export class SelectedReports {
  /** Off once the server refused or misread `select`: from then on reports are asked for whole. */
  #selecting = true;

  constructor(private readonly logger: Logger | undefined) {}

  /** Every report of the collection that `collection` makes for a query, through `slots` when given. */
  async read(
    collection: (query: CollectionQuery) => PagedCollection<SingleLicenseReport>,
    options: { select?: readonly SelectExpression[]; slots?: RequestSlots | undefined } = {},
  ): Promise<SingleLicenseReport[]> {
    const { select = REPORT_SELECT, slots } = options;
    const open = (query: CollectionQuery) => (slots ? collection(query).through(slots) : collection(query));
    if (!this.#selecting) return open({}).all();
    let selected: SingleLicenseReport[];
    try {
      selected = await open({ select: [...select] }).all();
    } catch (error) {
      if (!(error instanceof VspcError && error.status === 400)) throw error;
      const whole = await open({}).all();
      this.stop('VSPC refused select on usage reports', error);
      return whole;
    }
    if (holdsSelection(selected)) return selected;
    const whole = await open({}).all();
    this.stop('VSPC answered select on usage reports without all the properties asked for', null);
    return whole;
  }

  private stop(reason: string, error: unknown): void {
    if (!this.#selecting) return;
    this.#selecting = false;
    this.logger?.warn(
      { ...(error ? { err: error } : {}) },
      `${reason}: reading whole reports from now on (slower: about 5× the bytes at 1,000 companies)`,
    );
  }
}
