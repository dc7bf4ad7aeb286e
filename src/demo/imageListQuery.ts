// GET /v2/images query parameters as Glance v2 reads them: validation (400s), filters, visibility and sort.
import {
  DATE_OPERATORS,
  MEMBER_STATUSES,
  SORT_DIRS,
  SORT_KEYS,
  VISIBILITIES,
  type DateOperator,
  type Image,
  type MemberStatus,
  type SortDir,
  type SortKey,
} from '../api/imageTypes';
import type { SortCriterion, SortSpec, VisibleImage } from './imageIndex';
import { badRequest, lastValue, parseInteger, parseIsoTime, parseLimit } from './queryParams';

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 1000;

/** Glance also lists `community` images, and `all` means every image the caller may list. */
const GLANCE_VISIBILITIES: readonly string[] = [...VISIBILITIES, 'community', 'all'];
const GLANCE_MEMBER_STATUSES: readonly string[] = [...MEMBER_STATUSES, 'all'];

/**
 * Parameters Glance takes out of the query once (webob's MultiDict.pop: the first value); a second one is
 * left among the filters, where it filters on a property of that name, which no image has.
 */
const TAKEN_ONCE: readonly string[] = ['limit', 'marker', 'member_status', 'sort'];
/** Parameters Glance takes out of the query with every value. */
const TAKEN_ALL: ReadonlySet<string> = new Set(['sort_key', 'sort_dir', 'tag', 'visibility']);
/** Integer columns of Glance's image table: exact filters compare numbers, `<column>_min`/`_max` are ranges. */
const NUMERIC_FIELDS: ReadonlySet<string> = new Set(['size', 'virtual_size', 'min_ram', 'min_disk']);
/** Base fields that take `in:a,b`. */
const IN_FILTER_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'status',
  'container_format',
  'disk_format',
]);

export type ImagePredicate = (image: Image) => boolean;

export interface ImageListQuery {
  sort: SortSpec;
  limit: number;
  marker: string | undefined;
  /** Which visible images are listed at all, before the filters. */
  inScope: (entry: VisibleImage) => boolean;
  filters: ImagePredicate[];
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

function sortKey(key: string): SortKey {
  if (isOneOf(SORT_KEYS, key)) return key;
  throw badRequest(`Invalid sort key: ${key}. It must be one of the following: ${SORT_KEYS.join(', ')}.`);
}

function sortDir(dir: string): SortDir {
  if (isOneOf(SORT_DIRS, dir)) return dir;
  throw badRequest(`Invalid sort direction: ${dir}`);
}

/**
 * `sort=name:asc,size` (a missing direction is desc) or `sort_key=name&sort_key=size&sort_dir=asc`: the
 * keys, and the directions as given (none, one for every key, or one per key). Validation as Glance's.
 */
function requestedSort(params: URLSearchParams): { keys: SortKey[]; dirs: SortDir[] } {
  const sort = params.get('sort');
  const keys = params.getAll('sort_key');
  const dirs = params.getAll('sort_dir');
  if (sort !== null) {
    if (keys.length > 0 || dirs.length > 0) throw badRequest('Old and new sorting syntax cannot be combined');
    const parts = sort
      .trim()
      .split(',')
      .map((part) => {
        const separator = part.indexOf(':');
        const [key, dir] = separator < 0 ? [part, ''] : [part.slice(0, separator), part.slice(separator + 1)];
        return { key: sortKey(key.trim()), dir: sortDir(dir.trim() || 'desc') };
      });
    return { keys: parts.map(({ key }) => key), dirs: parts.map(({ dir }) => dir) };
  }
  const sortKeys = keys.map((key) => sortKey(key.trim()));
  const sortDirs = dirs.map((dir) => sortDir(dir.trim()));
  if (sortDirs.length > 1 && sortDirs.length !== sortKeys.length) {
    throw badRequest('Number of sort dirs does not match the number of sort keys');
  }
  return { keys: sortKeys, dirs: sortDirs };
}

/**
 * Glance's total order (image_get_all): no key sorts by created_at; one direction (or none: desc) applies
 * to every key, several pair with the keys by position; then created_at and id break ties when missing, in
 * that one direction, or desc when several were given.
 */
export function totalSort(keys: readonly SortKey[] = [], dirs: readonly SortDir[] = []): SortSpec {
  const sortKeys: readonly SortKey[] = keys.length > 0 ? keys : ['created_at'];
  const single = dirs.length <= 1;
  const tieBreak: SortDir = single ? (dirs[0] ?? 'desc') : 'desc';
  const requested: SortCriterion[] = sortKeys.map((key, position) => ({
    key,
    dir: single ? tieBreak : (dirs[position] ?? tieBreak),
  }));
  const missing = (['created_at', 'id'] as const).filter((key) => !sortKeys.includes(key));
  return [...requested, ...missing.map((key) => ({ key, dir: tieBreak }))];
}

/**
 * Quoted values may hold commas: `in:"a,b",c`. The same split as Glance's (api-wg) `in:` operator.
 */
function inValues(list: string): string[] {
  return [...list.matchAll(/"((?:[^"\\]|\\.)*)",?|([^,]+),?|,/g)].map(([, quoted, plain]) =>
    quoted === undefined ? (plain ?? '') : quoted.replace(/\\(.)/g, '$1'),
  );
}

