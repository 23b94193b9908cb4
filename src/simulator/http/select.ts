/**
 * VSPC's `select` query parameter: `[{"propertyPath":"a.b"}, …]` returns only those properties of
 * each item; a path steps into a subschema with a dot, and through an array into each element.
 * Read leniently like `filter` (single quotes accepted); an unreadable or empty `select` returns
 * items whole, as a server that does not know the parameter would.
 */

/** The selected properties as a tree: `true` takes the value whole. */
export type Selection = { [key: string]: Selection | true };

function parseLenient(text: string): unknown {
  for (const candidate of [text, text.replaceAll("'", '"')]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next spelling
    }
  }
  return null;
}

/** The selection of a request, with a key that names it (for caching), or null to answer items whole. */
export function readSelect(query: URLSearchParams): { key: string; selection: Selection } | null {
  const text = query.get('select');
  if (!text) return null;
  const parsed = parseLenient(text);
  const paths = (Array.isArray(parsed) ? parsed : [])
    .map((node) => (node && typeof node === 'object' ? (node as { propertyPath?: unknown }).propertyPath : null))
    .filter((path): path is string => typeof path === 'string' && path.trim() !== '')
    .map((path) => path.trim());
  if (paths.length === 0) return null;
  const selection: Selection = {};
  for (const path of paths) {
    let node = selection;
    const keys = path.split('.');
    for (const [i, key] of keys.entries()) {
      // A property already taken whole stays whole.
      if (node[key] === true) break;
      if (i === keys.length - 1) {
        node[key] = true;
        break;
      }
      node[key] ??= {};
      node = node[key] as Selection;
    }
  }
  return { key: [...new Set(paths)].sort().join(','), selection };
}

/** The value with only the selected properties (matched case-insensitively, as VSPC reads paths). */
export function project(value: unknown, selection: Selection | true): unknown {
  if (selection === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((element) => project(element, selection));
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [wanted, inner] of Object.entries(selection)) {
    const key = wanted in record ? wanted : Object.keys(record).find((k) => k.toLowerCase() === wanted.toLowerCase());
    if (key !== undefined) out[key] = project(record[key], inner);
  }
  return out;
}
