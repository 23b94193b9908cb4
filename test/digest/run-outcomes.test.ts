/** Each scheduled run tells how it ended (`vspc_bot_digest_runs_total{outcome}`), once per run. */
import { afterEach, expect, it } from 'vitest';
import type { RunOutcome } from '../../src/digest/service.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/types.js';
import { VspcServerError } from '../../src/vspc/errors.js';
import { CHANNELS, createHarness, type Harness } from './support/harness.js';
import { makeLicense } from './support/license-factory.js';

const open: { h: Harness; store: Store }[] = [];
afterEach(async () => {
  for (const { h, store } of open.splice(0)) {
    await h.service.stop();
    await store.close();
  }
});

async function start(options: Omit<Parameters<typeof createHarness>[0], 'store' | 'onRun'>) {
  const store = await createStore('sqlite::memory:');
  const outcomes: RunOutcome[] = [];
  const h = createHarness({ ...options, store, onRun: (outcome) => outcomes.push(outcome) });
  open.push({ h, store });
  return { h, outcomes };
}

it('posted, then skipped the same day', async () => {
  const { h, outcomes } = await start({ licenses: [makeLicense()] });
  await h.service.runScheduled();
  await h.service.runScheduled();
  expect(outcomes).toEqual(['posted', 'skipped']);
});

it('empty on a quiet day with DIGEST_SKIP_EMPTY', async () => {
  const { h, outcomes } = await start({ licenses: [makeLicense()], settings: { skipEmpty: true } });
  await h.service.runScheduled();
  expect(outcomes).toEqual(['empty']);
  expect(h.slack.calls).toEqual([]);
});

it('failed when VSPC cannot build it, and when a channel refuses the post', async () => {
  const built = await start({ licenses: [makeLicense()] });
  built.h.backend.failNext(1, new VspcServerError('VSPC answered HTTP 500', { status: 500 }));
  await built.h.service.runScheduled();
  expect(built.outcomes).toEqual(['failed']);

  const posted = await start({ licenses: [makeLicense()] });
  posted.h.slack.failing.set(CHANNELS[0] ?? '', 'channel_not_found');
  await posted.h.service.runScheduled();
  expect(posted.outcomes).toEqual(['failed']);
});
