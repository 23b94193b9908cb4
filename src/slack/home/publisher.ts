/**
 * Publishes App Home views without hammering anything: per person, one build and `views.publish`
 * at a time, at most one more queued behind it however many opens or changes arrive meanwhile (they
 * all want the same fresh view), and at least `minGapMs` between two publishes for the same person;
 * across people, a token bucket keeps to the `views.publish` rate limit. A notice (why a click from
 * the tab did nothing) rides on the next publish.
 */
import type { Logger } from '../../log.js';
import { createRateLimit, type RateLimit } from './rate-limit.js';
import type { HomeView } from './render-home.js';

export interface HomePublisherDeps {
  build(userId: string, notice: string | null): Promise<HomeView>;
  publish(userId: string, view: HomeView): Promise<void>;
  logger: Logger;
  /** Least time between two publishes for one person (default 2 s). */
  minGapMs?: number;
  rateLimit?: RateLimit;
}

export interface HomePublisher {
  /** Asks for a fresh view of this person's Home; resolves when it (or a later one) is out. */
  refresh(userId: string, notice?: string): Promise<void>;
  /** People whose Home this process has published: changes refresh only theirs. */
  knows(userId: string): boolean;
  /** Resolves once nothing is being built or published. */
  idle(): Promise<void>;
}

interface PersonState {
  run: Promise<void>;
  again: boolean;
  notice: string | null;
}

/** People remembered as having a Home; beyond this, the oldest are forgotten. */
const MAX_KNOWN = 10_000;

export function createHomePublisher(deps: HomePublisherDeps): HomePublisher {
  const minGapMs = deps.minGapMs ?? 2000;
  const limit = deps.rateLimit ?? createRateLimit({ perMinute: 90, burst: 20 });
  const people = new Map<string, PersonState>();
  const lastPublished = new Map<string, number>();

  async function publishOnce(userId: string, state: PersonState): Promise<void> {
    const wait = (lastPublished.get(userId) ?? 0) + minGapMs - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await limit.take();
    const notice = state.notice;
    state.notice = null;
    try {
      const view = await deps.build(userId, notice);
      await deps.publish(userId, view);
    } catch (error) {
      deps.logger.warn({ err: error, user: userId }, 'could not publish the App Home');
    } finally {
      lastPublished.delete(userId);
      if (lastPublished.size >= MAX_KNOWN) {
        const oldest = lastPublished.keys().next().value;
        if (oldest !== undefined) lastPublished.delete(oldest);
      }
      lastPublished.set(userId, Date.now());
    }
  }

  async function loop(userId: string, state: PersonState): Promise<void> {
    try {
      do {
        state.again = false;
        await publishOnce(userId, state);
      } while (state.again);
    } finally {
      people.delete(userId);
    }
  }

  return {
    refresh(userId, notice) {
      const running = people.get(userId);
      if (running) {
        running.again = true;
        if (notice) running.notice = notice;
        return running.run;
      }
      const state: PersonState = { run: Promise.resolve(), again: false, notice: notice ?? null };
      people.set(userId, state);
      state.run = loop(userId, state);
      return state.run;
    },
    knows: (userId) => lastPublished.has(userId) || people.has(userId),
    async idle() {
      while (people.size > 0) await Promise.all([...people.values()].map((state) => state.run));
    },
  };
}
