/** `/readyz` answers from the last VSPC answer within a window; it asks VSPC only when that is older. */
import { describe, expect, it } from 'vitest';
import { createReadiness } from '../../src/ops/readiness.js';

function harness(options: { storeOk?: boolean; vspcFails?: boolean } = {}) {
  let now = 1_000_000;
  let pings = 0;
  let release: (() => void) | null = null;
  const readiness = createReadiness({
    pingStore: async () => options.storeOk ?? true,
    pingVspc: () => {
      pings++;
      if (options.vspcFails) return Promise.reject(new Error('VSPC could not be reached'));
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    now: () => now,
    freshMs: 30_000,
  });
  return {
    readiness,
    pings: () => pings,
    answer: () => release?.(),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('readiness', () => {
  it('asks VSPC once for a burst of probes, then not again within the window', async () => {
    const h = harness();
    const probes = [h.readiness.check(), h.readiness.check(), h.readiness.check()];
    await Promise.resolve();
    h.answer();
    expect(await Promise.all(probes)).toEqual([true, true, true]);
    expect(h.pings()).toBe(1);
    h.advance(29_000);
    expect(await h.readiness.check()).toBe(true);
    expect(h.pings()).toBe(1);
  });

  it('any successful VSPC request the bot makes keeps it ready without a ping', async () => {
    const h = harness();
    h.readiness.vspcAnswered(200);
    expect(await h.readiness.check()).toBe(true);
    h.advance(25_000);
    h.readiness.vspcAnswered(202);
    h.advance(25_000);
    expect(await h.readiness.check()).toBe(true);
    expect(h.pings()).toBe(0);
  });

  it('failed requests do not count; an old answer means asking VSPC again', async () => {
    const h = harness();
    h.readiness.vspcAnswered(200);
    h.advance(31_000);
    h.readiness.vspcAnswered(520);
    h.readiness.vspcAnswered(0);
    const probe = h.readiness.check();
    await Promise.resolve();
    h.answer();
    expect(await probe).toBe(true);
    expect(h.pings()).toBe(1);
  });

  it('not ready when VSPC does not answer or the store does not', async () => {
    await expect(harness({ vspcFails: true }).readiness.check()).rejects.toThrow(/could not be reached/);
    const noStore = harness({ storeOk: false });
    noStore.readiness.vspcAnswered(200);
    expect(await noStore.readiness.check()).toBe(false);
  });
});
