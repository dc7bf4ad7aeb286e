import { describe, expect, it } from 'vitest';
import { tabAfterKey } from '../../../src/lib/tabKeys';

describe('tabAfterKey', () => {
  it.each([
    ['ArrowRight', 0, 'horizontal', 1],
    ['ArrowRight', 3, 'horizontal', 0],
    ['ArrowLeft', 0, 'horizontal', 3],
    ['ArrowDown', 1, 'horizontal', undefined],
    ['ArrowUp', 1, 'horizontal', undefined],
    ['ArrowDown', 1, 'vertical', 2],
    ['ArrowRight', 1, 'vertical', 2],
    ['ArrowUp', 0, 'vertical', 3],
    ['ArrowLeft', 2, 'vertical', 1],
    ['Home', 2, 'horizontal', 0],
    ['End', 0, 'vertical', 3],
    ['Enter', 1, 'vertical', undefined],
  ] as const)('%s from tab %i (%s) → %s', (key, index, orientation, target) => {
    expect(tabAfterKey(key, index, 4, orientation)).toBe(target);
  });
});
