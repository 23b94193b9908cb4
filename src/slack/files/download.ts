/**
 * Downloads a `file_input` upload from Slack (`url_private_download`, bot token as bearer;
 * slack-notes §4). Refuses what is not a Slack file host, stops reading past the size cap, and
 * refuses HTML: without a usable token Slack answers 200 with its sign-in page instead of an error.
 * Redirects are followed by hand so that the token never leaves Slack's hosts.
 */
import { refuseFileUrl } from './slack-hosts.js';

export interface DownloadOptions {
  botToken: string;
  /** SLACK_API_URL: its host is trusted too (tests run a local fake). */
  apiUrl: string;
  maxBytes: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export type DownloadResult = { ok: true; bytes: Uint8Array; contentType: string } | { ok: false; reason: string };

const MAX_REDIRECTS = 3;

export async function downloadSlackFile(url: string, options: DownloadOptions): Promise<DownloadResult> {
  const fetchFn = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  let current = url;
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const refusal = refuseFileUrl(current, options.apiUrl);
      if (refusal) return { ok: false, reason: refusal };
      const response = await fetchFn(current, {
        headers: { authorization: `Bearer ${options.botToken}` },
        redirect: 'manual',
        signal,
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        current = new URL(location, current).toString();
        continue;
      }
      return await readBody(response, options.maxBytes);
    }
    return { ok: false, reason: 'Slack redirected the download too many times.' };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      ok: false,
      reason: timedOut ? 'Downloading the file from Slack timed out.' : 'The file could not be downloaded from Slack.',
    };
  }
}

async function readBody(response: Response, maxBytes: number): Promise<DownloadResult> {
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, reason: `Slack answered HTTP ${response.status} to the file download.` };
  }
  const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
  if (contentType.startsWith('text/html')) {
    await response.body?.cancel();
    return {
      ok: false,
      reason:
        'Slack answered with a web page instead of the file: the bot may not read it (it needs the files:read scope).',
    };
  }
  const tooBig: DownloadResult = { ok: false, reason: `The file is larger than ${maxBytes / (1024 * 1024)} MB.` };
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return tooBig;
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return tooBig;
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes, contentType };
}
