/**
 * Is a typed target a UID, a UID prefix, or a company name? Only shapes that can only be meant as
 * a UID are refused here; everything else is left to target resolution, which falls back to names.
 */

const UID_TEMPLATE = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx';
export const MIN_UID_PREFIX = 8;

function hexCount(text: string): number {
  return text.replace(/-/g, '').length;
}

/** Follows the 8-4-4-4-12 layout as far as it goes, or is up to 32 hex digits without dashes. */
function fitsUidLayout(text: string): boolean {
  if (/^[0-9a-f]{1,32}$/i.test(text)) return true;
  if (text.length > UID_TEMPLATE.length) return false;
  for (let i = 0; i < text.length; i++) {
    const expected = UID_TEMPLATE[i];
    const char = text[i]!;
    if (expected === '-' ? char !== '-' : !/[0-9a-f]/i.test(char)) return false;
  }
  return true;
}

export function isUidPrefix(text: string): boolean {
  return fitsUidLayout(text) && hexCount(text) >= MIN_UID_PREFIX;
}

export function isFullUid(text: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);
}

/** Shapes no company name has: hex with dashes and digits, 8 hex then a dash, or a short hex run mixing digits and letters. */
function looksLikeUid(text: string): boolean {
  if (/^[0-9a-f]{8}-/i.test(text)) return true;
  if (/^[0-9a-f-]+$/i.test(text) && text.includes('-') && /\d/.test(text)) return true;
  if (/^[0-9a-f]+$/i.test(text) && (text.length > 32 || (text.length >= 4 && /\d/.test(text) && /[a-f]/i.test(text))))
    return true;
  return false;
}

/** null when the (unquoted, one-word) target is acceptable, else what is wrong with it. */
export function uidProblem(text: string): string | null {
  if (isUidPrefix(text) || !looksLikeUid(text)) return null;
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (fitsUidLayout(text)) {
    return `"${shown}" is too short for a UID prefix: a UID prefix must be at least ${MIN_UID_PREFIX} hex characters (like 5f1c2a9e).`;
  }
  return `"${shown}" is not a valid UID: a UID looks like 5f1c2a9e-1b2c-4d3e-8f90-0a1b2c3d4e5f, and a UID prefix must be at least ${MIN_UID_PREFIX} hex characters. To search for a company name instead, put it in quotes.`;
}
