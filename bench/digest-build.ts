/** Building (and rendering) the daily digest from the 12,000-license snapshot, in this process. */
import { measureDigest } from '../src/digest/measure.js';
import type { License } from '../src/licenses/model.js';
import { median } from './lib/stats.js';

const ROUNDS = 15;

export interface DigestBuildResult {
  licenses: number;
  /** The first build in this process: what the bot pays for its once-a-day digest. */
  firstBuildMs: number;
  /** Median of the builds after it. */
  buildMs: number;
  renderMs: number;
  messages: number;
}

export function measureDigestBuild(licenses: License[]): DigestBuildResult {
  const input = {
    licenses,
    reports: [],
    autoApprove: false,
    now: new Date(),
    timeZone: 'Europe/Berlin',
    horizonDays: 30,
  };
  const first = measureDigest(input);
  const runs = Array.from({ length: ROUNDS }, () => measureDigest(input));
  return {
    licenses: licenses.length,
    firstBuildMs: first.buildMs,
    buildMs: median(runs.map((run) => run.buildMs)),
    renderMs: median(runs.map((run) => run.renderMs)),
    messages: runs[0]?.messages ?? 0,
  };
}
