/**
 * A small seeded PRNG (mulberry32) so that the same seed always yields the same inventory.
 * Not for anything secret: tokens come from node:crypto.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** RFC 4122 version-4 shaped UUID, deterministic for the seed. */
  uuid(): string;
  /** A string of `length` decimal digits (support ids). */
  digits(length: number): string;
}

function hashSeed(seed: string | number): number {
  const text = String(seed);
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

export function createRandom(seed: string | number): Random {
  let state = hashSeed(seed);
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => nextUint32() / 4294967296;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
    uuid: () => {
      const a = hex8(nextUint32());
      const b = hex8((nextUint32() & 0xffff0fff) | 0x00004000);
      const c = hex8((nextUint32() & 0x3fffffff) | 0x80000000);
      const d = hex8(nextUint32());
      return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
    },
    digits: (length) => {
      let out = '';
      for (let i = 0; i < length; i++) out += String(nextUint32() % 10);
      return out;
    },
  };
}
