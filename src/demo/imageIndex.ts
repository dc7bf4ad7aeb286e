// What the viewer may see of the catalogue, resolved once, and the listable images in every sort order
// asked for, cached: a page of 100,000 images is then a binary search and a short scan.
import type { Image, MemberStatus, SortDir, SortKey } from '../api/imageTypes';
import type { Catalogue } from './catalogue';

/** How the viewer reaches an image: it is public, the viewer owns it, or it is shared with the viewer. */
export type Access = 'public' | 'owner' | MemberStatus;

export interface IndexedImage {
  image: Image;
  /** Undefined: the viewer may not see the image at all. */
  access: Access | undefined;
}

/** An image the viewer can see. */
export interface VisibleImage extends IndexedImage {
  access: Access;
}

function isVisible(entry: IndexedImage | undefined): entry is VisibleImage {
  return entry?.access !== undefined;
}

export interface SortCriterion {
  key: SortKey;
  dir: SortDir;
}

/** A total order: the criteria end with created_at and id. */
export type SortSpec = readonly SortCriterion[];

/** Which listed images a page is cut from, in which order, from where, and how many. */
export interface PageRequest {
  sort: SortSpec;
  accepts: (entry: VisibleImage) => boolean;
  /** The page starts strictly after this catalogue image, wherever it falls in the order. */
  marker: Image | undefined;
  limit: number;
}

export interface ImageIndex {
  lookup(id: string): IndexedImage | undefined;
  page(request: PageRequest): Image[];
}

/** Glance shows a member a shared image whatever its answer; the listing decides what the answer lists. */
function accessOf(image: Image, catalogue: Catalogue): Access | undefined {
  if (image.owner === catalogue.viewerProjectId) return 'owner';
  if (image.visibility === 'public' || image.visibility === 'community') return 'public';
  if (image.visibility !== 'shared') return undefined;
  return catalogue.members.get(image.id)?.get(catalogue.viewerProjectId);
}

type SortValue = string | number | null;

function sortValue(image: Image, key: SortKey): SortValue {
  const value = image[key];
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}

/** Ascending, nulls first, as the database orders them. Times sort as text: they all share one format. */
function compareValues(a: SortValue, b: SortValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

interface Criterion {
  /** The sort value of every catalogue image, by position. */
  column: readonly SortValue[];
  sign: 1 | -1;
}

function compareRows(criteria: readonly Criterion[], a: number, b: number): number {
  for (const { column, sign } of criteria) {
    const order = compareValues(column[a] ?? null, column[b] ?? null);
    if (order !== 0) return sign * order;
  }
  return 0;
}

/** The position of the first row that sorts after the marker row (which may itself be listed or not). */
function firstPositionAfter(
  sorted: readonly number[],
  markerRow: number,
  criteria: readonly Criterion[],
): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareRows(criteria, sorted[middle] ?? markerRow, markerRow) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Sort orders kept at once; clients use a handful, and each costs one array of row numbers. */
const SORTED_CACHE_SIZE = 16;

export function createImageIndex(catalogue: Catalogue): ImageIndex {
  const entries: IndexedImage[] = catalogue.images.map((image) => ({
    image,
    access: accessOf(image, catalogue),
  }));
  const rowOf = new Map(entries.map(({ image }, row) => [image.id, row]));
  // Killed images (failed uploads) are never listed.
  const listableRows = [...entries.keys()].filter((row) => {
    const entry = entries[row];
    return isVisible(entry) && entry.image.status !== 'killed';
  });

  // Values are copied into one array per key: comparing fields of 100,000 objects scattered over the heap
  // is several times slower than comparing neighbouring array slots.
  const columns = new Map<SortKey, SortValue[]>();
  const columnOf = (key: SortKey) => {
    let column = columns.get(key);
    if (!column) {
      column = entries.map(({ image }) => sortValue(image, key));
      columns.set(key, column);
    }
    return column;
  };
  const criteriaOf = (sort: SortSpec): Criterion[] =>
    sort.map(({ key, dir }) => ({ column: columnOf(key), sign: dir === 'asc' ? 1 : -1 }));

  const sortedCache = new Map<string, number[]>();
  const sortedRows = (sort: SortSpec, criteria: readonly Criterion[]) => {
    const cacheKey = sort.map(({ key, dir }) => `${key}:${dir}`).join(',');
    let sorted = sortedCache.get(cacheKey);
    if (!sorted) {
      sorted = [...listableRows].sort((a, b) => compareRows(criteria, a, b));
      if (sortedCache.size >= SORTED_CACHE_SIZE) sortedCache.delete(sortedCache.keys().next().value ?? '');
      sortedCache.set(cacheKey, sorted);
    }
    return sorted;
  };

  return {
    lookup: (id) => {
      const row = rowOf.get(id);
      return row === undefined ? undefined : entries[row];
    },
    page({ sort, accepts, marker, limit }) {
      const criteria = criteriaOf(sort);
      const sorted = sortedRows(sort, criteria);
      const markerRow = marker && rowOf.get(marker.id);
      const page: Image[] = [];
      let position = markerRow === undefined ? 0 : firstPositionAfter(sorted, markerRow, criteria);
      for (; position < sorted.length && page.length < limit; position += 1) {
        const entry = entries[sorted[position] ?? -1];
        if (isVisible(entry) && accepts(entry)) page.push(entry.image);
      }
      return page;
    },
  };
}
