// One error type for every way a call can fail, so the UI can say what happened and what to do.

export type ApiErrorKind =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'server-error'
  | 'unavailable'
  | 'http'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'malformed-response';

export interface ApiErrorDetails {
  kind: ApiErrorKind;
  method: string;
  /** The request URL; it never holds the token, which travels in a header. */
  url: string;
  status?: number;
  /** The API's own error code: `IMS.0001`, `400 Bad Request`, `badRequest`... */
  code?: string;
  /** The API's own message, cleaned of markup. */
  apiMessage?: string;
  requestId?: string;
  retryAfterSeconds?: number;
  /** What was wrong with a malformed answer. */
  problem?: string;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly method: string;
  readonly url: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly apiMessage: string | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly problem: string | undefined;

  constructor(details: ApiErrorDetails) {
    super(describe(details), { cause: details.cause });
    this.kind = details.kind;
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.code = details.code;
    this.apiMessage = details.apiMessage;
    this.requestId = details.requestId;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.problem = details.problem;
  }

  /** Worth retrying as it is: the server or the network may answer next time. */
  get isTransient(): boolean {
    return ['rate-limited', 'server-error', 'unavailable', 'network', 'timeout'].includes(this.kind);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url, 'http://same-origin.invalid').host.replace('same-origin.invalid', 'this site');
  } catch {
    return url;
  }
}

function describe(details: ApiErrorDetails): string {
  // The API's own words, ended as a sentence so the advice that follows reads apart from them.
  const said = details.apiMessage ? `: ${details.apiMessage.replace(/([^.!?])$/, '$1.')}` : '.';
  switch (details.kind) {
    case 'bad-request':
      return `The image service rejected the request${said} Check the filters and sort.`;
    case 'unauthorized':
      return 'Authentication failed: the token is missing, invalid or expired. Enter a new token.';
    case 'forbidden':
      return `Access denied${said} This account may not see these images.`;
    case 'not-found':
      return `Not found${said} The image may have been deleted, or the endpoint is wrong.`;
    case 'rate-limited':
      return `Too many requests: the image service is throttling this account. Retry in ${details.retryAfterSeconds ?? 'a few'} s.`;
    case 'server-error':
      return `The image service failed (HTTP ${details.status})${said} Retry later; quote the request id to support.`;
    case 'unavailable':
      return `The image service is unavailable (HTTP ${details.status})${said} Retry in a moment.`;
    case 'http':
      return `Unexpected answer from the image service (HTTP ${details.status})${said}`;
    case 'network':
      return `Cannot reach ${hostOf(details.url)}: the network is down, the endpoint is wrong, or it does not allow this site (CORS).`;
    case 'timeout':
      return `No answer from ${hostOf(details.url)} in time. Retry, or check the endpoint.`;
    case 'aborted':
      return 'The request was cancelled.';
    case 'malformed-response':
      return `The image service answered something that is not what the API documents: ${details.problem}.`;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
