/**
 * Fault injection for reliability tests: push a fault, and the next matching request(s) get it
 * instead of (or on top of) the normal answer.
 */
import type { RecordedRequest } from './recorder.js';

interface FaultBase {
  /** Which requests it applies to; all when omitted. */
  match?: (req: RecordedRequest) => boolean;
  /** How many matching requests it hits (default 1); it is removed when used up. */
  times?: number;
}

export type Fault = FaultBase &
  (
    | {
        kind: 'status';
        /** 520, 429, 401, 503, … answered with an `ErrorResponse` body. */
        status: number;
        /** Seconds, sent as `Retry-After` (429/503). */
        retryAfter?: number;
        message?: string;
      }
    /** The connection is destroyed before anything is processed: the write does not happen. */
    | { kind: 'reset' }
    /** The request is processed (a write happens), then the body is cut in the middle. */
    | { kind: 'truncate' }
    /** Extra delay before the normal answer. */
    | { kind: 'delay'; ms: number }
    /** No answer at all until the client gives up or the simulator closes. */
    | { kind: 'hang' }
    /** The normal answer, once `until` settles (a test decides when the request ends). */
    | { kind: 'hold'; until: Promise<unknown> }
    /** A literal answer, e.g. malformed JSON with status 200. */
    | { kind: 'raw'; status: number; body: string; headers?: Record<string, string> }
  );

/** Takes the first fault that matches, counting one use. */
export function takeFault(faults: Fault[], req: RecordedRequest): Fault | undefined {
  for (let i = 0; i < faults.length; i++) {
    const fault = faults[i]!;
    if (fault.match && !fault.match(req)) continue;
    const left = (fault.times ?? 1) - 1;
    if (left <= 0) faults.splice(i, 1);
    else fault.times = left;
    return fault;
  }
  return undefined;
}
