// Reading query parameters the way the OpenStack services do, shared by every emulated API.

/** A request the service refuses; the route renders it in its own API's error shape. */
export class RequestError extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export function badRequest(message: string): RequestError {
  return new RequestError(400, message);
}

/** A parameter given several times counts once, with its last value (Python's dict(request.params)). */
export function lastValue(params: URLSearchParams, key: string): string | undefined {
  return params.getAll(key).at(-1);
}

/** An integer the way Python's int() reads one: optional sign, digits, surrounding spaces. */
export function parseInteger(text: string): number | undefined {
  return /^\s*[+-]?\d+\s*$/.test(text) ? Number.parseInt(text, 10) : undefined;
}

/** Glance's and Nova's `limit`: a non-negative integer, capped at `max`. */
export function parseLimit(text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback;
  const limit = parseInteger(text);
  if (limit === undefined) throw badRequest('limit param must be an integer');
  if (limit < 0) throw badRequest('limit param must be positive');
  return Math.min(limit, max);
}

/** `true` or `false`, in any case: the services also take Python's `True` and `False`. */
export function parseBoolean(key: string, text: string): boolean {
  const lower = text.trim().toLowerCase();
  if (lower !== 'true' && lower !== 'false') {
    throw badRequest(`Invalid value for ${key}: ${text}. It must be true or false.`);
  }
  return lower === 'true';
}

const UTC_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})Z?$/;

/**
 * `2018-10-28T10:00:00Z` or `2018-10-28 10:00:00` (UTC), normalised to the first form, which is how image
 * times are written, so that they compare as text. Undefined for anything else, impossible dates included.
 */
export function parseUtcTime(text: string): string | undefined {
  const match = UTC_TIME.exec(text.trim());
  if (!match) return undefined;
  const normalised = `${match[1]}T${match[2]}Z`;
  const time = Date.parse(normalised);
  return Number.isNaN(time) || new Date(time).toISOString() !== normalised.replace('Z', '.000Z')
    ? undefined
    : normalised;
}

/**
 * The query string of a paging link: the request's parameters without the marker (each once, with its
 * last value, where it first appeared, as Glance's dict(request.params) writes them), then the new marker.
 */
export function linkQuery(params: URLSearchParams, marker?: string): string {
  const kept = new Map<string, string>();
  for (const [key, value] of params) if (key !== 'marker') kept.set(key, value);
  if (marker !== undefined) kept.set('marker', marker);
  return new URLSearchParams([...kept]).toString();
}
