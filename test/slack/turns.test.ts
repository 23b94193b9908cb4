/**
 * Work after acks takes turns: I/O that arrives while many commands wait to render is read between
 * two of them, not after all of them (as with one `setImmediate` each, which Node runs in one batch).
 */
import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTurns, MAX_YIELDS } from '../../src/slack/turns.js';

const WAITERS = 20;
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** A loopback connection; resolves the server side's socket and the client. */
async function loopback(): Promise<{ server: Socket; client: Socket }> {
  const listener = createServer();
  listener.listen(0, '127.0.0.1');
  await once(listener, 'listening');
  const address = listener.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const accepted = once(listener, 'connection');
  const client = connect(port, '127.0.0.1');
  const [server] = (await accepted) as [Socket];
  await once(client, 'connect');
  cleanup = () => {
    client.destroy();
    server.destroy();
    listener.close();
  };
  return { server, client };
}

describe('turns after acks', () => {
  it('resume every waiter, in order', async () => {
    const takeTurn = createTurns();
    const order: number[] = [];
    await Promise.all(Array.from({ length: WAITERS }, (_, i) => takeTurn().then(() => order.push(i))));
    expect(order).toEqual(Array.from({ length: WAITERS }, (_, i) => i));
  });

  it('let a request that arrives meanwhile be read before the last waiter runs', async () => {
    const { server, client } = await loopback();
    const takeTurn = createTurns();
    const events: string[] = [];
    server.on('data', () => events.push('request read'));
    await Promise.all(
      Array.from({ length: WAITERS }, (_, i) =>
        takeTurn().then(() => {
          // The first waiter's work makes a request arrive (as a new Slack request would).
          if (i === 0) client.write('POST /slack/events');
          events.push(`waiter ${i}`);
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toContain('request read');
    expect(events.indexOf('request read')).toBeLessThan(events.indexOf(`waiter ${WAITERS - 1}`));
  });

  /** Event-loop iterations until `promise` settles (each `setImmediate` hop is one). */
  async function iterationsUntil(promise: Promise<unknown>): Promise<number> {
    let done = false;
    void promise.then(() => {
      done = true;
    });
    let count = 0;
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      count++;
    }
    return count;
  }

  it('give way while requests keep arriving, at most MAX_YIELDS iterations in a row', async () => {
    let arrivals = 0;
    let stopped = false;
    // A request arrives in every iteration: the turn waits MAX_YIELDS iterations, then runs anyway.
    const arrive = () => {
      arrivals++;
      if (!stopped) setImmediate(arrive);
    };
    setImmediate(arrive);
    const takeTurn = createTurns(() => arrivals);
    const waited = await iterationsUntil(takeTurn());
    stopped = true;
    expect(waited).toBeGreaterThanOrEqual(MAX_YIELDS);
    expect(waited).toBeLessThanOrEqual(MAX_YIELDS + 2);
  });

  it('run on the next iteration when nothing arrives', async () => {
    const takeTurn = createTurns(() => 0);
    expect(await iterationsUntil(takeTurn())).toBeLessThanOrEqual(2);
  });
});
