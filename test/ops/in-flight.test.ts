import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/ops/in-flight.js';

describe('InFlight', () => {
  it('drains running work and reports whether it finished in time', async () => {
    const inFlight = new InFlight();
    let finished = false;
    inFlight.track(
      new Promise<void>((resolve) =>
        setTimeout(() => {
          finished = true;
          resolve();
        }, 50),
      ),
    );
    expect(inFlight.size).toBe(1);
    expect(await inFlight.drain(2000)).toBe(true);
    expect(finished).toBe(true);
    expect(inFlight.closed).toBe(true);
  });

  it('gives up after the timeout and keeps failures from escaping', async () => {
    const inFlight = new InFlight();
    inFlight.track(new Promise(() => {}));
    inFlight.track(Promise.reject(new Error('boom'))).catch(() => {});
    expect(await inFlight.drain(30)).toBe(false);
  });
});
