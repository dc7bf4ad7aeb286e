// A synchronous in-memory IMS: GET /v2/images as Glance v2 answers the demo project, the image itself,
// the compute API's and Glance v1's discarded lists, and injected faults. Framework-free, so it runs
// behind MSW in the browser and directly in unit tests.
import type { Image } from '../api/imageTypes';
import type { ComputeVersion } from '../api/legacyTypes';
import {
  toComputeImage,
  toComputeImageDetail,
  toGlanceV1Image,
  type LegacyLinkContext,
} from '../api/legacyViews';
import type { Catalogue } from './catalogue';
import { createImageIndex, type ImageIndex, type VisibleImage } from './imageIndex';
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  listedByDefault,
  parseImageListQuery,
  totalSort,
  type ImagePredicate,
} from './imageListQuery';
import { computeListFilters, glanceV1Filters } from './legacyListQuery';
import { RequestError, lastValue, linkQuery, parseLimit } from './queryParams';

export interface EmulatorRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  headers: Headers;
}

export interface EmulatorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type FailStatus = 500 | 503 | 429;

export interface FaultOptions {
  /** Every Nth request (counting all of them) fails; 0 or absent: never. */
  failEvery?: number;
  failStatus?: FailStatus;
}

export interface EmulatorOptions {
  catalogue: Catalogue;
  faults?: FaultOptions;
}

export interface Emulator {
  handle(request: EmulatorRequest): EmulatorResponse;
}

const JSON_TYPE = 'application/json; charset=UTF-8';
const HTML_TYPE = 'text/html; charset=UTF-8';
/** The compute API's own page size when none is asked for (its `max_limit`). */
const COMPUTE_MAX_LIMIT = 1000;
const NEWEST_FIRST = totalSort([]);

interface Reply {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

function jsonReply(status: number, value: unknown): Reply {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value) };
}

// Error shapes ------------------------------------------------------------------------------------------

const REASONS: Readonly<Record<RequestError['status'], string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
};

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};

/** Python's html.escape, as webob escapes the explanation in its error page. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** webob's error page: JSON when the client accepts it (with the HTML line breaks left in), else HTML. */
function glanceError({ status, message }: RequestError, acceptsJson: boolean): Reply {
  const code = `${status} ${REASONS[status]}`;
  if (acceptsJson) {
    return jsonReply(status, { message: `${message}<br /><br />\n\n\n`, code, title: REASONS[status] });
  }
  return {
    status,
    contentType: HTML_TYPE,
    body: `<html>\n <head>\n  <title>${code}</title>\n </head>\n <body>\n  <h1>${code}</h1>\n  ${escapeHtml(message)}<br /><br />\n\n\n\n </body>\n</html>`,
  };
}

const NOVA_FAULT_NAMES: Readonly<Record<RequestError['status'], string>> = {
  400: 'badRequest',
  403: 'forbidden',
  404: 'itemNotFound',
};

function novaError({ status, message }: RequestError): Reply {
  return jsonReply(status, { [NOVA_FAULT_NAMES[status]]: { message, code: status } });
}

const FAULT_MESSAGES: Readonly<Record<FailStatus, string>> = {
  500: 'Internal server error.',
  503: 'The service is unavailable. Try again later.',
  429: 'Too many requests. Try again later.',
};

/** An IMS-style failure from in front of the services (API gateway, throttling). */
function faultReply(status: FailStatus): Reply {
  return {
    ...jsonReply(status, { error: { code: 'IMS.0010', message: FAULT_MESSAGES[status] } }),
    ...(status === 429 ? { headers: { 'Retry-After': '2' } } : {}),
  };
}

// Routes ------------------------------------------------------------------------------------------------

interface RouteRequest {
  url: URL;
  groups: Readonly<Record<string, string | undefined>>;
}

interface Route {
  pattern: RegExp;
  /** Which service answers, hence the error shape. */
  service: 'image' | 'compute';
  serve(request: RouteRequest): Reply;
}

/** Pages after a full page: a next link whenever the page is full, so the page after it may be empty. */
function isFull(page: readonly Image[], limit: number): boolean {
  return limit > 0 && page.length === limit;
}

function matchesAll(filters: readonly ImagePredicate[]): (entry: VisibleImage) => boolean {
  return ({ image }) => filters.every((matches) => matches(image));
}

function listImages(index: ImageIndex, { url }: RouteRequest): Reply {
  const params = url.searchParams;
  const query = parseImageListQuery(params);
  const matches = matchesAll(query.filters);
  const images = index.page({
    sort: query.sort,
    accepts: (entry) => query.inScope(entry) && matches(entry),
    marker: query.marker === undefined ? undefined : glanceMarker(index, query.marker),
    limit: query.limit,
  });
  const firstQuery = linkQuery(params);
  const last = images.at(-1);
  return jsonReply(200, {
    images,
    first: firstQuery ? `/v2/images?${firstQuery}` : '/v2/images',
    schema: '/v2/schemas/images',
    ...(last && isFull(images, query.limit) ? { next: `/v2/images?${linkQuery(params, last.id)}` } : {}),
  });
}

/** Glance pages from an image the caller may see, even one the filters leave out; others are refused. */
function glanceMarker(index: ImageIndex, id: string): Image {
  const found = index.lookup(id);
  if (!found) throw new RequestError(400, `No image found with ID ${id}`);
  if (found.access === undefined) throw new RequestError(403, `Forbidding request, image ${id} not visible`);
  return found.image;
}

