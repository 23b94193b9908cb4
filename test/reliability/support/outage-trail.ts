/**
 * The audit trail of one confirmed write whose outcome was recorded while the database was away, plus
 * one read command made during the outage: what a test expects to find in the store once it is back.
 */
import type { AuditEntry, Store } from '../../../src/store/types.js';
import { eventually } from './eventually.js';

/** Waits until the store holds the outage's command entry, then returns the whole trail oldest first. */
export async function trailAfterOutage(store: Pick<Store, 'listAudit'>, command: string): Promise<AuditEntry[]> {
  return eventually(
    async () => {
      const all = (await store.listAudit(1000)).reverse();
      return all.some((entry) => entry.event === 'command' && entry.what === command) ? all : undefined;
    },
    { timeoutMs: 30_000, what: 'the entries of the outage to reach the store' },
  );
}

/**
 * `event: what` of the user's own entries about one action and the outage's command, oldest first
 * (the sweeper's `system` entries, if it settled the action meanwhile, are left out).
 */
export function linesOf(trail: AuditEntry[], actor: string, actionId: string, command: string): string[] {
  return trail
    .filter((entry) => entry.actor === actor)
    .filter((entry) => entry.actionId === actionId || (entry.event === 'command' && entry.what === command))
    .filter((entry) => entry.event !== 'command' || entry.what === command)
    .map((entry) => `${entry.event}: ${entry.what}`);
}

/** What `linesOf` must give for a `license update` confirmed by the same person, then the outage's read command. */
export function expectedLines(command: string): RegExp[] {
  return [
    /^request: Ask VSPC to download and install a fresh license/,
    /^click: confirm Update license$/,
    /^transition: pending→executing$/,
    // Made while the database was away:
    /^transition: executing→succeeded$/,
    /^outcome: Update license$/,
    new RegExp(`^command: ${command}$`),
  ];
}
