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

/** The iso8601 package's pattern (what oslo's parse_isotime reads), with Python's `$`. */
const ISO_8601 =
  /^(?<year>\d{4})(?:(?:-(?<monthdash>\d{1,2})|(?<month>\d{2})(?!$))(?:(?:-(?<daydash>\d{1,2})|(?<day>\d{2}))(?:(?<separator>[ T])(?<hour>\d{2})(?::?(?<minute>\d{2}))?(?::?(?<second>\d{1,2})(?:[.,](?<fraction>\d+))?)?(?<timezone>Z|(?<tzSign>[-+])(?<tzHour>\d{2}):?(?<tzMinute>\d{2})?)?)?)?)?\n?$/;

/**
 * Glance's reading of a time filter (oslo's parse_isotime): `2018-10-28T10:00:00Z`, `2018-10-28 10:00:00`,
 * a bare date, fractions, offsets (`+08:00`) and the basic forms (`20181028T100000`); no zone means UTC.
 * Microseconds since the epoch, or undefined for anything else, impossible dates included.
 */
export function parseIsoTime(text: string): number | undefined {
  const groups = ISO_8601.exec(text)?.groups;
  if (!groups) return undefined;
  const number = (value: string | undefined, fallback: number) =>
    value === undefined ? fallback : Number.parseInt(value, 10);
  const year = number(groups.year, 0);
  const month = number(groups.month ?? groups.monthdash, 1);
  const day = number(groups.day ?? groups.daydash, 1);
  const hour = number(groups.hour, 0);
  const minute = number(groups.minute, 0);
  const second = number(groups.second, 0);
  const daysInMonth =
    new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  const tzHour = number(groups.tzHour, 0);
  const tzMinute = number(groups.tzMinute, 0);
  if (
    year < 1 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    tzHour * 60 + tzMinute >= 24 * 60
  ) {
    return undefined;
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  const offsetMinutes = (groups.tzSign === '-' ? -1 : 1) * (tzHour * 60 + tzMinute);
  const micros = Math.floor(Number(`0.${groups.fraction ?? '0'}`) * 1_000_000);
  return (date.getTime() - offsetMinutes * 60_000) * 1000 + micros;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
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
