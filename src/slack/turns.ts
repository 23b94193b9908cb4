/**
 * Turns for the work that follows an ack. Every waiter resumes in an event-loop iteration of its
 * own, so incoming requests are read, verified and acked between two commands' work. A bare
 * `setImmediate` does not do that: 100 commands acked in one burst queue 100 immediates, and Node
 * runs them all in one check phase, so a request arriving meanwhile waits for every one of them
 * (npm run bench: acks of a second burst waited seconds while the first burst's answers rendered).
 *
 * While Slack requests keep arriving (`arrivals` moved since the last look), a turn waits one more
 * iteration, at most `MAX_YIELDS` in a row: a burst is read and acked before the work queued behind
 * earlier acks, and the work still gets at least one turn in every `MAX_YIELDS + 1` iterations.
 */
export type TakeTurn = () => Promise<void>;

/** How many iterations in a row a turn gives way to arriving requests. */
export const MAX_YIELDS = 8;

/** Requests the process has received so far: every request on the HTTP server (probes too), every Socket Mode event. */
let arrived = 0;

/** Called for every request the HTTP server or the Socket Mode client receives. */
export function noteArrival(): void {
  arrived++;
}

/** The count `noteArrival` keeps (what the process-wide turns look at). */
export function arrivalsSoFar(): number {
  return arrived;
}

export function createTurns(arrivals: () => number = arrivalsSoFar): TakeTurn {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  let lastSeen = arrivals();
  let yielded = 0;

  function releaseOne(): void {
    scheduled = false;
    const seen = arrivals();
    if (seen !== lastSeen && yielded < MAX_YIELDS) {
      lastSeen = seen;
      yielded++;
      schedule();
      return;
    }
    lastSeen = seen;
    yielded = 0;
    waiting.shift()?.();
    // Scheduled from inside the check phase, the next release runs after the next poll for I/O.
    if (waiting.length > 0) schedule();
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(releaseOne);
  }

  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      schedule();
    });
}
