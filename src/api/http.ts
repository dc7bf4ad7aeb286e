// The one place that talks HTTP: headers, time-outs, cancellation, and every failure turned into an ApiError.
import { ApiError, type ApiErrorKind } from './apiError';
import type { Parser } from './schemas';

/** Where and how to reach the APIs. The token is read per request and never stored or logged here. */
export interface Connection {
  /** IMS / Glance base URL; '' for the same origin. */
  endpoint: string;
  /** Compute (Nova) base URL for the legacy views; '' for the same origin. */
  computeEndpoint: string;
  projectId: string;
  /** Sent as `X-Api-Version` (a letter after M selects Queens-style answers). */
  apiVersion?: string;
  getToken?: () => string | undefined;
  /**
   * Told of a 401 with the token that request carried (undefined: it carried none), so that a token entered
   * while the request was on its way is not taken for the refused one.
   */
  onUnauthorized?: (refusedToken: string | undefined) => void;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 30_000;

function requestHeaders(connection: Connection, token: string | undefined): Headers {
  // Glance answers errors in HTML unless JSON is asked for.
  const headers = new Headers({ Accept: 'application/json' });
  if (token) headers.set('X-Auth-Token', token);
  if (connection.apiVersion) headers.set('X-Api-Version', connection.apiVersion);
  return headers;
}

const KIND_BY_STATUS: Readonly<Record<number, ApiErrorKind>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  429: 'rate-limited',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

function kindOfStatus(status: number): ApiErrorKind {
  return KIND_BY_STATUS[status] ?? (status >= 500 ? 'server-error' : 'http');
}

/** Glance pads its messages with `<br />`; the message is shown as text, so markup goes. */
function cleanMessage(message: string): string {
  return message
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface ErrorBody {
  code?: string;
  message?: string;
}

function stringField(object: unknown, key: string): string | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const value = (object as Record<string, unknown>)[key];
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : undefined;
}

/** Reads the error shapes these APIs use: IMS, API gateway, Glance, Nova, or an HTML page. */
export function parseErrorBody(body: string): ErrorBody {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return parseHtmlError(body);
  }
  if (typeof json !== 'object' || json === null) return {};
  // IMS: {"error": {"code": "IMS.0001", "message": ...}}; Glance: {"code", "message", "title"};
  // API gateway: {"error_code", "error_msg"}; Nova: {"badRequest": {"code": 400, "message": ...}}.
  const messageOf = (object: unknown) => stringField(object, 'message') ?? stringField(object, 'error_msg');
  if (messageOf(json)) {
    const code = stringField(json, 'code') ?? stringField(json, 'error_code');
    return withCleanMessage(code, messageOf(json));
  }
  const [wrapper, inner] = Object.entries(json).find(([, value]) => messageOf(value)) ?? [];
  // Nova's wrapper key (`badRequest`, `itemNotFound`) says more than its numeric code, which repeats the status.
  const code = wrapper === 'error' ? stringField(inner, 'code') : wrapper;
  return withCleanMessage(code, messageOf(inner));
}

function withCleanMessage(code: string | undefined, message: string | undefined): ErrorBody {
  return { ...(code ? { code } : {}), ...(message ? { message: cleanMessage(message) } : {}) };
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function fromCodePoint(codePoint: number): string {
  return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\uFFFD';
}

/** Text of an HTML page comes escaped; `&amp;` is decoded last so `&amp;lt;` stays `&lt;`. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => fromCodePoint(Number(decimal)))
    .replace(/&(lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/&amp;/g, '&');
}

function parseHtmlError(body: string): ErrorBody {
  const rawTitle = /<title>([^<]*)<\/title>/i.exec(body)?.[1]?.trim();
  const title = rawTitle ? decodeEntities(rawTitle) : undefined;
  const text = decodeEntities(
    cleanMessage(
      body
        .replace(/<head[\s\S]*?<\/head>/gi, ' ')
        .replace(/<h1[\s\S]*?<\/h1>/gi, ' ')
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<[^>]*>/g, ' '),
    ),
  );
  return { ...(title ? { code: title } : {}), ...(text ? { message: text.slice(0, 500) } : {}) };
}

/** `Retry-After` in seconds, from either of its forms (seconds, or an HTTP date). */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

function requestIdOf(headers: Headers): string | undefined {
  return (
    headers.get('X-Openstack-Request-Id') ??
    headers.get('X-Request-Id') ??
    headers.get('X-Compute-Request-Id') ??
    undefined
  );
}

function failureKind(caller: AbortSignal | undefined, timeout: AbortSignal): ApiErrorKind {
  if (caller?.aborted) return 'aborted';
  return timeout.aborted ? 'timeout' : 'network';
}

/** GET a JSON resource and check it with `parse`; every failure is an ApiError. */
export async function getJson<T>(
  connection: Connection,
  url: string,
  parse: Parser<T>,
  options: RequestOptions = {},
): Promise<T> {
  const method = 'GET';
  const timeout = AbortSignal.timeout(connection.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const doFetch = connection.fetch ?? globalThis.fetch;
  const token = connection.getToken?.();

  let response: Response;
  let body: string;
  try {
    response = await doFetch(url, { method, headers: requestHeaders(connection, token), signal });
    body = await response.text();
  } catch (cause) {
    throw new ApiError({ kind: failureKind(options.signal, timeout), method, url, cause });
  }

  const requestId = requestIdOf(response.headers);
  const context = { method, url, status: response.status, ...(requestId ? { requestId } : {}) };
  if (!response.ok) {
    if (response.status === 401) connection.onUnauthorized?.(token);
    // A gateway may echo the request's headers back; the token must not reach the screen that way.
    const { code, message } = parseErrorBody(token ? body.replaceAll(token, '[token]') : body);
    const retryAfter = retryAfterSeconds(response.headers.get('Retry-After'));
    throw new ApiError({
      kind: kindOfStatus(response.status),
      ...context,
      ...(code ? { code } : {}),
      ...(message ? { apiMessage: message } : {}),
      ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}),
    });
  }

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (cause) {
    const type = response.headers.get('Content-Type') ?? 'no content type';
    const start = body.trimStart().slice(0, 40);
    const problem = `the body is not JSON (${type}${start ? `, starting "${start}"` : ', empty'})`;
    throw new ApiError({ kind: 'malformed-response', ...context, problem, cause });
  }
  const parsed = parse(json);
  if (!parsed.ok) throw new ApiError({ kind: 'malformed-response', ...context, problem: parsed.problem });
  return parsed.value;
}
