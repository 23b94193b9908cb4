/** Reads and decodes request bodies the way Slack's Web API accepts them. */
import type { IncomingMessage } from 'node:http';
import type { Params } from './types.js';

/** Fields the Web API client sends JSON-encoded inside a form; decoded so tests can assert on objects. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'files', 'metadata']);

/** Bounded so a runaway client cannot fill the test process's memory. */
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Form-urlencoded or JSON into params; JSON-valued form fields decoded; unparseable input gives {}. */
export function parseParams(raw: Buffer, contentType: string | undefined): Params {
  const type = mediaType(contentType);
  if (raw.length === 0) return {};
  if (type === 'application/json') {
    try {
      const parsed: unknown = JSON.parse(raw.toString('utf8'));
      return isRecord(parsed) ? parsed : {};
    } catch {
      return {};
    }
  }
  const params: Params = {};
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) {
    params[key] = JSON_FIELDS.has(key) ? decodeJsonField(value) : value;
  }
  return params;
}

function decodeJsonField(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/**
 * The file bytes of an upload: Web API 8 sends multipart/form-data with one part named `body`; other
 * clients send the raw bytes. Multipart parsing is left to the platform's Response.formData().
 */
export async function uploadedBytes(raw: Buffer, contentType: string | undefined): Promise<Buffer> {
  if (mediaType(contentType) !== 'multipart/form-data') return raw;
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType ?? '' } }).formData();
  const part = form.get('body') ?? [...form.values()].find((value) => typeof value !== 'string');
  if (part === null || part === undefined) throw new Error('multipart upload without a file part');
  return typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(await part.arrayBuffer());
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Authorization: Bearer x` → x. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
