/** A minimal multipart/form-data reader: enough for one license file per request. */

export interface MultipartPart {
  name: string;
  fileName: string | null;
  contentType: string | null;
  data: Buffer;
}

function boundaryOf(contentType: string): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function headerParam(header: string, name: string): string | null {
  const match = new RegExp(`${name}="([^"]*)"|${name}=([^;\\s]+)`, 'i').exec(header);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Parts of a multipart body, or null when the content type is not multipart or the body is malformed. */
export function parseMultipart(body: Buffer, contentType: string | undefined): MultipartPart[] | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const boundary = boundaryOf(contentType);
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MultipartPart[] = [];
  let cursor = body.indexOf(delimiter);
  if (cursor < 0) return null;
  while (cursor >= 0) {
    const start = cursor + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) return null;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next < 0) return null;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? null;
    const name = headerParam(disposition, 'name');
    if (name !== null) {
      parts.push({
        name,
        fileName: headerParam(disposition, 'filename'),
        contentType: type,
        data: body.subarray(headerEnd + 4, next),
      });
    }
    cursor = next + 2;
  }
  return parts;
}
