/** "Did you mean": the nearest known word by edit distance (adjacent swaps count as one edit). */

export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      const above = d[i - 1]!;
      row[j] = Math.min(above[j]! + 1, row[j - 1]! + 1, above[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/** Words longer than this are not compared: a paste is not a typo. */
const MAX_COMPARED_LENGTH = 40;

/** The closest candidate within a small distance (or one the word starts), else null. */
export function closest(word: string, candidates: readonly string[]): string | null {
  const needle = word.toLowerCase();
  if (needle.length === 0 || needle.length > MAX_COMPARED_LENGTH) return null;
  const allowed = needle.length <= 3 ? 1 : needle.length <= 6 ? 2 : 3;
  let best: { word: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance <= allowed && (best === null || distance < best.distance)) best = { word: candidate, distance };
  }
  if (best) return best.word;
  const prefixed = candidates.filter((c) => needle.length >= 2 && c.toLowerCase().startsWith(needle));
  return prefixed.length === 1 ? prefixed[0]! : null;
}

/** What we quote back of user input: short, one line. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ');
  return `"${flat.length > max ? `${flat.slice(0, max)}…` : flat}"`;
}