/** The image's field as text, when it is text, a number or a boolean (a property never holds anything else). */
function fieldText(image: Image, key: string): string | undefined {
  const value = image[key];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

/** Exact, case-sensitive: an image without the field never matches. */
export function equalsFilter(key: string, value: string): ImagePredicate {
  return (image) => fieldText(image, key) === value;
}

/**
 * Glance's split_filter_op: `op:value`, unless the whole value reads as a time; no colon means eq. So a
 * value with a colon of its own is written `eq:a:b`.
 */
function splitOperator(value: string): [operator: string, operand: string] {
  const separator = value.indexOf(':');
  if (separator < 0 || parseIsoTime(value) !== undefined) return ['eq', value];
  return [value.slice(0, separator), value.slice(separator + 1)];
}

/** name, id, status, container_format and disk_format: `eq:a`, `in:a,b` or a bare value. */
function inOrEqualsFilter(key: string, value: string): ImagePredicate {
  const [operator, operand] = splitOperator(value);
  if (operator !== 'in' && operator !== 'eq') {
    throw badRequest(`Unable to filter by unknown operator '${operator}'.`);
  }
  const accepted = new Set(operator === 'in' ? inValues(operand) : [operand]);
  return (image) => {
    const text = fieldText(image, key);
    return text !== undefined && accepted.has(text);
  };
}

/** Text as a number the way SQLite compares it with an integer column: numeric text only. */
function numericValue(text: string): number | undefined {
  return /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/.test(text) ? Number(text) : undefined;
}

/** An integer column by exact value: `min_ram=2048`, also `2048.0`; text that is no number matches nothing. */
function numericFilter(key: string, value: string): ImagePredicate {
  const expected = numericValue(value);
  return (image) => expected !== undefined && image[key] === expected;
}

/** `size_min=n`, `size_max=n` (any integer column): an inclusive bound; an image without a value never holds. */
function rangeFilter(key: string, bound: 'min' | 'max', value: string): ImagePredicate {
  const limit = parseInteger(value);
  if (limit === undefined) throw badRequest('Unable to filter on a range with a non-numeric value.');
  return (image) => {
    const field = image[key];
    return typeof field === 'number' && (bound === 'min' ? field >= limit : field <= limit);
  };
}

/** v2's protected: exactly `true` or `false`. */
function protectedV2Filter(value: string): ImagePredicate {
  if (value !== 'true' && value !== 'false') {
    throw badRequest(`Invalid value '${value}' for 'protected' filter. Valid values are 'true' or 'false'.`);
  }
  return (image) => image.protected === (value === 'true');
}

/** v1's protected (and the legacy views'): true or false in any case. */
export function protectedFilter(value: string): ImagePredicate {
  const lower = value.trim().toLowerCase();
  if (lower !== 'true' && lower !== 'false') {
    throw badRequest(`Invalid value for protected: ${value}. It must be true or false.`);
  }
  return (image) => image.protected === (lower === 'true');
}

const DATE_COMPARISONS: Readonly<Record<DateOperator, (order: number) => boolean>> = {
  gt: (order) => order > 0,
  gte: (order) => order >= 0,
  lt: (order) => order < 0,
  lte: (order) => order <= 0,
  eq: (order) => order === 0,
  neq: (order) => order !== 0,
};

/**
 * `lt:2018-10-28T10:00:00Z`; a bare time means eq (its own colons are no operator). Any ISO 8601 time
 * Glance reads, compared as instants. The time is read before the operator is checked, as in Glance.
 */
function dateFilter(key: 'created_at' | 'updated_at', value: string): ImagePredicate {
  const [operator, time] = splitOperator(value);
  const threshold = parseIsoTime(time);
  if (threshold === undefined) {
    throw badRequest(`Bad "${key}" query filter format. Use ISO 8601 DateTime notation.`);
  }
  if (!isOneOf(DATE_OPERATORS, operator)) throw badRequest('Unable to filter on a unknown operator.');
  const holds = DATE_COMPARISONS[operator];
  // Times written as IMS writes them (`2018-09-06T14:03:27Z`) compare as text with a whole-second threshold.
  const thresholdText =
    threshold % 1_000_000 === 0 ? `${new Date(threshold / 1000).toISOString().slice(0, 19)}Z` : undefined;
  return (image) => {
    const time = image[key];
    if (thresholdText !== undefined && isCanonicalTime(time)) {
      return holds(time < thresholdText ? -1 : time > thresholdText ? 1 : 0);
    }
    const instant = parseIsoTime(time);
    return instant !== undefined && holds(instant - threshold);
  };
}

/** `2018-09-06T14:03:27Z` (checked by shape only: image times come from the catalogue, not the client). */
function isCanonicalTime(time: string): boolean {
  return time.length === 20 && time.charCodeAt(10) === 84 && time.charCodeAt(19) === 90;
}

/** Any key but the listing ones filters: base fields their own way, every other key by exact property value. */
function fieldFilter(key: string, value: string): ImagePredicate {
  const range = /^(?<column>.+)_(?<bound>min|max)$/.exec(key)?.groups;
  if (range?.column && NUMERIC_FIELDS.has(range.column)) {
    return rangeFilter(range.column, range.bound === 'min' ? 'min' : 'max', value);
  }
  if (key === 'changes-since') throw badRequest('The "changes-since" filter is no longer available on v2.');
  if (key === 'created_at' || key === 'updated_at') return dateFilter(key, value);
  if (key === 'protected') return protectedV2Filter(value);
  if (NUMERIC_FIELDS.has(key)) return numericFilter(key, value);
  return IN_FILTER_FIELDS.has(key) ? inOrEqualsFilter(key, value) : equalsFilter(key, value);
}

function tagsFilter(tags: readonly string[]): ImagePredicate {
  return (image) => tags.every((tag) => image.tags.includes(tag));
}

/**
 * Glance lists the public images, the caller's own, and those shared with it that it answered with
 * `member_status` (default accepted). A visibility narrows that to images of that visibility.
 */
function listingScope(params: URLSearchParams): ImageListQuery['inScope'] {
  const visibility = lastValue(params, 'visibility');
  // An empty visibility is not checked, and lists the images whose visibility is empty: none.
  if (visibility && !GLANCE_VISIBILITIES.includes(visibility)) {
    throw badRequest(`Invalid visibility value: ${visibility}`);
  }
  const memberStatus = params.get('member_status') ?? 'accepted';
  if (!GLANCE_MEMBER_STATUSES.includes(memberStatus)) throw badRequest(`Invalid status: ${memberStatus}`);
  const listsMember = (access: MemberStatus) => memberStatus === 'all' || access === memberStatus;
  // Community images are listed when asked for (or for all), else only to their owner.
  const listsCommunity = visibility === 'community' || visibility === 'all';
  return ({ image, access }) =>
    (visibility === undefined || visibility === 'all' || image.visibility === visibility) &&
    (access === 'owner' ||
      (access === 'public' && (image.visibility !== 'community' || listsCommunity)) ||
      (access !== 'public' && listsMember(access)));
}

/** What a list without visibility or member_status shows; the legacy APIs list the same images. */
export const listedByDefault = listingScope(new URLSearchParams());

/** Reads GET /v2/images parameters; throws a 400 RequestError for anything Glance rejects. */
export function parseImageListQuery(params: URLSearchParams): ImageListQuery {
  const requested = requestedSort(params);
  const sort = totalSort(requested.keys, requested.dirs);
  const limit = parseLimit(params.get('limit') ?? undefined, DEFAULT_LIMIT, MAX_LIMIT);
  const inScope = listingScope(params);
  // What Glance leaves among the filters: every key it does not take out, and a second `limit`, `marker`…
  const leftOver = [...new Set(params.keys())].filter(
    (key) => !TAKEN_ALL.has(key) && (!TAKEN_ONCE.includes(key) || params.getAll(key).length > 1),
  );
  const filters = leftOver.map((key) =>
    TAKEN_ONCE.includes(key)
      ? equalsFilter(key, lastValue(params, key) ?? '')
      : fieldFilter(key, lastValue(params, key) ?? ''),
  );
  const tags = params.getAll('tag').map((tag) => tag.trim());
  if (tags.length > 0) filters.push(tagsFilter(tags));
  return { sort, limit, marker: params.get('marker') ?? undefined, inScope, filters };
}
