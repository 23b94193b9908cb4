/**
 * Everything one person's App Home shows, from the same services the commands use: the open actions
 * waiting for their decision (the approval service's own rule: `refuseConfirm` says yes), their own
 * requests (open, and how the recent ones ended), the team facts (shared, cached), and their roles
 * with what they may do (as `whoami` says it). Someone who may not read sees only the last part.
 */
import type { Role } from '../../approvals/types.js';
import type { CommandContext } from '../../commands/context.js';
import { openActions } from '../../commands/handlers/pending.js';
import { handleWhoami } from '../../commands/handlers/whoami.js';
import type { PendingAction } from '../../store/types.js';
import type { TeamFacts, TeamFactsSource } from './team-facts.js';

/** Ended requests of the last week are "recent". */
const RECENT_MS = 7 * 86_400_000;
const MAX_RECENT = 5;
/** Ended actions scanned for the person's recent ones (newest first). */
const ENDED_SCAN = 200;

export interface HomeData {
  userId: string;
  now: Date;
  roles: Role[];
  may: string[];
  canRead: boolean;
  /** Pending actions this person may confirm now, oldest first. */
  waiting: PendingAction[];
  /** Their open requests (waiting or running), oldest first. */
  mine: PendingAction[];
  /** Their requests that ended within the last week, newest first. */
  recent: PendingAction[];
  /** null for someone who may not read. */
  team: TeamFacts | null;
  /** A one-off line at the top, e.g. why a click from this tab did nothing. */
  notice: string | null;
}

export async function loadHomeData(
  ctx: CommandContext,
  team: TeamFactsSource,
  notice: string | null = null,
): Promise<HomeData> {
  const { userId, access, store, clock } = ctx;
  const [whoami, canRead, open, ended] = await Promise.all([
    handleWhoami({ name: 'whoami', share: false }, ctx),
    access.canRead(userId),
    openActions(ctx),
    store.listActions({ status: ['succeeded', 'failed', 'cancelled', 'expired', 'unknown'], limit: ENDED_SCAN }),
  ]);
  const now = clock();
  const decidable = await Promise.all(
    open.map(async (action) => action.status === 'pending' && (await access.refuseConfirm(userId, action)) === null),
  );
  const roles = whoami.type === 'whoami' ? (whoami.roles as Role[]) : [];
  return {
    userId,
    now,
    roles,
    may: whoami.type === 'whoami' ? whoami.may : [],
    canRead,
    waiting: open.filter((_, index) => decidable[index]),
    mine: open.filter((action) => action.requestedBy === userId),
    recent: ended
      .filter((action) => action.requestedBy === userId)
      .filter((action) => now.getTime() - (action.finishedAt ?? action.createdAt).getTime() < RECENT_MS)
      .slice(0, MAX_RECENT),
    team: canRead ? await team.get() : null,
    notice,
  };
}
