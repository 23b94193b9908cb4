/**
 * Reads what the digest needs from VSPC: every license (through the inventory snapshot when there
 * is one), the reports waiting for approval and the auto-approve setting. What an API version does
 * not offer (v2 has no usage reports) is left out; any other failure is the caller's to report.
 */
import { type LicensingBackend, UnsupportedOperationError } from '../licenses/backend.js';
import type { Inventory } from '../licenses/inventory.js';
import { LICENSE_KINDS, type License } from '../licenses/model.js';
import type { UsageReport } from '../reports/model.js';
import { buildDigest } from './build-digest.js';
import type { Digest } from './model.js';

export interface DigestSources {
  backend: LicensingBackend;
  inventory?: Inventory | undefined;
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
  const [licenses, reports, autoApprove] = await Promise.all([
    listLicenses(sources),
    unlessUnsupported<UsageReport[]>(sources.backend.listReports({ kind: 'pending' }), []),
    unlessUnsupported<boolean | null>(
      sources.backend.getReportSettings().then((settings) => settings.autoApprove),
      null,
    ),
  ]);
  return buildDigest({ licenses, reports, autoApprove, ...options });
}
