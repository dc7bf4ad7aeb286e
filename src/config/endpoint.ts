// One reading of an endpoint base URL, wherever one is given: config.json, the settings panel, the
// settings kept in the browser, and the dev server's IMS_ENDPOINT.
import * as v from 'valibot';

/** As typed, but trimmed and without trailing slashes (paths are appended to it). */
export function cleanEndpoint(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

/**
 * What is wrong with an endpoint base URL, or undefined when it is fine: an http(s) URL without query,
 * fragment or credentials. (An empty endpoint, the same origin, is the caller's to allow.)
 */
export function endpointProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full URL such as https://ims.ap-southeast-1.myhuaweicloud.com.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https://.';
  // `?` and `#` alone leave search and hash empty, and would still break every request URL.
  if (/[?#]/.test(value) || url.username || url.password) {
    return 'The URL must have no query, fragment or credentials.';
  }
  return undefined;
}

/** An endpoint in config.json or in stored settings: '' (the same origin) or a clean base URL. */
export const ENDPOINT = v.pipe(
  v.string(),
  v.transform(cleanEndpoint),
  v.check(
    (value) => value === '' || endpointProblem(value) === undefined,
    (issue) => endpointProblem(String(issue.input)) ?? 'Not an endpoint URL.',
  ),
);
