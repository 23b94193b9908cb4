/**
 * Outcomes this process knows but could not store: the VSPC write ended (the card says how), and
 * then the database refused the `executing → …` transition (PostgreSQL away, SQLite read-only).
 * Left alone, the row would stay `executing` and recovery would ask VSPC's async-action record —
 * which a synchronous write never has — and after the grace mark a finished write "outcome
 * unknown", rewriting a card that told the truth. So the outcome is kept here, recovery leaves the
 * action alone while it is, and the sweeper's round records it once the database answers.
 *
 * Memory only: a process that dies first loses it, and recovery then treats the action like any
 * other a crash left (VSPC's record, else unknown after the grace). The log line written when the
 * outcome could not be stored carries it, so a person can still tell.
 */
import type { Logger } from '../log.js';
import type { ActionStatus, Store } from '../store/types.js';

export interface KnownOutcome {
  status: ActionStatus;
  outcome: string;
  finishedAt: Date;
}

/**
 * Records a finished write. Recovery on another replica may have marked it unknown meanwhile: the
 * real outcome wins. False when the action had moved elsewhere (nothing to record).
 */
export async function recordOutcome(store: Store, actionId: string, known: KnownOutcome): Promise<boolean> {
  const patch = { outcome: known.outcome, finishedAt: known.finishedAt };
  return (
    (await store.transition(actionId, 'executing', known.status, known.finishedAt, patch)) ||
    (await store.transition(actionId, 'unknown', known.status, known.finishedAt, patch))
  );
}

export class UnrecordedOutcomes {
  private readonly waiting = new Map<string, KnownOutcome>();

  constructor(private readonly logger: Logger) {}

  keep(actionId: string, known: KnownOutcome, error: unknown): void {
    this.waiting.set(actionId, known);
    this.logger.error(
      { err: error, actionId, status: known.status, outcome: known.outcome },
      'could not record the outcome; kept in memory and recorded when the database is back',
    );
  }

  has(actionId: string): boolean {
    return this.waiting.has(actionId);
  }

  get size(): number {
    return this.waiting.size;
  }

  /** Records the kept outcomes, oldest first; stops at the first the store refuses (it is still away). */
  async flush(store: Store): Promise<number> {
    let recorded = 0;
    for (const [actionId, known] of this.waiting) {
      const moved = await recordOutcome(store, actionId, known);
      this.waiting.delete(actionId);
      if (moved) recorded++;
      else this.logger.error({ actionId, outcome: known.outcome }, 'the action changed state while its outcome waited');
    }
    if (recorded > 0) this.logger.warn({ recorded }, 'recorded outcomes kept while the database was not available');
    return recorded;
  }
}
