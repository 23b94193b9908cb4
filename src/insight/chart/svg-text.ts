/** Small SVG building blocks: escaped text, truncation to a measured width, rectangles. */
import type { FontMetrics } from './font-metrics.js';

export const FONT_FAMILY = 'Inter';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `text` cut with an ellipsis so that it fits `maxWidth` at `fontSize`; whole when it fits. */
export function fitText(text: string, maxWidth: number, fontSize: number, metrics: FontMetrics): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (metrics.width(clean, fontSize) <= maxWidth) return clean;
  const chars = [...clean];
  while (chars.length > 0 && metrics.width(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return chars.length > 0 ? `${chars.join('').trimEnd()}…` : '';
}

export interface TextOptions {
  size: number;
  colour: string;
  anchor?: 'start' | 'middle' | 'end';
  weight?: 400 | 600;
  rotate?: number;
}

export function svgText(x: number, y: number, content: string, options: TextOptions): string {
  const attributes = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    `font-size="${options.size}"`,
    `fill="${options.colour}"`,
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
    options.weight === 600 ? 'font-weight="600"' : '',
    options.rotate ? `transform="rotate(${options.rotate} ${round(x)} ${round(y)})"` : '',
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

export function svgRect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" fill="${fill}"/>`;
}

export function svgLine(x1: number, y1: number, x2: number, y2: number, colour: string): string {
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${colour}" stroke-width="1"/>`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
