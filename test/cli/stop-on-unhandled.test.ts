/** `serve` stops gracefully with exit code 1 on a promise rejection nobody handled, saying why. */
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { stopOnUnhandledRejection } from '../../src/cli/stop-on-unhandled.js';
import { createLogger } from '../../src/log.js';

it('logs the reason at fatal level and asks for a graceful stop with exit code 1', () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const source = new EventEmitter();
  const stops: number[] = [];
  stopOnUnhandledRejection(source, createLogger('info', sink), (code) => stops.push(code));

  const reason = Object.assign(new Error('getaddrinfo ENOTFOUND slack.com'), { name: 'WebAPIRequestError' });
  source.emit('unhandledRejection', reason);

  expect(stops).toEqual([1]);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: 60, err: { message: 'getaddrinfo ENOTFOUND slack.com' } });
  expect(String(lines[0]?.msg)).toContain('unhandled promise rejection');
});
