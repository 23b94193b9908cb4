/**
 * Advance widths read straight from a TrueType file (cmap format 4 + hmtx), so the chart can
 * measure text it lays out (legend truncation, label spacing) with the very font resvg draws it
 * in, without a canvas or a font library. Kerning is ignored: a few per cent at most, and the
 * layout keeps that much slack.
 */

export interface FontMetrics {
  /** Width of `text` at `fontSize` pixels. */
  width(text: string, fontSize: number): number;
}

/** A tolerant stand-in when the font file cannot be read: roughly Inter's average widths. */
export const estimatedMetrics: FontMetrics = {
  width: (text, fontSize) => [...text].length * fontSize * 0.58,
};

function tableOffset(view: DataView, tag: string): number {
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const name = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    if (name === tag) return view.getUint32(record + 8);
  }
  throw new Error(`font has no ${tag} table`);
}

/** Code point → glyph id from the first Unicode BMP subtable in format 4. */
function readCmap4(view: DataView): (codePoint: number) => number {
  const cmap = tableOffset(view, 'cmap');
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const encoding = view.getUint16(cmap + 6 + i * 8);
    const sub = cmap + view.getUint32(cmap + 8 + i * 8);
    const unicode = platform === 0 || (platform === 3 && encoding === 1);
    if (!unicode || view.getUint16(sub) !== 4) continue;
    const segments = view.getUint16(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    return (codePoint) => {
      if (codePoint > 0xffff) return 0;
      for (let s = 0; s < segments; s++) {
        if (codePoint > view.getUint16(ends + s * 2)) continue;
        const start = view.getUint16(starts + s * 2);
        if (codePoint < start) return 0;
        const delta = view.getUint16(deltas + s * 2);
        const rangeOffset = view.getUint16(rangeOffsets + s * 2);
        if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
        const glyph = view.getUint16(rangeOffsets + s * 2 + rangeOffset + (codePoint - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error('font has no Unicode cmap in format 4');
}

export function readFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const unitsPerEm = view.getUint16(tableOffset(view, 'head') + 18);
  const longMetrics = view.getUint16(tableOffset(view, 'hhea') + 34);
  const hmtx = tableOffset(view, 'hmtx');
  const glyphOf = readCmap4(view);
  const advance = (glyph: number): number => view.getUint16(hmtx + Math.min(glyph, longMetrics - 1) * 4);
  const cache = new Map<number, number>();
  const em = (codePoint: number): number => {
    let value = cache.get(codePoint);
    if (value === undefined) {
      const glyph = glyphOf(codePoint);
      // A character the font lacks is drawn by nothing (resvg has no fallback font): count a
      // generous box so the layout never underestimates.
      value = glyph === 0 ? 0.6 : advance(glyph) / unitsPerEm;
      cache.set(codePoint, value);
    }
    return value;
  };
  return {
    width(text, fontSize) {
      let total = 0;
      for (const char of text) total += em(char.codePointAt(0) ?? 0);
      return total * fontSize;
    },
  };
}
