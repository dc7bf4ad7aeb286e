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
  if (url.search || url.hash || url.username || url.password) {
    return 'The URL must have no query, fragment or credentials.';
  }
  return undefined;
}
