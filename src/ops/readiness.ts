/**
 * What `/readyz` checks, cheaply: the store answers a ping (local), and VSPC answered an
 * authenticated request within the last `freshMs`. Any successful VSPC request the bot makes counts,
 * so a busy bot never pings VSPC for its probes; an idle one pings at most once per window, and
 * concurrent probes share that one ping. A probe never waits on a VSPC that already answered lately.
 */
export interface ReadinessDeps {
  pingStore(): Promise<boolean>;
  /** An authenticated VSPC request; resolves when VSPC answered it. */
  pingVspc(): Promise<void>;
  now(): number;
  /** How long a VSPC answer keeps the bot ready; default 30 s. */
  freshMs?: number;
}

export interface Readiness {
  /** Every VSPC request's HTTP status (0: no answer): 2xx/3xx count as VSPC answering. */
  vspcAnswered(status: number): void;
  check(): Promise<boolean>;
}

export const DEFAULT_READY_FRESH_MS = 30_000;

export function createReadiness(deps: ReadinessDeps): Readiness {
  const freshMs = deps.freshMs ?? DEFAULT_READY_FRESH_MS;
  let lastAnswer = Number.NEGATIVE_INFINITY;
  let ping: Promise<void> | null = null;

  const vspcUp = async (): Promise<void> => {
    if (deps.now() - lastAnswer <= freshMs) return;
    ping ??= deps.pingVspc().finally(() => {
      ping = null;
    });
    await ping;
    // The ping's own answer counts even when its request bypassed `vspcAnswered` (a backend built by a test).
    lastAnswer = Math.max(lastAnswer, deps.now());
  };

  return {
    vspcAnswered(status) {
      if (status >= 200 && status < 400) lastAnswer = deps.now();
    },
    async check() {
      const [storeOk] = await Promise.all([deps.pingStore(), vspcUp()]);
      return storeOk;
    },
  };
}