function showImage(index: ImageIndex, { groups }: RouteRequest): Reply {
  const id = groups.id ?? '';
  const found = index.lookup(id);
  // Glance answers 404 for an image the caller may not see, never revealing that it exists.
  if (found?.access === undefined) throw new RequestError(404, `No image found with ID ${id}`);
  return jsonReply(200, found.image);
}

/** The legacy APIs page from an image the caller may see; they know no 403. */
function legacyMarker(index: ImageIndex, id: string | undefined, notFound: (id: string) => string) {
  if (id === undefined) return undefined;
  const found = index.lookup(id);
  if (found?.access === undefined) throw new RequestError(400, notFound(id));
  return found.image;
}

function legacyPage(index: ImageIndex, filters: ImagePredicate[], marker: Image | undefined, limit: number) {
  const matches = matchesAll(filters);
  return index.page({
    sort: NEWEST_FIRST,
    accepts: (entry) => listedByDefault(entry) && matches(entry),
    marker,
    limit,
  });
}

function listComputeImages(index: ImageIndex, viewerProjectId: string, { url, groups }: RouteRequest): Reply {
  const { prefix = '', version, projectId = '', detail } = groups;
  if (projectId !== viewerProjectId) {
    throw new RequestError(
      400,
      `Malformed request URL: URL's project_id '${projectId}' doesn't match Context's project_id '${viewerProjectId}'`,
    );
  }
  const params = url.searchParams;
  const filters = computeListFilters(params);
  const limit = parseLimit(lastValue(params, 'limit'), COMPUTE_MAX_LIMIT, COMPUTE_MAX_LIMIT);
  const marker = legacyMarker(index, lastValue(params, 'marker'), (id) => `marker [${id}] not found`);
  const images = legacyPage(index, filters, marker, limit);
  const context: LegacyLinkContext = {
    computeEndpoint: url.origin + prefix,
    imageEndpoint: url.origin,
    projectId,
    computeVersion: (version === 'v2.1' ? 'v2.1' : 'v2') satisfies ComputeVersion,
  };
  const last = images.at(-1);
  return jsonReply(200, {
    images: images.map((image) =>
      detail ? toComputeImageDetail(image, context) : toComputeImage(image, context),
    ),
    ...(last && isFull(images, limit)
      ? {
          images_links: [{ rel: 'next', href: `${url.origin}${url.pathname}?${linkQuery(params, last.id)}` }],
        }
      : {}),
  });
}

function listGlanceV1Images(index: ImageIndex, { url }: RouteRequest): Reply {
  const params = url.searchParams;
  const filters = glanceV1Filters(params);
  const limit = parseLimit(lastValue(params, 'limit'), DEFAULT_LIMIT, MAX_LIMIT);
  const marker = legacyMarker(
    index,
    lastValue(params, 'marker'),
    (id) => `Invalid marker. Image ${id} could not be found.`,
  );
  return jsonReply(200, { images: legacyPage(index, filters, marker, limit).map(toGlanceV1Image) });
}

/** Any path prefix may come before the version (a gateway's, or none). */
function createRoutes(index: ImageIndex, viewerProjectId: string): Route[] {
  return [
    {
      pattern: /\/v2\/images\/?$/,
      service: 'image',
      serve: (request) => listImages(index, request),
    },
    {
      pattern: /\/v2\/images\/(?<id>[^/]+)\/?$/,
      service: 'image',
      serve: (request) => showImage(index, request),
    },
    {
      pattern: /^(?<prefix>.*)\/(?<version>v2|v2\.1)\/(?<projectId>[^/]+)\/images(?<detail>\/detail)?\/?$/,
      service: 'compute',
      serve: (request) => listComputeImages(index, viewerProjectId, request),
    },
    {
      pattern: /\/v1(?:\.1)?\/images\/detail\/?$/,
      service: 'image',
      serve: (request) => listGlanceV1Images(index, request),
    },
  ];
}

const NOT_FOUND = new RequestError(404, 'The resource could not be found.');

function route(routes: readonly Route[], request: EmulatorRequest): Reply {
  const url = new URL(request.url);
  const acceptsJson = request.headers.get('Accept')?.includes('application/json') ?? false;
  const renderError = (service: Route['service'], error: RequestError) =>
    service === 'compute' ? novaError(error) : glanceError(error, acceptsJson);
  for (const { pattern, service, serve } of routes) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    if (request.method !== 'GET') return renderError(service, NOT_FOUND);
    try {
      return serve({ url, groups: match.groups ?? {} });
    } catch (error) {
      if (error instanceof RequestError) return renderError(service, error);
      throw error;
    }
  }
  return renderError('image', NOT_FOUND);
}

/** Counter-based, so that runs are reproducible: `req-00000000-0000-4000-8000-00000000002a`. */
function requestId(count: number): string {
  return `req-00000000-0000-4000-8000-${count.toString(16).padStart(12, '0')}`;
}

export function createEmulator({ catalogue, faults = {} }: EmulatorOptions): Emulator {
  const { failEvery = 0, failStatus = 503 } = faults;
  const routes = createRoutes(createImageIndex(catalogue), catalogue.viewerProjectId);
  let requestCount = 0;
  return {
    handle(request) {
      requestCount += 1;
      const fails = failEvery > 0 && requestCount % failEvery === 0;
      const reply = fails ? faultReply(failStatus) : route(routes, request);
      return {
        status: reply.status,
        headers: {
          'Content-Type': reply.contentType,
          'X-Openstack-Request-Id': requestId(requestCount),
          ...reply.headers,
        },
        body: reply.body,
      };
    },
  };
}
