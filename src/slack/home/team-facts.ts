/**
 * What the App Home shows everybody alike: licenses expired or expiring within 7 days (from the
 * inventory snapshot the commands use), the usage reports waiting for approval, and the digest (last
 * posted, next run, what it would say now). Loaded at most once per `ttlMs` however many people open
 * their Home at once (one load in flight is shared), so opening it does not hammer VSPC.
 */
import type { DigestSettings } from '../../config.js';
import { buildDigest } from '../../digest/build-digest.js';
import { nextDigestRun } from '../../digest/next-run.js';
import { type LicensingBackend, UnsupportedOperationError } from '../../licenses/backend.js';
import { type Clock, localDay, toRows } from '../../licenses/expiry.js';
import type { Inventory } from '../../licenses/inventory.js';
import type { LicenseRow } from '../../licenses/model.js';
import type { UsageReport } from '../../reports/model.js';
import type { Store } from '../../store/types.js';
import { describeVspcError, VspcError } from '../../vspc/errors.js';

/** "Expiring soon" on the Home tab: the digest's most urgent bucket. */
export const SOON_DAYS = 7;
/** How far back the last posted digest is looked for. */
const DIGEST_LOOKBACK_DAYS = 7;

export interface LastDigest {
  channel: string;
  day: string;
  messageTs: string | null;
}

export interface TeamFacts {
  /** Expired or expiring within SOON_DAYS, soonest (most overdue) first. */
  soon: LicenseRow[];
  /** null: this VSPC API has no usage reports (v2). */
  reports: UsageReport[] | null;
  digest: { summary: string; last: LastDigest | null; next: Date | null; channels: string[] } | null;
  /** Why VSPC's part is missing (licenses, reports), when it failed. */
  problem: string | null;
}

export interface TeamFactsDeps {
  backend: LicensingBackend;
  inventory: Inventory;
  store: Store;
  clock: Clock;
  timeZone: string;
  /** null without a digest channel: the Home then leaves the digest out. */
  digest: DigestSettings | null;
  ttlMs?: number;
}

export interface TeamFactsSource {
  get(): Promise<TeamFacts>;
  /** After a write reached VSPC: the next Home shows the change. */
  invalidate(): void;
}

export function createTeamFacts(deps: TeamFactsDeps): TeamFactsSource {
  const ttlMs = deps.ttlMs ?? 60_000;
  let cached: { at: number; facts: Promise<TeamFacts> } | undefined;
  return {
    get() {
      const now = deps.clock().getTime();
      if (cached && now - cached.at < ttlMs) return cached.facts;
      const facts = load(deps);
      cached = { at: now, facts };
      return facts;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

async function load(deps: TeamFactsDeps): Promise<TeamFacts> {
  const now = deps.clock();
  const [licenses, reports, last] = await Promise.all([
    deps.inventory.list().then(
      (list) => ({ list, problem: null }),
      (error: unknown) => ({ list: null, problem: describe(error) }),
    ),
    deps.backend.listReports({ kind: 'pending' }).then(
      (list) => ({ list, problem: null }),
      (error: unknown) =>
        error instanceof UnsupportedOperationError
          ? { list: null, problem: null }
          : { list: null, problem: describe(error) },
    ),
    lastDigest(deps, now),
  ]);
  const soon = licenses.list
    ? toRows(licenses.list, now, deps.timeZone)
        .filter((row) => row.daysLeft !== null && row.daysLeft <= SOON_DAYS)
        .sort((a, b) => (a.daysLeft ?? 0) - (b.daysLeft ?? 0))
    : [];
  const settings = deps.digest;
  const digest =
    settings && licenses.list
      ? {
          summary: buildDigest({
            licenses: licenses.list,
            reports: reports.list ?? [],
            autoApprove: null,
            now,
            timeZone: deps.timeZone,
            horizonDays: settings.expiryDays,
          }).summary,
          last,
          next: nextDigestRun(settings.cron, settings.timeZone),
          channels: settings.channels,
        }
      : null;
  const problem = licenses.problem ?? reports.problem;
  return { soon, reports: reports.list, digest, problem };
}

/** The newest posted digest of the last week, over every digest channel. */
async function lastDigest(deps: TeamFactsDeps, now: Date): Promise<LastDigest | null> {
  const settings = deps.digest;
  if (!settings) return null;
  for (let back = 0; back < DIGEST_LOOKBACK_DAYS; back++) {
    const day = localDay(new Date(now.getTime() - back * 86_400_000), settings.timeZone);
    for (const channel of settings.channels) {
      const record = await deps.store.getDigest(channel, day).catch(() => null);
      if (record?.status === 'posted') return { channel, day, messageTs: record.messageTs };
    }
  }
  return null;
}

function describe(error: unknown): string {
  if (error instanceof VspcError) return describeVspcError(error);
  return error instanceof Error ? error.message : String(error);
}
