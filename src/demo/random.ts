// A seeded pseudo-random source, so the demo catalogue is the same on every load and in every test.

/** Returns a float in [0, 1), like Math.random but reproducible. */
export type Random = () => number;

/** mulberry32: 32 bits of state, fast and good enough for fake data (not for anything secret). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max], both included. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick needs a non-empty list');
  return item;
}

/** Picks by integer weight: `pickWeighted(random, [['a', 3], ['b', 1]])` gives 'a' three times as often. */
export function pickWeighted<T>(random: Random, weighted: readonly (readonly [T, number])[]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let remaining = Math.floor(random() * total);
  for (const [item, weight] of weighted) {
    if (remaining < weight) return item;
    remaining -= weight;
  }
  throw new Error('pickWeighted needs positive integer weights');
}

/** Up to `count` distinct items, in random order. */
export function pickSome<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    chosen.push(...pool.splice(Math.floor(random() * pool.length), 1));
  }
  return chosen;
}

const RANDOM_NIBBLE = 'x'.charCodeAt(0);
const VARIANT_NIBBLE = 'y'.charCodeAt(0);

function hexCharCode(nibble: number): number {
  return nibble < 10 ? 48 + nibble : 87 + nibble;
}

/**
 * Fills a layout: `x` is a random hex digit, `y` a UUID variant digit (8, 9, a or b), anything else is kept.
 * Built from char codes because concatenating pieces leaves V8 rope strings behind, which more than
 * double the memory of a 100,000-image catalogue.
 */
function fillHexLayout(random: Random, layout: string): string {
  const codes: number[] = [];
  let bits = 0;
  let nibblesLeft = 0;
  for (let i = 0; i < layout.length; i += 1) {
    const code = layout.charCodeAt(i);
    if (code !== RANDOM_NIBBLE && code !== VARIANT_NIBBLE) {
      codes.push(code);
      continue;
    }
    if (nibblesLeft === 0) {
      bits = Math.floor(random() * 4294967296);
      nibblesLeft = 8;
    }
    const nibble = bits & 0xf;
    bits >>>= 4;
    nibblesLeft -= 1;
    codes.push(hexCharCode(code === VARIANT_NIBBLE ? 0x8 | (nibble & 0x3) : nibble));
  }
  return String.fromCharCode(...codes);
}

/** 32 lowercase hex digits: the shape of a project id, a checksum or a KMS key id. */
export function hexId(random: Random): string {
  return fillHexLayout(random, 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
}

/** A UUID with the version-4 and variant bits set, as Glance writes image ids. */
export function uuid(random: Random): string {
  return fillHexLayout(random, 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx');
}
