/**
 * A token bucket for one Web API method: `views.publish` is Tier 4 (about 100 calls a minute per
 * workspace, short bursts tolerated). Callers wait for a token instead of being answered 429.
 */
export interface RateLimit {
  take(): Promise<void>;
}

export function createRateLimit(options: { perMinute: number; burst: number }): RateLimit {
  const refillMs = 60_000 / options.perMinute;
  let tokens = options.burst;
  let last = Date.now();
  let queue = Promise.resolve();

  const refill = () => {
    const now = Date.now();
    tokens = Math.min(options.burst, tokens + (now - last) / refillMs);
    last = now;
  };

  return {
    take() {
      // One waiter at a time, in arrival order.
      const turn = queue.then(async () => {
        refill();
        if (tokens < 1) {
          await new Promise((resolve) => setTimeout(resolve, Math.ceil((1 - tokens) * refillMs)).unref?.());
          refill();
        }
        tokens -= 1;
      });
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
