/**
 * Turns for the work that follows an ack. Every waiter resumes in an event-loop iteration of its
 * own, so incoming requests are read, verified and acked between two commands' work. A bare
 * `setImmediate` does not do that: 100 commands acked in one burst queue 100 immediates, and Node
 * runs them all in one check phase, so a request arriving meanwhile waits for every one of them
 * (npm run bench: acks of a second burst waited seconds while the first burst's answers rendered).
 */
export type TakeTurn = () => Promise<void>;

export function createTurns(): TakeTurn {
  const waiting: (() => void)[] = [];
  let scheduled = false;

  function releaseOne(): void {
    scheduled = false;
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
