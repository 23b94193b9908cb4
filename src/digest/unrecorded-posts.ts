/**
 * Digests that went out but whose `posted` record the store did not take (the database went away
 * between the post and its record). Until it is recorded the day's claim looks unfinished, and once
 * its lease runs out a later run (a retry here, a restart, another replica) would take it over and
 * post the day twice. So this process remembers each such post, never posts that channel and day
 * again, and records it as soon as the store answers: on a timer, and before every run.
 * Only a process that dies before the database is back loses this memory; its log has the post.
 */
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';

export interface UnrecordedPosts {
  remember(channel: string, day: string, ts: string): void;
  has(channel: string, day: string): boolean;
  /** Records what it can; what the store still refuses stays remembered. Never throws. */
  record(): Promise<void>;
  /** At stop: logs each post still unrecorded, for a person to mark by hand if need be. */
  abandon(): void;
}

export interface UnrecordedPostsDeps {
  store: Pick<Store, 'finishDigest'>;
  logger: Logger;
  /** Runs `task` after `delayMs` unless the service stops first. */
  later(delayMs: number, task: () => void): void;
  /** The pause between attempts at recording, until every post is recorded. */
  retryMs: number;
}

interface Post {
  channel: string;
  day: string;
  ts: string;
}

export function createUnrecordedPosts(deps: UnrecordedPostsDeps): UnrecordedPosts {
  const { store, logger } = deps;
  const posts = new Map<string, Post>();
  const key = (channel: string, day: string) => `${channel}\n${day}`;
  let booked = false;

  function book(): void {
    if (booked || posts.size === 0) return;
    booked = true;
    deps.later(deps.retryMs, () => {
      booked = false;
      void record();
    });
  }

  async function record(): Promise<void> {
    for (const [id, post] of posts) {
      try {
        await store.finishDigest(post.channel, post.day, 'posted', post.ts);
      } catch (error) {
        logger.warn({ ...post, err: error }, 'digest posted, still not recorded as posted; trying again later');
        book();
        return;
      }
      posts.delete(id);
      logger.warn(post, 'digest recorded as posted after the database came back');
    }
  }

  return {
    remember(channel, day, ts) {
      posts.set(key(channel, day), { channel, day, ts });
      logger.error(
        { channel, day, ts },
        'digest posted but not recorded as posted (the database is not available); this process will not post it again and records it when the database is back',
      );
      book();
    },
    has: (channel, day) => posts.has(key(channel, day)),
    record,
    abandon() {
      for (const post of posts.values()) {
        logger.error(
          post,
          'stopping with a digest posted but never recorded as posted: another instance may post this day again once the claim lease runs out',
        );
      }
    },
  };
}
