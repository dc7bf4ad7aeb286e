import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, isApiError, type ApiErrorKind } from '../../../src/api/apiError';
import { parseErrorBody, retryAfterSeconds } from '../../../src/api/http';
import { createImsClient } from '../../../src/api/imsClient';
import { createImage } from '../../support/createImage';
import { fakeFetch, hangingFetch, jsonResponse, testConnection } from './fakeFetch';

const LIST_URL = 'https://ims.example.com/v2/images?limit=2';

/** The ApiError a call rejects with (fails the test if it resolves or rejects with something else). */
async function failureOf(call: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await call.then(
    (value) => ({ resolved: value }),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** Lists images with a client whose fetch always gives `response`. */
function listFailure(response: () => Response, connection: { timeoutMs?: number } = {}): Promise<ApiError> {
  const { fetch } = fakeFetch(response);
  return failureOf(createImsClient(testConnection(fetch, connection)).listImages({ limit: 2 }));
}

function textResponse(body: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers });
}

const GLANCE_HTML_404 = `<html>
 <head>
  <title>404 Not Found</title>
 </head>
 <body>
  <h1>404 Not Found</h1>
  No image found with ID 0328c25e-c840-4496-81ac-c4e01b214b1f<br /><br />


 </body>
</html>`;

const NGINX_504 =
  '<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

interface StatusCase {
  label: string;
  status: number;
  body: string;
  contentType?: string;
  kind: ApiErrorKind;
  code: string | undefined;
  apiMessage: string | undefined;
  /** Words the message must hold (case-insensitive). */
  words: string[];
}

