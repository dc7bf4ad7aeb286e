export type TabOrientation = 'horizontal' | 'vertical';

const NEXT: Readonly<Record<TabOrientation, readonly string[]>> = {
  horizontal: ['ArrowRight'],
  // A vertical list in a narrow sidebar answers both axes.
  vertical: ['ArrowDown', 'ArrowRight'],
};
const PREVIOUS: Readonly<Record<TabOrientation, readonly string[]>> = {
  horizontal: ['ArrowLeft'],
  vertical: ['ArrowUp', 'ArrowLeft'],
};

/** The tab a key moves to from tab `index` of `count` (wrapping around); undefined for other keys. */
export function tabAfterKey(
  key: string,
  index: number,
  count: number,
  orientation: TabOrientation,
): number | undefined {
  if (NEXT[orientation].includes(key)) return (index + 1) % count;
  if (PREVIOUS[orientation].includes(key)) return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}
