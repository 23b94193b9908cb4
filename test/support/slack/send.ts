/**
 * Signed requests to the app under test, byte for byte as Slack sends them: a form body with
 * `content-type: application/x-www-form-urlencoded` (no charset: Bolt parses only that exact value)
 * and a v0 signature over exactly those bytes.
 */

import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import {
  type BlockActionInput,
  blockActionPayload,
  type SlashCommandInput,
  slashCommandPayload,
  type ViewSubmissionInput,
  viewSubmissionPayload,
} from './payloads.js';
import { STALE_AGE_SECONDS, slackSignature, slackTimestamp } from './sign.js';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
const DEFAULT_TIMEOUT_MS = 5000;

export interface SendOptions {
  /** Seconds since the epoch (default: now). */
  timestamp?: number;
  /** Send a timestamp older than Bolt's 5-minute window (ignored when `timestamp` is given). */
  stale?: boolean;
  /** Send exactly this `x-slack-signature` instead of the correct one. */
  signature?: string;
  /** Sign with a made-up secret: a realistic forgery. */
  forgeSignature?: boolean;
  /** `x-slack-retry-num` / `x-slack-retry-reason`, as on Slack's redeliveries. */
  retryNum?: number;
  retryReason?: string;
  /** Overrides the content type (to show what Bolt does with a charset, for example). */
  contentType?: string;
  /** Give up waiting for the app after this long (default 5000 ms). */
  timeoutMs?: number;
}

/** Everything needed to send (or replay) one request: the exact bytes and headers. */
export interface SignedRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface AppResponse {
  status: number;
  /** The response body as text (Bolt acks with an empty body or JSON). */
  body: string;
  /** The body parsed as JSON when it is JSON, else undefined. */
  json: unknown;
  headers: Record<string, string>;
  elapsedMs: number;
  /** What was sent: hand it to `replayRequest` to send the identical bytes again. */
  request: SignedRequest;
}

/** `http://127.0.0.1:PORT` means its `/slack/events`; a URL with a path is used as it is. */
export function eventsUrl(appUrl: string): string {
  const url = new URL(appUrl);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/slack/events';
  return url.toString();
}

export function buildSignedRequest(
  appUrl: string,
  signingSecret: string,
  body: string,
  options: SendOptions = {},
): SignedRequest {
  const timestamp = options.timestamp ?? slackTimestamp() - (options.stale ? STALE_AGE_SECONDS : 0);
  const secret = options.forgeSignature ? randomBytes(16).toString('hex') : signingSecret;
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? FORM_CONTENT_TYPE,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(secret, timestamp, body),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
  };
  if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
  if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
  return { url: eventsUrl(appUrl), body, headers };
}

/** Sends a prepared request as it is: the same bytes, the same headers. */
export function sendRequest(signed: SignedRequest, options: { timeoutMs?: number } = {}): Promise<AppResponse> {
  const started = performance.now();
  const bytes = Buffer.from(signed.body, 'utf8');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const req = request(signed.url, {
      method: 'POST',
      headers: { ...signed.headers, 'content-length': String(bytes.length) },
      timeout: timeoutMs,
    });
    req.on('timeout', () => req.destroy(new Error(`the app did not answer ${signed.url} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({
          status: res.statusCode ?? 0,
          body,
          json: parseJson(body),
          headers,
          elapsedMs: performance.now() - started,
          request: signed,
        });
      });
    });
    req.end(bytes);
  });
}

/** Sends an earlier request again, identical in bytes, timestamp and signature (Slack's retries look like this). */
export function replayRequest(
  previous: AppResponse | SignedRequest,
  options: { timeoutMs?: number } = {},
): Promise<AppResponse> {
  return sendRequest('request' in previous ? previous.request : previous, options);
}

/** Signs and sends form fields. */
export function sendSignedForm(
  appUrl: string,
  signingSecret: string,
  fields: Record<string, string>,
  options: SendOptions = {},
): Promise<AppResponse> {
  const body = new URLSearchParams(fields).toString();
  return sendRequest(buildSignedRequest(appUrl, signingSecret, body, options), options);
}

/** Interactivity payloads travel as one form field, `payload=<json>`. */
export function sendSignedPayload(
  appUrl: string,
  signingSecret: string,
  payload: unknown,
  options: SendOptions = {},
): Promise<AppResponse> {
  return sendSignedForm(appUrl, signingSecret, { payload: JSON.stringify(payload) }, options);
}

export function sendSlashCommand(
  appUrl: string,
  signingSecret: string,
  input: SlashCommandInput,
  options: SendOptions = {},
): Promise<AppResponse> {
  const fields = Object.fromEntries(
    Object.entries(slashCommandPayload(input)).map(([key, value]) => [key, String(value)]),
  );
  return sendSignedForm(appUrl, signingSecret, fields, options);
}

export function sendBlockAction(
  appUrl: string,
  signingSecret: string,
  input: BlockActionInput,
  options: SendOptions = {},
): Promise<AppResponse> {
  return sendSignedPayload(appUrl, signingSecret, blockActionPayload(input), options);
}

export function sendViewSubmission(
  appUrl: string,
  signingSecret: string,
  input: ViewSubmissionInput,
  options: SendOptions = {},
): Promise<AppResponse> {
  return sendSignedPayload(appUrl, signingSecret, viewSubmissionPayload(input), options);
}

/** An Events API delivery: a JSON body (not a form), signed like every request. */
export function sendEvent(
  appUrl: string,
  signingSecret: string,
  body: unknown,
  options: SendOptions = {},
): Promise<AppResponse> {
  const signed = buildSignedRequest(appUrl, signingSecret, JSON.stringify(body), {
    ...options,
    contentType: options.contentType ?? 'application/json',
  });
  return sendRequest(signed, options);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
