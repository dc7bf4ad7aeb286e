// Filters of the discarded list APIs: the compute API's GET /{v2|v2.1}/{project_id}/images[/detail] and
// Glance v1's GET /v1.1/images/detail. Both list what GET /v2/images lists by default, newest first.
import { novaStatus } from '../api/legacyViews';
import { equalsFilter, protectedFilter, type ImagePredicate } from './imageListQuery';
import { badRequest, lastValue, parseBoolean, parseInteger, parseUtcTime } from './queryParams';

type FilterFactory = (value: string) => ImagePredicate;

/** One filter per parameter present (with its last value); absent parameters do not filter. */
function filtersFrom(
  params: URLSearchParams,
  factories: Readonly<Record<string, FilterFactory>>,
): ImagePredicate[] {
  return Object.entries(factories).flatMap(([key, filterFor]) => {
    const value = lastValue(params, key);
    return value === undefined ? [] : [filterFor(value)];
  });
}

function integer(value: string, message: string): number {
  const parsed = parseInteger(value);
  if (parsed === undefined) throw badRequest(message);
  return parsed;
}

/** minRam, minDisk, min_ram, min_disk: the image needs no more than the flavor offers. */
function atLeast(key: 'min_ram' | 'min_disk', value: string, message: string): ImagePredicate {
  const minimum = integer(value, message);
  return (image) => image[key] >= minimum;
}

function changedSince(value: string, message: string): ImagePredicate {
  const since = parseUtcTime(value);
  if (since === undefined) throw badRequest(message);
  return (image) => image.updated_at >= since;
}

/**
 * A Glance status (`active`) or a Nova one (`ACTIVE`, `SAVING` = queued or saving), in any case. Deleted
 * images cannot be queried, as the compute API reference says.
 */
function computeStatusFilter(value: string): ImagePredicate {
  const glanceStatus = value.toLowerCase();
  const wanted = value.toUpperCase();
  if (glanceStatus === 'deleted') return () => false;
  return (image) => image.status === glanceStatus || novaStatus(image.status) === wanted;
}

const COMPUTE_FILTERS: Readonly<Record<string, FilterFactory>> = {
  name: (name) => (image) => image.name === name,
  status: computeStatusFilter,
  'changes-since': (value) => changedSince(value, `Invalid changes-since value: ${value}`),
  minRam: (value) => atLeast('min_ram', value, `Invalid minRam filter [${value}]`),
  minDisk: (value) => atLeast('min_disk', value, `Invalid minDisk filter [${value}]`),
};

export function computeListFilters(params: URLSearchParams): ImagePredicate[] {
  return filtersFrom(params, COMPUTE_FILTERS);
}

function sizeBound(value: string, holds: (size: number, bound: number) => boolean): ImagePredicate {
  const bound = integer(value, 'Unable to filter on a range with a non-numeric value.');
  // An image without a file has no size, and no range holds it (SQL's NULL >= n).
  return (image) => typeof image.size === 'number' && holds(image.size, bound);
}

const GLANCE_V1_FILTERS: Readonly<Record<string, FilterFactory>> = {
  name: (value) => equalsFilter('name', value),
  container_format: (value) => equalsFilter('container_format', value),
  disk_format: (value) => equalsFilter('disk_format', value),
  status: (value) => equalsFilter('status', value),
  size_min: (value) => sizeBound(value, (size, bound) => size >= bound),
  size_max: (value) => sizeBound(value, (size, bound) => size <= bound),
  'changes-since': (value) => changedSince(value, 'Unrecognized changes-since value'),
  min_ram: (value) => atLeast('min_ram', value, `Invalid min_ram filter [${value}]`),
  min_disk: (value) => atLeast('min_disk', value, `Invalid min_disk filter [${value}]`),
  is_public: (value) => {
    const isPublic = parseBoolean('is_public', value);
    return (image) => (image.visibility === 'public') === isPublic;
  },
  protected: protectedFilter,
};

const PROPERTY_PREFIX = 'property-';

/** The v1 filters, and `property-<key>=value` for an exact property value. Other parameters are ignored. */
export function glanceV1Filters(params: URLSearchParams): ImagePredicate[] {
  const propertyFilters = [...new Set(params.keys())]
    .filter((key) => key.startsWith(PROPERTY_PREFIX))
    .map((key) => equalsFilter(key.slice(PROPERTY_PREFIX.length), lastValue(params, key) ?? ''));
  return [...filtersFrom(params, GLANCE_V1_FILTERS), ...propertyFilters];
}
