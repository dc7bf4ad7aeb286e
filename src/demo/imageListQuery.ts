// GET /v2/images query parameters as Glance v2 reads them: validation (400s), filters, visibility and sort.
import {
  DATE_OPERATORS,
  IMAGE_STATUSES,
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
import { badRequest, lastValue, parseBoolean, parseInteger, parseLimit, parseUtcTime } from './queryParams';

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 1000;

/** Glance also lists `community` images, and `all` means every image the caller may list. */
const GLANCE_VISIBILITIES: readonly string[] = [...VISIBILITIES, 'community', 'all'];
const GLANCE_MEMBER_STATUSES: readonly string[] = [...MEMBER_STATUSES, 'all'];
/** Statuses Glance knows beyond the documented ones: valid to filter on, though no demo image has them. */
const GLANCE_STATUSES: readonly string[] = [...IMAGE_STATUSES, 'pending_delete', 'uploading', 'importing'];

/** Parameters that shape the listing rather than filter on a field. */
const LISTING_PARAMETERS: ReadonlySet<string> = new Set([
  'limit',
  'marker',
  'sort',
  'sort_key',
  'sort_dir',
  'visibility',
  'member_status',
  'tag',
]);
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

/** `sort=name:asc,size` or `sort_key=name&sort_dir=asc&sort_key=size`: a missing direction is desc. */
function requestedSort(params: URLSearchParams): SortCriterion[] {
  const sort = lastValue(params, 'sort');
  const keys = params.getAll('sort_key');
  const dirs = params.getAll('sort_dir');
  if (sort !== undefined) {
    if (keys.length > 0 || dirs.length > 0) throw badRequest('Old and new sorting syntax cannot be combined');
    return sort.split(',').map((part) => {
      const [key = '', ...dirParts] = part.split(':');
      return { key: sortKey(key.trim()), dir: sortDir(dirParts.join(':').trim() || 'desc') };
    });
  }
  if (dirs.length > Math.max(keys.length, 1)) {
    throw badRequest('Number of sort dirs does not match the number of sort keys');
  }
  return (keys.length > 0 ? keys : ['created_at']).map((key, position) => ({
    key: sortKey(key.trim()),
    dir: sortDir(dirs[position]?.trim() ?? 'desc'),
  }));
}

/** Ties are broken by created_at, then id, in the last requested direction, so the order is total. */
export function totalSort(requested: readonly SortCriterion[]): SortSpec {
  const dir = requested.at(-1)?.dir ?? 'desc';
  const missing = (['created_at', 'id'] as const).filter((key) => !requested.some((c) => c.key === key));
  return [...requested, ...missing.map((key) => ({ key, dir }))];
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

function inOrEqualsFilter(key: string, value: string, validate?: (value: string) => void): ImagePredicate {
  const values = value.startsWith('in:') ? inValues(value.slice(3)) : [value];
  if (validate) values.forEach(validate);
  const accepted = new Set(values);
  return (image) => {
    const text = fieldText(image, key);
    return text !== undefined && accepted.has(text);
  };
}

function validateStatus(status: string): void {
  if (!GLANCE_STATUSES.includes(status)) throw badRequest(`Invalid status value: ${status}`);
}

function integerFilter(key: 'min_ram' | 'min_disk', value: string): ImagePredicate {
  const expected = parseInteger(value);
  if (expected === undefined) throw badRequest(`Invalid value for ${key}: ${value}. It must be an integer.`);
  return (image) => image[key] === expected;
}

export function protectedFilter(value: string): ImagePredicate {
  const expected = parseBoolean('protected', value);
  return (image) => image.protected === expected;
}

const DATE_COMPARISONS: Readonly<Record<DateOperator, (order: number) => boolean>> = {
  gt: (order) => order > 0,
  gte: (order) => order >= 0,
  lt: (order) => order < 0,
  lte: (order) => order <= 0,
  eq: (order) => order === 0,
  neq: (order) => order !== 0,
};

/** `lt:2018-10-28T10:00:00Z`; a bare time means eq (its own colons are no operator, as in Glance). */
function dateFilter(key: 'created_at' | 'updated_at', value: string): ImagePredicate {
  const separator = value.indexOf(':');
  const [operator, time] =
    parseUtcTime(value) !== undefined || separator < 0
      ? ['eq', value]
      : [value.slice(0, separator).trim(), value.slice(separator + 1)];
  if (!isOneOf(DATE_OPERATORS, operator))
    throw badRequest(`Unable to filter on a unknown operator: ${operator}`);
  const threshold = parseUtcTime(time);
  if (threshold === undefined) {
    throw badRequest(`Bad "${key}" query filter format. Use ISO 8601 DateTime notation.`);
  }
  const holds = DATE_COMPARISONS[operator];
  return (image) => {
    const imageTime = image[key];
    return holds(imageTime < threshold ? -1 : imageTime > threshold ? 1 : 0);
  };
}

/** Any key but the listing ones filters: base fields their own way, every other key by exact property value. */
function fieldFilter(key: string, value: string): ImagePredicate {
  switch (key) {
    case 'created_at':
    case 'updated_at':
      return dateFilter(key, value);
    case 'min_ram':
    case 'min_disk':
      return integerFilter(key, value);
    case 'protected':
      return protectedFilter(value);
    case 'status':
      return inOrEqualsFilter(key, value, validateStatus);
    default:
      return IN_FILTER_FIELDS.has(key) ? inOrEqualsFilter(key, value) : equalsFilter(key, value);
  }
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
  if (visibility !== undefined && !GLANCE_VISIBILITIES.includes(visibility)) {
    throw badRequest(`Invalid visibility value: ${visibility}`);
  }
  const memberStatus = lastValue(params, 'member_status') ?? 'accepted';
  if (!GLANCE_MEMBER_STATUSES.includes(memberStatus))
    throw badRequest(`Invalid member_status: ${memberStatus}`);
  const listsMember = (access: MemberStatus) => memberStatus === 'all' || access === memberStatus;
  return ({ image, access }) =>
    (visibility === undefined || visibility === 'all' || image.visibility === visibility) &&
    (access === 'public' || access === 'owner' || listsMember(access));
}

/** What a list without visibility or member_status shows; the legacy APIs list the same images. */
export const listedByDefault = listingScope(new URLSearchParams());

/** Reads GET /v2/images parameters; throws a 400 RequestError for anything Glance rejects. */
export function parseImageListQuery(params: URLSearchParams): ImageListQuery {
  const sort = totalSort(requestedSort(params));
  const limit = parseLimit(lastValue(params, 'limit'), DEFAULT_LIMIT, MAX_LIMIT);
  const inScope = listingScope(params);
  const filters = [...new Set(params.keys())]
    .filter((key) => !LISTING_PARAMETERS.has(key))
    .map((key) => fieldFilter(key, lastValue(params, key) ?? ''));
  const tags = params.getAll('tag').map((tag) => tag.trim());
  if (tags.length > 0) filters.push(tagsFilter(tags));
  return { sort, limit, marker: lastValue(params, 'marker'), inScope, filters };
}
