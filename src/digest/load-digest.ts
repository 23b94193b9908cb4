/**
 * Reads what the digest needs from VSPC: every license (through the inventory snapshot when there
 * is one), the reports waiting for approval, the auto-approve setting and the usage changes. What
 * an API version does not offer (v2 has no usage reports) is left out. The usage changes are extra:
 * when they fail the digest says so and posts the rest; any other failure is the caller's to report.
 */
import type { InsightService } from '../insight/service.js';
import { type LicensingBackend, UnsupportedOperationError } from '../licenses/backend.js';
import type { Inventory } from '../licenses/inventory.js';
import { LICENSE_KINDS, type License } from '../licenses/model.js';
import type { UsageReport } from '../reports/model.js';
import { describeVspcError, VspcError } from '../vspc/errors.js';
import { buildDigest } from './build-digest.js';
import type { Digest, DigestUsage } from './model.js';

export interface DigestSources {
  backend: LicensingBackend;
  inventory?: Inventory | undefined;
  /** Where the "Usage changes" come from; without it the digest has no such section. */
  insight?: InsightService | undefined;
}

/** What the channel reads when the usage changes fail: VSPC's words, code and request id. */
function describeUsageFailure(error: unknown): string {
  if (error instanceof VspcError) return `VSPC answered with an error (${describeVspcError(error)})`;
  return error instanceof Error ? error.message : String(error);
}

async function loadUsage(insight: InsightService | undefined): Promise<DigestUsage | null> {
  if (!insight?.supported) return null;
  try {
    return { status: 'ok', changes: await insight.usageChanges() };
  } catch (error) {
    if (error instanceof UnsupportedOperationError) return null;
    return { status: 'failed', reason: describeUsageFailure(error) };
  }
}

async function unlessUnsupported<T>(promise: Promise<T>, fallback: T): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof UnsupportedOperationError) return fallback;
    throw error;
  }
}

async function listLicenses({ backend, inventory }: DigestSources): Promise<License[]> {
  if (inventory) return inventory.list();
  const kinds = LICENSE_KINDS.filter((kind) => backend.supports(kind, 'list'));
  return (await Promise.all(kinds.map((kind) => backend.listLicenses(kind)))).flat();
}

export async function loadDigest(
  sources: DigestSources,
  options: { now: Date; timeZone: string; horizonDays: number },
): Promise<Digest> {
  const [licenses, reports, autoApprove, usage] = await Promise.all([
    listLicenses(sources),
    unlessUnsupported<UsageReport[]>(sources.backend.listReports({ kind: 'pending' }), []),
    unlessUnsupported<boolean | null>(
      sources.backend.getReportSettings().then((settings) => settings.autoApprove),
      null,
    ),
    loadUsage(sources.insight),
  ]);
  return buildDigest({ licenses, reports, autoApprove, usage, ...options });
}
