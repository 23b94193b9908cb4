/**
 * Okabe & Ito's colour-blind-safe qualitative palette ("Color Universal Design", 2008), in the
 * order that keeps neighbouring stack layers far apart for protan, deutan and tritan viewers.
 * "others" is a neutral grey so the named organizations stand out. White gaps between layers
 * (drawn by the chart) keep even similar-looking pairs apart.
 */
export const SERIES_COLOURS = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#56B4E9', // sky blue
  '#D55E00', // vermillion
  '#F0E442', // yellow
] as const;

export const OTHERS_COLOUR = '#A0A0A0';
export const TEXT_COLOUR = '#1D1C1D'; // Slack's own text colour
export const MUTED_TEXT_COLOUR = '#616061';
export const GRID_COLOUR = '#DDDDDD';
export const BACKGROUND_COLOUR = '#FFFFFF';

/** "others", or the insight service's "others (12 organizations)". */
export function isOthers(name: string): boolean {
  return /^others(\s*\(.*\))?$/i.test(name.trim());
}

/** Colour of the series at `index`; past seven named series the palette repeats. */
export function seriesColour(name: string, index: number): string {
  if (isOthers(name)) return OTHERS_COLOUR;
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '#0072B2';
}
