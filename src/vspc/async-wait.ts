/**
 * Following a 202: poll `GET /asyncActions/{id}` with growing pauses until VSPC says `succeed`,
 * `failed` or `canceled`, then read `GET /asyncActions/{id}/result`, all inside a deadline.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { VspcAsyncActionError, VspcTimeoutError } from './errors.js';
import { pathParam } from './path.js';
import type { Accept, RawResponse, VspcRequester } from './request.js';
import { AsyncActionInfoSchema } from './schemas/async-actions.js';
import { dataEnvelope } from './schemas/envelope.js';

const AsyncActionEnvelope = dataEnvelope(AsyncActionInfoSchema);

export async function waitForAsyncAction(
  core: VspcRequester,
  actionId: string,
  accept: Accept,
  endpoint: string,
): Promise<RawResponse> {
  const { initialDelayMs, maxDelayMs, timeoutMs } = core.options.asyncPoll;
  const { now, logger } = core.options;
  const path = `/asyncActions/${pathParam('actionId', actionId)}`;
  const deadline = now() + timeoutMs;
  let delay = initialDelayMs;
  for (;;) {
    await sleep(delay);
    const answer = await core.json(
      { operation: 'GetAsyncActionInfo', method: 'GET', path, sendRequestId: false, followAsync: false },
      AsyncActionEnvelope,
    );
    const status = answer.data.status;
    if (status === 'succeed') break;
    if (status === 'failed' || status === 'canceled') {
      const errors = (answer.errors ?? []).map((e) => ({ ...e, message: core.scrubber.scrub(e.message) }));
      const reason = errors
        .map((e) => e.message)
        .filter(Boolean)
        .join('; ');
      throw new VspcAsyncActionError(`VSPC async action for ${endpoint} ${status}${reason ? `: ${reason}` : ''}`, {
        status: 202,
        errors,
        endpoint,
        requestId: actionId,
      });
    }
    if (now() + delay > deadline) {
      throw new VspcTimeoutError(`VSPC async action for ${endpoint} still ${status} after ${timeoutMs} ms`, {
        status: 202,
        endpoint,
        requestId: actionId,
      });
    }
    logger.debug({ endpoint, requestId: actionId, status }, 'VSPC async action not finished');
    delay = Math.min(maxDelayMs, Math.round(delay * 1.5));
  }
  const { response } = await core.execute(
    {
      operation: 'GetAsyncActionResult',
      method: 'GET',
      path: `${path}/result`,
      sendRequestId: false,
      followAsync: false,
    },
    accept,
  );
  return response;
}