const STATUS_CASES: StatusCase[] = [
  {
    label: 'IMS error',
    status: 400,
    body: JSON.stringify({ error: { code: 'IMS.0001', message: 'Invalid parameter: limit' } }),
    kind: 'bad-request',
    code: 'IMS.0001',
    apiMessage: 'Invalid parameter: limit',
    words: ['rejected', 'Invalid parameter: limit', 'filters'],
  },
  {
    label: 'Glance error padded with <br />',
    status: 400,
    body: JSON.stringify({
      code: '400 Bad Request',
      message: 'Invalid sort key<br /><br />\n\n\n',
      title: 'Bad Request',
    }),
    kind: 'bad-request',
    code: '400 Bad Request',
    apiMessage: 'Invalid sort key',
    words: ['rejected', 'Invalid sort key', 'sort'],
  },
  {
    label: 'API gateway error',
    status: 401,
    body: JSON.stringify({ error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' }),
    kind: 'unauthorized',
    code: 'APIGW.0301',
    apiMessage: 'Incorrect IAM authentication information',
    words: ['authentication', 'token'],
  },
  {
    label: 'IMS error',
    status: 403,
    body: JSON.stringify({ error: { code: 'IMS.0002', message: 'Policy does not allow ims:images:list' } }),
    kind: 'forbidden',
    code: 'IMS.0002',
    apiMessage: 'Policy does not allow ims:images:list',
    words: ['denied', 'Policy does not allow ims:images:list', 'account'],
  },
  {
    label: 'Glance HTML page',
    status: 404,
    body: GLANCE_HTML_404,
    contentType: 'text/html; charset=UTF-8',
    kind: 'not-found',
    code: '404 Not Found',
    apiMessage: 'No image found with ID 0328c25e-c840-4496-81ac-c4e01b214b1f',
    words: ['not found', 'No image found with ID', 'endpoint'],
  },
  {
    label: 'API gateway throttling',
    status: 429,
    body: JSON.stringify({
      error_code: 'APIGW.0308',
      error_msg: 'The throttling threshold has been reached',
    }),
    kind: 'rate-limited',
    code: 'APIGW.0308',
    apiMessage: 'The throttling threshold has been reached',
    words: ['too many requests', 'retry'],
  },
  {
    label: 'IMS error',
    status: 500,
    body: JSON.stringify({ error: { code: 'IMS.0010', message: 'Internal server error' } }),
    kind: 'server-error',
    code: 'IMS.0010',
    apiMessage: 'Internal server error',
    words: ['HTTP 500', 'retry', 'request id'],
  },
  {
    label: 'empty body',
    status: 502,
    body: '',
    kind: 'unavailable',
    code: undefined,
    apiMessage: undefined,
    words: ['unavailable', 'HTTP 502', 'retry'],
  },
  {
    label: 'Glance error',
    status: 503,
    body: JSON.stringify({
      code: '503 Service Unavailable',
      message: 'The server is currently unavailable.<br /><br />\n\n\n',
      title: 'Service Unavailable',
    }),
    kind: 'unavailable',
    code: '503 Service Unavailable',
    apiMessage: 'The server is currently unavailable.',
    words: ['unavailable', 'HTTP 503', 'retry'],
  },
  {
    label: 'proxy HTML page',
    status: 504,
    body: NGINX_504,
    contentType: 'text/html',
    kind: 'unavailable',
    code: '504 Gateway Time-out',
    apiMessage: 'nginx',
    words: ['unavailable', 'HTTP 504', 'retry'],
  },
  {
    label: 'empty body',
    status: 418,
    body: '',
    kind: 'http',
    code: undefined,
    apiMessage: undefined,
    words: ['unexpected', 'HTTP 418'],
  },
];

describe('getJson: HTTP errors', () => {
  it.each(STATUS_CASES)('$status ($label) → $kind', async (c) => {
    const error = await listFailure(() =>
      textResponse(c.body, c.status, { 'Content-Type': c.contentType ?? 'application/json' }),
    );
    expect(error).toMatchObject({ kind: c.kind, status: c.status, method: 'GET', url: LIST_URL });
    expect(error.code).toBe(c.code);
    expect(error.apiMessage).toBe(c.apiMessage);
    for (const word of c.words) expect(error.message.toLowerCase()).toContain(word.toLowerCase());
    expect(error.message).not.toMatch(/<br|<\/?\w+>|undefined/);
    expect(isApiError(error)).toBe(true);
    expect(error.name).toBe('ApiError');
  });

  it('reads a Nova error: the fault name is the code, its message the API message', async () => {
    const error = await listFailure(() =>
      jsonResponse({ badRequest: { message: 'Invalid minRam filter [abc]', code: 400 } }, { status: 400 }),
    );
    expect(error.kind).toBe('bad-request');
    expect(error.apiMessage).toBe('Invalid minRam filter [abc]');
    expect(error.message).toContain('Invalid minRam filter [abc]');
    // apiError.ts documents Nova's code as `badRequest`: the 400 inside only repeats the HTTP status.
    expect(error.code).toBe('badRequest');
  });

  it.each([
    ['transient', [429, 500, 502, 503, 504], true],
    ['not transient', [400, 401, 403, 404, 418], false],
  ] as const)('statuses %s: %j', async (_label, statuses, transient) => {
    for (const status of statuses) {
      const error = await listFailure(() => textResponse('', status));
      expect(error.isTransient, `HTTP ${status}`).toBe(transient);
    }
  });

  it('reads Retry-After in seconds', async () => {
    const error = await listFailure(() => textResponse('', 429, { 'Retry-After': '120' }));
    expect(error.retryAfterSeconds).toBe(120);
    expect(error.message).toContain('Retry in 120 s');
  });

  describe('with a fixed clock', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('reads Retry-After as an HTTP date', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2024-05-01T12:00:00Z'));
      const error = await listFailure(() =>
        textResponse('', 429, { 'Retry-After': 'Wed, 01 May 2024 12:01:30 GMT' }),
      );
      expect(error.retryAfterSeconds).toBe(90);
      expect(error.message).toContain('Retry in 90 s');
    });
  });

  it('says "a few" seconds when there is no Retry-After', async () => {
    const error = await listFailure(() => textResponse('', 429));
    expect(error.retryAfterSeconds).toBeUndefined();
    expect(error.message).toContain('a few');
  });

  it.each([
    [
      { 'X-Openstack-Request-Id': 'req-68327dda-8078-41fe-b091-01a09ec073da' },
      'req-68327dda-8078-41fe-b091-01a09ec073da',
    ],
    [{ 'X-Request-Id': '4a7f7a0c3e1d6d1a9b3e' }, '4a7f7a0c3e1d6d1a9b3e'],
    [{ 'X-Compute-Request-Id': 'req-nova-1' }, 'req-nova-1'],
    [{ 'X-Request-Id': 'gateway-id', 'X-Openstack-Request-Id': 'req-glance' }, 'req-glance'],
    [{}, undefined],
  ])('takes the request id from %j', async (headers, requestId) => {
    const error = await listFailure(() => textResponse('', 500, headers));
    expect(error.requestId).toBe(requestId);
  });
});

