/** A query parameter value as the APIs take it; absent, empty and empty-list values are never written. */
export type ParamValue = string | number | boolean | readonly string[] | undefined | null;

function encode(text: string): string {
  // `:` and `,` stay readable (`created_at=lt:2018-10-28T10:00:00Z`, `sort=name:asc,id:desc`); both are legal in a query.
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

function valuesOf(value: ParamValue): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Not a number: ${value}`);
    return [String(value)];
  }
  if (typeof value === 'boolean') return [String(value)];
  return value.filter((item) => item !== '');
}

/** `a=1&b=x&b=y`, in the order given; a list repeats its parameter. */
export function toQueryString(params: Iterable<readonly [string, ParamValue]>): string {
  const parts: string[] = [];
  for (const [name, value] of params) {
    for (const item of valuesOf(value)) parts.push(`${encode(name)}=${encode(item)}`);
  }
  return parts.join('&');
}

export function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}
