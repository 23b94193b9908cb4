/**
 * Does an upload look like a Veeam license file? VSPC makes the real check; this one stops the
 * obvious mistakes before anybody is asked to approve them: Slack's HTML sign-in page (what a file
 * download answers without a valid token), binaries, and arbitrary text.
 *
 * Two shapes are accepted, from what public code that reads Veeam license files shows:
 * - XML: `<?xml …?><Licenses><License><![CDATA[Name=Value lines…]]></License></Licenses>`, so an XML
 *   document with a `License`/`Licenses` or `Signature` element;
 * - the bare property list (`Product=Veeam Backup and Replication`, `Edition=…`, `Expiration date=…`,
 *   `License ID=…`): at least three `Name=Value` lines, one of them a well-known Veeam property.
 */
import { randomUUID } from 'node:crypto';
import type { StoredFile } from '../store/types.js';
import { sha256Hex } from './execute.js';

/** Veeam license files are a few kilobytes; anything near this is not one. */
export const MAX_LICENSE_FILE_BYTES = 1024 * 1024;

const ALLOWED_EXTENSIONS = ['.lic', '.xml'];

const KNOWN_PROPERTIES = new Set([
  'product',
  'edition',
  'expiration date',
  'license id',
  'support id',
  'license type',
  'licensed to',
  'company',
  'signature',
]);

const PROPERTY_LINE = /^\s*([A-Za-z][A-Za-z0-9 ()/.&_-]{0,80}?)\s*=/;

/** null when the name is acceptable, else why not. */
export function checkLicenseFileName(name: string): string | null {
  const lower = name.toLowerCase();
  if (ALLOWED_EXTENSIONS.some((extension) => lower.endsWith(extension))) return null;
  return `${name} is not a license file: upload the .lic (or .xml) file Veeam sent.`;
}

/** null when the bytes look like a Veeam license file, else why not. */
export function checkLicenseContent(bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return 'The file is empty.';
  if (bytes.byteLength > MAX_LICENSE_FILE_BYTES)
    return 'The file is larger than 1 MB; a Veeam license file is a few KB.';
  const text = decode(bytes);
  if (text === null) return 'The file is binary, not a Veeam license file (those are text or XML).';
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || /<html[\s>]/.test(start)) {
    return 'The download is an HTML page (Slack answers with its sign-in page when the bot may not read the file), not a license file.';
  }
  if (start.startsWith('<')) {
    if (/<\s*(licen[cs]es?|signature)[\s>/]/i.test(text)) return null;
    return 'The XML file has no License or Signature element: it is not a Veeam license file.';
  }
  const keys = text
    .split(/\r?\n/)
    .map((line) => PROPERTY_LINE.exec(line)?.[1]?.toLowerCase())
    .filter((key): key is string => key !== undefined);
  if (keys.length >= 3 && keys.some((key) => KNOWN_PROPERTIES.has(key))) return null;
  return 'The file does not look like a Veeam license file (no License element and no Veeam license properties such as Product= or Edition=).';
}

/** Text as UTF-8 or UTF-16 (by BOM); null when it holds control bytes no text file has. */
function decode(bytes: Uint8Array): string | null {
  const utf16 =
    bytes.byteLength >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const encoding = utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary content is the point
  return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text;
}

/** The stored form of an accepted upload: our own id, the hash the card will show. */
export function toStoredFile(bytes: Uint8Array, name: string, uploadedBy: string, now: Date): StoredFile {
  return {
    id: randomUUID(),
    name,
    size: bytes.byteLength,
    sha256: sha256Hex(bytes),
    bytes,
    uploadedBy,
    createdAt: now,
  };
}
