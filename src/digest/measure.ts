/** For the benchmark (`npm run bench`): how long building and rendering a digest take, and how big it gets. */
import { buildDigest, type DigestInput } from './build-digest.js';
import type { Digest } from './model.js';
import { renderDigestBlocks } from './render-blocks.js';

export interface DigestMeasurement {
  licenses: number;
  buildMs: number;
  renderMs: number;
  /** Main message plus thread replies. */
  messages: number;
  digest: Digest;
}

export function measureDigest(input: DigestInput): DigestMeasurement {
  const started = performance.now();
  const digest = buildDigest(input);
  const built = performance.now();
  const rendered = renderDigestBlocks(digest);
  const finished = performance.now();
  return {
    licenses: input.licenses.length,
    buildMs: built - started,
    renderMs: finished - built,
    messages: 1 + rendered.threadReplies.length,
    digest,
  };
}
