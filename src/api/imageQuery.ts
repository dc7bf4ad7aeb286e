import type { DateFilter, ImagePage, ImageListResponse, ImageQuery } from './imageTypes';
import { SENT_QUERY_PARAMETERS } from './imageTypes';
import { toQueryString, withQuery, type ParamValue } from './queryString';

function dateFilter(filter: DateFilter | undefined): string | undefined {
  return filter && filter.value !== '' ? `${filter.op}:${filter.value}` : undefined;
}

function count(name: string, value: number | undefined): number | undefined {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
    throw new RangeError(`${name} must be a whole number ≥ 0, not ${value}`);
  }
  return value;
}

/**
 * An exact name as Glance reads it: a name with a colon would be taken for `operator:value` (and refused
 * with 400), so it is sent as `eq:<name>`, which Glance reads as the exact name.
 */
function exactName(name: string | undefined): string | undefined {
  return name?.includes(':') ? `eq:${name}` : name;
}

function paramValue(query: ImageQuery, name: (typeof SENT_QUERY_PARAMETERS)[number]): ParamValue {
  switch (name) {
    case 'created_at':
    case 'updated_at':
      return dateFilter(query[name]);
    case 'name':
      return exactName(query.name);
    case 'limit':
    case 'min_ram':
    case 'min_disk':
      return count(name, query[name]);
    case '__isregistered':
    case '__support_kvm':
    case '__support_xen':
    case '__support_largememory':
    case '__support_diskintensive':
    case '__support_highperformance':
    case '__support_xen_hana':
    case '__support_kvm_infiniband':
    case '__support_arm':
      // These filter on `true` only; anything else would ask for images that carry the literal value.
      return query[name] === true ? true : undefined;
    default:
      return query[name];
  }
}

/**
 * The query string of GET /v2/images: only the documented parameters (then the documented property filters),
 * in the reference's order, never an empty one. Anything else on `query` is left out, because Glance would
 * filter on it and answer nothing.
 */
export function imageQueryString(query: ImageQuery): string {
  return toQueryString(SENT_QUERY_PARAMETERS.map((name) => [name, paramValue(query, name)] as const));
}

/** `/v2/images?...` under the IMS endpoint ('' for the same origin). */
export function imagesUrl(endpoint: string, query: ImageQuery): string {
  return withQuery(`${endpoint}/v2/images`, imageQueryString(query));
}

export function imageUrl(endpoint: string, id: string): string {
  // URL parsers resolve `.` and `..` (even percent-encoded) as path steps, leaving /v2/images/.
  if (id === '' || /^(\.|%2e){1,2}$/i.test(id)) throw new RangeError(`Not an image id: "${id}"`);
  return `${endpoint}/v2/images/${encodeURIComponent(id)}`;
}

/**
 * The marker of the page after this one, read from the response's `next` link. Glance sends `next` for
 * every full page, so an empty page ends the list; a link that would ask for the same page again ends it too.
 */
export function nextMarker(response: ImageListResponse, requestedMarker?: string): string | undefined {
  const lastImage = response.images.at(-1);
  if (!response.next || !lastImage) return undefined;
  let marker: string | null;
  try {
    marker = new URL(response.next, 'http://next.invalid').searchParams.get('marker');
  } catch {
    marker = null;
  }
  const next = marker || lastImage.id;
  return next === requestedMarker ? undefined : next;
}

export function toImagePage(response: ImageListResponse, requestedMarker?: string): ImagePage {
  return { images: response.images, nextMarker: nextMarker(response, requestedMarker) };
}
