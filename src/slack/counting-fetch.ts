/**
 * A `fetch` for the Web API client that reports failed Slack calls (HTTP 429/5xx, or `ok: false`)
 * to a callback, for the `vspc_bot_slack_api_errors_total` metric. It never changes the answer:
 * the body is read from a clone, after the caller has it.
 */
export type SlackApiErrorHook = (method: string, error: string) => void;

function methodOf(url: string): string | null {
  const path = new URL(url).pathname;
  const at = path.indexOf('/api/');
  return at === -1 ? null : path.slice(at + 5) || null;
}

export function countingFetch(onError: SlackApiErrorHook, base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = methodOf(url) ?? 'upload';
    let response: Response;
    try {
      response = await base(input, init);
    } catch (error) {
      onError(method, 'request_failed');
      throw error;
    }
    if (response.status === 429) onError(method, 'ratelimited');
    else if (response.status >= 500) onError(method, `http_${response.status}`);
    else if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) {
      response
        .clone()
        .json()
        .then(
          (body: unknown) => {
            const answer = body as { ok?: boolean; error?: string };
            if (answer.ok === false) onError(method, answer.error ?? 'unknown');
          },
          () => undefined,
        );
    }
    return response;
  };
}
