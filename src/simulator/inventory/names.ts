/** Name pools for realistic, seed-shuffled organizations and people. */
import type { Random } from '../random.js';

/** The pair that makes a company-name search ambiguous on purpose. */
export const AMBIGUOUS_COMPANIES: [string, string] = ['Northwind Traders', 'Northwind Traders GmbH'];

const STEMS = [
  'Contoso',
  'Fabrikam',
  'Litware',
  'Adventure Works',
  'Tailspin Toys',
  'Wide World Importers',
  'Proseware',
  'Lucerne Publishing',
  'Coho Winery',
  'Woodgrove Bank',
  'Fourth Coffee',
  'Trey Research',
  'Wingtip Toys',
  'Humongous Insurance',
  'Relecloud',
  'Alpine Ski House',
  'Blue Yonder Airlines',
  'City Power & Light',
  'Graphic Design Institute',
  'Margie Travel',
  'Bellows College',
  'Consolidated Messenger',
  'Datum Corporation',
  'VanArsdel',
];

const SUFFIXES = ['Ltd', 'AG', 'Inc', 'BV', 'SARL', 'LLC', 'Group', 'Partners', 'Oy', 'SpA'];

const FIRST = ['Alan', 'Maria', 'Sven', 'Aiko', 'Priya', 'Jonas', 'Chloe', 'Omar', 'Lena', 'Diego', 'Ingrid', 'Tom'];
const LAST = [
  'Smith',
  'Johns',
  'Keller',
  'Tanaka',
  'Rao',
  'Berg',
  'Martin',
  'Haddad',
  'Novak',
  'Silva',
  'Holm',
  'Reed',
];

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `count` distinct company names; never contains the ambiguous pair (the generator adds it itself). */
export function companyNames(count: number, random: Random): string[] {
  const stems = shuffled(STEMS, random);
  const names: string[] = [];
  for (let i = 0; names.length < count; i++) {
    const stem = stems[i % stems.length]!;
    const suffix = SUFFIXES[Math.floor(i / stems.length) % SUFFIXES.length]!;
    const round = Math.floor(i / (stems.length * SUFFIXES.length));
    names.push(round === 0 ? `${stem} ${suffix}` : `${stem} ${suffix} ${round + 1}`);
  }
  return names;
}

export function personName(random: Random): { first: string; last: string } {
  return { first: random.pick(FIRST), last: random.pick(LAST) };
}

/** `Wide World Importers Ltd` → `wide-world-importers-ltd`, for host names and e-mail domains. */
export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
