/**
 * The JSON `filter` and `sort` query parameters, applied leniently: VSPC scripts in the wild send
 * single-quoted pseudo-JSON, so single quotes are accepted, and anything unreadable is ignored
 * rather than failing the request.
 */

interface FilterNode {
  operation?: string;
  property?: string;
  value?: unknown;
  collation?: string;
  items?: FilterNode[];
}

interface SortNode {
  property?: string;
  direction?: string;
}

function parseLenient(text: string | null): unknown {
  if (!text) return null;
  for (const candidate of [text, text.replaceAll("'", '"')]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next spelling
    }
  }
  return null;
}

function read(item: unknown, path: string): unknown {
  let current: unknown = item;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    const record = current as Record<string, unknown>;
    const match = key in record ? key : Object.keys(record).find((k) => k.toLowerCase() === key.toLowerCase());
    current = match === undefined ? undefined : record[match];
  }
  return current;
}

function same(a: unknown, b: unknown, ignoreCase: boolean): boolean {
  if (typeof a === 'string' && typeof b === 'string') return ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b;
  return a === b || String(a) === String(b);
}

function matches(item: unknown, node: FilterNode): boolean {
  const ignoreCase = node.collation === 'ignorecase';
  const items = Array.isArray(node.items) ? node.items : [];
  switch (node.operation) {
    case 'and':
      return items.every((child) => matches(item, child));
    case 'or':
      return items.some((child) => matches(item, child));
    case 'not':
      return !items.every((child) => matches(item, child));
    default:
      break;
  }
  if (typeof node.property !== 'string') return true;
  const actual = read(item, node.property);
  switch (node.operation) {
    case 'equals':
      return same(actual, node.value, ignoreCase);
    case 'notEquals':
      return !same(actual, node.value, ignoreCase);
    case 'contains':
      return typeof actual === 'string' && typeof node.value === 'string'
        ? (ignoreCase ? actual.toLowerCase() : actual).includes(ignoreCase ? node.value.toLowerCase() : node.value)
        : Array.isArray(actual) && actual.some((v) => same(v, node.value, ignoreCase));
    case 'in':
      return Array.isArray(node.value) && node.value.some((v) => same(actual, v, ignoreCase));
    case 'lessThan':
      return compare(actual, node.value) < 0;
    case 'lessThanOrEqual':
      return compare(actual, node.value) <= 0;
    case 'greaterThan':
      return compare(actual, node.value) > 0;
    case 'greaterThanOrEqual':
      return compare(actual, node.value) >= 0;
    default:
      return true;
  }
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''));
}

export function applyFilter<T>(items: readonly T[], query: URLSearchParams): readonly T[] {
  const parsed = parseLenient(query.get('filter'));
  const nodes = (Array.isArray(parsed) ? parsed : parsed && typeof parsed === 'object' ? [parsed] : []) as FilterNode[];
  const usable = nodes.filter((node) => node && typeof node === 'object');
  if (usable.length === 0) return items;
  return items.filter((item) => usable.every((node) => matches(item, node)));
}

export function applySort<T>(items: readonly T[], query: URLSearchParams): readonly T[] {
  const parsed = parseLenient(query.get('sort'));
  const nodes = (Array.isArray(parsed) ? parsed : []) as SortNode[];
  const usable = nodes.filter((node) => node && typeof node.property === 'string');
  if (usable.length === 0) return items;
  return [...items].sort((x, y) => {
    for (const node of usable) {
      const order = compare(read(x, node.property!), read(y, node.property!));
      if (order !== 0) return node.direction === 'descending' ? -order : order;
    }
    return 0;
  });
}

/** Filter, then sort: what every paginated collection does before slicing a page. */
export function applyQuery<T>(items: readonly T[], query: URLSearchParams): readonly T[] {
  return applySort(applyFilter(items, query), query);
}
