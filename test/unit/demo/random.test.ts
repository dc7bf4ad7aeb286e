import { describe, expect, it } from 'vitest';
import {
  chance,
  createRandom,
  hexId,
  intBetween,
  pick,
  pickSome,
  pickWeighted,
  uuid,
} from '../../../src/demo/random';

const draws = <T>(count: number, draw: () => T): T[] => Array.from({ length: count }, draw);

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const first = draws(5, createRandom(42));
    expect(draws(5, createRandom(42))).toEqual(first);
    expect(draws(5, createRandom(43))).not.toEqual(first);
  });

  it('draws floats in [0, 1)', () => {
    const values = draws(10_000, createRandom(1));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    // Roughly uniform: the mean of 10,000 draws is near 0.5.
    expect(values.reduce((sum, value) => sum + value, 0) / values.length).toBeCloseTo(0.5, 1);
  });
});

describe('helpers', () => {
  const random = createRandom(7);

  it('intBetween covers both ends and nothing outside', () => {
    const values = new Set(draws(1000, () => intBetween(random, 3, 6)));
    expect([...values].sort()).toEqual([3, 4, 5, 6]);
  });

  it('chance(0) never and chance(1) always', () => {
    expect(draws(100, () => chance(random, 0))).not.toContain(true);
    expect(draws(100, () => chance(random, 1))).not.toContain(false);
  });

  it('pick picks every item and throws on an empty list', () => {
    expect(new Set(draws(200, () => pick(random, ['a', 'b', 'c'])))).toEqual(new Set(['a', 'b', 'c']));
    expect(() => pick(random, [])).toThrow();
  });

  it('pickWeighted follows the weights and never picks a zero weight', () => {
    const picks = draws(4000, () =>
      pickWeighted(random, [
        ['often', 3],
        ['rarely', 1],
        ['never', 0],
      ]),
    );
    const often = picks.filter((item) => item === 'often').length;
    expect(often / picks.length).toBeGreaterThan(0.7);
    expect(often / picks.length).toBeLessThan(0.8);
    expect(picks).not.toContain('never');
  });

  it('pickSome returns distinct items, at most the list', () => {
    const some = pickSome(random, [1, 2, 3, 4, 5], 3);
    expect(new Set(some).size).toBe(3);
    expect(pickSome(random, [1, 2], 5).sort()).toEqual([1, 2]);
  });

  it('hexId is 32 lowercase hex digits; uuid is a version-4 UUID', () => {
    for (const id of draws(200, () => hexId(random))) expect(id).toMatch(/^[0-9a-f]{32}$/);
    for (const id of draws(200, () => uuid(random))) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
