/** The digest's one-line summary, shared by Slack (header text, notification fallback) and the CLI. */
import type { Digest } from './model.js';

type Counted = Pick<
  Digest,
  'expired' | 'expiring' | 'supportExpiring' | 'unhealthy' | 'overUsed' | 'pendingReports' | 'horizonDays' | 'usage'
>;

function usageChangeCount(digest: Counted): number {
  return digest.usage?.status === 'ok' ? digest.usage.changes.changes.length : 0;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function isEmptyDigest(digest: Counted): boolean {
  return (
    digest.expired.length === 0 &&
    digest.expiring.every((bucket) => bucket.rows.length === 0) &&
    digest.supportExpiring.length === 0 &&
    digest.unhealthy.length === 0 &&
    digest.overUsed.length === 0 &&
    digest.pendingReports.length === 0 &&
    usageChangeCount(digest) === 0 &&
    digest.usage?.status !== 'failed'
  );
}

export function summarize(digest: Counted): string {
  const days = digest.horizonDays;
  const expiring = digest.expiring.reduce((sum, bucket) => sum + bucket.rows.length, 0);
  const parts: string[] = [];
  if (digest.expired.length > 0) parts.push(`${digest.expired.length} expired`);
  if (expiring > 0) parts.push(`${expiring} expiring within ${days} days`);
  if (digest.unhealthy.length > 0) parts.push(`${digest.unhealthy.length} in Warning/Error`);
  if (digest.overUsed.length > 0) parts.push(`${digest.overUsed.length} over licensed units`);
  if (digest.supportExpiring.length > 0) {
    parts.push(`${plural(digest.supportExpiring.length, 'support contract', 'support contracts')} expiring`);
  }
  if (digest.pendingReports.length > 0) {
    const count = digest.pendingReports.length;
    parts.push(`${plural(count, 'report waits', 'reports wait')} for approval`);
  }
  const changes = usageChangeCount(digest);
  if (changes > 0) parts.push(plural(changes, 'usage change', 'usage changes'));
  if (digest.usage?.status === 'failed') parts.push('usage changes could not be read');
  if (parts.length === 0) {
    return `All clear: nothing expired or expiring within ${days} days, no license in Warning/Error, no usage over licensed units, no report waiting for approval.`;
  }
  return parts.join(' · ');
}