describe('getJson: failures without an answer', () => {
  it('maps a fetch that rejects (network down, DNS, CORS) to "network"', async () => {
    const cause = new TypeError('Failed to fetch');
    const { fetch } = fakeFetch(() => Promise.reject(cause));
    const error = await failureOf(createImsClient(testConnection(fetch)).listImages({}));
    expect(error.kind).toBe('network');
    expect(error.status).toBeUndefined();
    expect(error.cause).toBe(cause);
    expect(error.message).toContain('ims.example.com');
    expect(error.message).toMatch(/network|endpoint|CORS/);
    expect(error.isTransient).toBe(true);
  });

  it('maps a connection lost while reading the body to "network"', async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new TypeError('terminated'));
      },
    });
    const error = await listFailure(() => new Response(broken, { status: 200 }));
    expect(error.kind).toBe('network');
  });

  it('maps an abort by the caller to "aborted"', async () => {
    const controller = new AbortController();
    const client = createImsClient(testConnection(hangingFetch));
    const call = client.listImages({}, { signal: controller.signal });
    controller.abort();
    const error = await failureOf(call);
    expect(error.kind).toBe('aborted');
    expect(error.isTransient).toBe(false);
    expect(error.message).toMatch(/cancel/i);
  });

  it('maps a signal already aborted to "aborted"', async () => {
    const client = createImsClient(testConnection(hangingFetch));
    const error = await failureOf(client.getImage('x', { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
  });

  it('maps no answer within timeoutMs to "timeout"', async () => {
    const client = createImsClient(testConnection(hangingFetch, { timeoutMs: 20 }));
    const started = Date.now();
    const error = await failureOf(client.listImages({}));
    expect(error.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.message).toContain('ims.example.com');
    expect(error.message).toMatch(/retry/i);
    expect(error.isTransient).toBe(true);
  });

  it('maps the time-out to "timeout" also when the caller passed a signal it did not abort', async () => {
    const client = createImsClient(testConnection(hangingFetch, { timeoutMs: 20 }));
    const error = await failureOf(client.listImages({}, { signal: new AbortController().signal }));
    expect(error.kind).toBe('timeout');
  });

  it('passes a signal to fetch even when the caller gives none', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse({ images: [] }));
    await createImsClient(testConnection(fetch)).listImages({});
    expect(requests[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(requests[0]?.method).toBe('GET');
  });
});

describe('getJson: malformed answers', () => {
  it.each<[string, () => Response, string[]]>([
    [
      'an HTML page with status 200',
      () =>
        textResponse(
          '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Login</body></html>',
          200,
          {
            'Content-Type': 'text/html',
          },
        ),
      ['not JSON', 'text/html', '<!DOCTYPE html>'],
    ],
    ['an empty body', () => textResponse('', 200), ['not JSON', 'empty']],
    ['{} (no images)', () => jsonResponse({}), ['image list', 'images']],
    ['null', () => jsonResponse(null), ['image list']],
    ['images that is not a list', () => jsonResponse({ images: {} }), ['images']],
    [
      'an image without id',
      () => jsonResponse({ images: [createImage({ id: undefined })] }),
      ['images.0.id'],
    ],
    [
      'tags that is not a list',
      () => jsonResponse({ images: [createImage({ tags: 'a,b' as unknown as string[] })] }),
      ['images.0.tags'],
    ],
    [
      'min_disk as a string',
      () => jsonResponse({ images: [createImage(), createImage({ min_disk: '40' as unknown as number })] }),
      ['images.1.min_disk'],
    ],
    [
      'protected as a string',
      () => jsonResponse({ images: [createImage({ protected: 'true' as unknown as boolean })] }),
      ['images.0.protected'],
    ],
    ['next that is not a string', () => jsonResponse({ images: [], next: 5 }), ['next']],
  ])('rejects %s as "malformed-response" naming the problem', async (_label, response, words) => {
    const error = await listFailure(response);
    expect(error.kind).toBe('malformed-response');
    expect(error.status).toBe(200);
    for (const word of words) {
      expect(error.problem).toContain(word);
      expect(error.message).toContain(word);
    }
    expect(error.problem).toBeDefined();
    expect(error.message).toContain(`: ${error.problem ?? '(no problem given)'}`);
    expect(error.isTransient).toBe(false);
  });

  it('keeps the request id of a malformed answer', async () => {
    const error = await listFailure(() => textResponse('oops', 200, { 'X-Openstack-Request-Id': 'req-1' }));
    expect(error.requestId).toBe('req-1');
  });

  it('keeps unknown extra fields of an image as the server sent them', async () => {
    const extra = {
      __support_fancy: 'true',
      os_hidden: false,
      os_hash_algo: 'sha512',
      locations: [{ url: 'swift://x', metadata: {} }],
      __os_feature_list: '["onekey_resetpasswd"]',
    };
    const { fetch } = fakeFetch(() =>
      jsonResponse({ images: [createImage(extra)], schema: '/v2/schemas/images' }),
    );
    const page = await createImsClient(testConnection(fetch)).listImages({});
    expect(page.images[0]).toEqual(createImage(extra));
    expect(page.nextMarker).toBeUndefined();
  });
});

describe('getJson: request headers and the token', () => {
  async function headersSent(overrides: Parameters<typeof testConnection>[1]): Promise<Headers> {
    const { fetch, requests } = fakeFetch(() => jsonResponse({ images: [] }));
    await createImsClient(testConnection(fetch, overrides)).listImages({ name: 'web' });
    expect(requests).toHaveLength(1);
    return requests[0]?.headers ?? new Headers();
  }

  it('always asks for JSON', async () => {
    expect((await headersSent({})).get('Accept')).toBe('application/json');
  });

  it.each([
    ['no getToken', {}, null],
    ['a getToken that returns undefined', { getToken: () => undefined }, null],
    ['a getToken that returns ""', { getToken: () => '' }, null],
    ['a getToken that returns a token', { getToken: () => 'MIIDtoken' }, 'MIIDtoken'],
  ])('sends X-Auth-Token only when there is a token: %s', async (_label, overrides, expected) => {
    const headers = await headersSent(overrides);
    expect(headers.get('X-Auth-Token')).toBe(expected);
    expect(headers.get('Accept')).toBe('application/json');
  });

  it('reads the token anew for every request', async () => {
    const tokens = ['first-token', 'second-token'];
    const { fetch, requests } = fakeFetch(() => jsonResponse({ images: [] }));
    const client = createImsClient(testConnection(fetch, { getToken: () => tokens.shift() }));
    await client.listImages({});
    await client.listImages({});
    expect(requests.map((request) => request.headers.get('X-Auth-Token'))).toEqual([
      'first-token',
      'second-token',
    ]);
  });

  it('never repeats the token in an error, even when the server echoes it back', async () => {
    const token = 'MIIsecret-token';
    const { fetch } = fakeFetch(() =>
      jsonResponse({ message: `Invalid header X-Auth-Token: ${token}`, code: token }, { status: 401 }),
    );
    const client = createImsClient(testConnection(fetch, { getToken: () => token }));
    const error = await client.listImages({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(JSON.stringify({ ...(error as ApiError), message: (error as ApiError).message })).not.toContain(
      token,
    );
    expect((error as ApiError).apiMessage).toBe('Invalid header X-Auth-Token: [token]');
  });

  it('tells of a 401 with the token that request carried, and of no other failure', async () => {
    const statuses = [401, 403, 500, 401];
    const tokens = ['stale-token', 'b', 'c', undefined];
    const { fetch } = fakeFetch(() => jsonResponse({ message: 'no' }, { status: statuses.shift() ?? 200 }));
    const refused: (string | undefined)[] = [];
    const client = createImsClient(
      testConnection(fetch, {
        getToken: () => tokens.shift(),
        onUnauthorized: (token) => refused.push(token),
      }),
    );
    for (let request = 0; request < 4; request += 1) {
      await expect(client.listImages({})).rejects.toBeInstanceOf(ApiError);
    }
    expect(refused).toEqual(['stale-token', undefined]);
  });

  it.each([
    [undefined, null],
    ['', null],
    ['Q', 'Q'],
  ])('sends X-Api-Version only when configured (%j)', async (apiVersion, expected) => {
    const headers = await headersSent(apiVersion === undefined ? {} : { apiVersion });
    expect(headers.get('X-Api-Version')).toBe(expected);
  });

  const TOKEN = 'MIIZ-secret-token-6f1c2b';

  it.each<[string, () => Response | Promise<Response>]>([
    [
      '401',
      () =>
        jsonResponse(
          { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' },
          { status: 401 },
        ),
    ],
    ['500', () => jsonResponse({ error: { code: 'IMS.0010', message: 'Internal error' } }, { status: 500 })],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['a malformed answer', () => textResponse('<html>proxy login</html>', 200)],
  ])('never puts the token in the URL or in the error (%s)', async (_label, respond) => {
    const { fetch, requests } = fakeFetch(respond);
    const client = createImsClient(testConnection(fetch, { getToken: () => TOKEN }));
    const error = await failureOf(client.listImages({ name: 'web', tag: ['a', 'b'] }));
    expect(requests[0]?.headers.get('X-Auth-Token')).toBe(TOKEN);
    expect(requests[0]?.url).not.toContain(TOKEN);
    expect(error.url).not.toContain(TOKEN);
    expect(error.message).not.toContain(TOKEN);
    expect(String(error)).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });
});

describe('parseErrorBody', () => {
  it.each([
    ['an IMS error', { error: { code: 'IMS.0001', message: 'm' } }, { code: 'IMS.0001', message: 'm' }],
    [
      'an API gateway error',
      { error_code: 'APIGW.0101', error_msg: 'not found' },
      { code: 'APIGW.0101', message: 'not found' },
    ],
    ['a message without code', { message: 'only a message' }, { message: 'only a message' }],
    ['a JSON array', [1, 2], {}],
    ['a JSON string', 'just text', {}],
    ['JSON null', null, {}],
    ['an object without message', { foo: 'bar' }, {}],
  ])('reads %s', (_label, body, expected) => {
    expect(parseErrorBody(JSON.stringify(body))).toEqual(expected);
  });

  it('reads an empty body as nothing', () => {
    expect(parseErrorBody('')).toEqual({});
  });

  it('collapses whitespace and <br> in a JSON message', () => {
    expect(parseErrorBody(JSON.stringify({ message: ' a<br>b <BR/>\n\n c ' }))).toEqual({ message: 'a b c' });
  });

  it('reads an HTML page as its title and text, without markup', () => {
    expect(parseErrorBody(GLANCE_HTML_404)).toEqual({
      code: '404 Not Found',
      message: 'No image found with ID 0328c25e-c840-4496-81ac-c4e01b214b1f',
    });
  });

  it('decodes the HTML entities of an HTML error page (webob escapes the detail)', () => {
    const page = GLANCE_HTML_404.replace(
      'No image found with ID 0328c25e-c840-4496-81ac-c4e01b214b1f',
      'Invalid filter value &#x27;web &amp; db&#x27; &lt;name&gt;',
    );
    expect(parseErrorBody(page).message).toBe("Invalid filter value 'web & db' <name>");
  });

  it('keeps at most 500 characters of an HTML page', () => {
    const message = parseErrorBody(`<html><body>${'x '.repeat(1000)}</body></html>`).message ?? '';
    expect(message.length).toBeLessThanOrEqual(500);
    expect(message.length).toBeGreaterThan(0);
  });
});

describe('retryAfterSeconds', () => {
  const NOW = Date.parse('2024-05-01T12:00:00Z');

  it.each([
    ['120', 120],
    [' 5 ', 5],
    ['0', 0],
    ['Wed, 01 May 2024 12:02:00 GMT', 120],
    ['Wed, 01 May 2024 12:00:00 GMT', 0],
    ['Wed, 01 May 2024 11:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
  ])('reads %j as %j seconds', (header, seconds) => {
    expect(retryAfterSeconds(header, NOW)).toBe(seconds);
  });

  it('reads no header as undefined', () => {
    expect(retryAfterSeconds(null, NOW)).toBeUndefined();
  });
});
