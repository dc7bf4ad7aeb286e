// Refusals, error shapes, unknown paths, response headers and injected faults.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../src/demo/emulator';
import { call, catalogue } from './demoTestKit';

const REQUEST_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('GET /v2/images: every 400', () => {
  it.each([
    ['unknown sort key', 'sort_key=owner'],
    ['unknown sort direction', 'sort_key=name&sort_dir=up'],
    ['unknown key in sort=', 'sort=name:asc,owner:desc'],
    ['unknown direction in sort=', 'sort=name:sideways'],
    ['extra colon in sort=', 'sort=name:asc:desc'],
    ['both sorting syntaxes', 'sort=name:asc&sort_key=size'],
    ['sort= with sort_dir', 'sort=name:asc&sort_dir=asc'],
    ['more sort dirs than keys', 'sort_key=name&sort_dir=asc&sort_dir=desc'],
    ['non-integer limit', 'limit=ten'],
    ['fractional limit', 'limit=1.5'],
    ['negative limit', 'limit=-1'],
    ['unknown marker', 'marker=3f1e2c4a-0000-4000-8000-000000000000'],
    ['unknown date operator', 'created_at=after:2020-01-01T00:00:00Z'],
    ['unparsable date', 'created_at=lt:yesterday'],
    ['impossible date', 'updated_at=gte:2021-02-30T00:00:00Z'],
    ['unknown visibility', 'visibility=everyone'],
    ['unknown member_status', 'visibility=shared&member_status=maybe'],
    ['non-boolean protected', 'protected=yes'],
    ['capitalised protected', 'protected=False'],
    ['unknown operator on name', 'name=like:web'],
    ['non-numeric size_min', 'size_min=big'],
    ['non-integer size_max', 'size_max=1.5'],
    ['changes-since, which only v1 had', 'changes-since=2020-01-01T00:00:00Z'],
  ])('refuses %s', (_, query) => {
    const response = call(`/v2/images?${query}`);
    expect(response.status).toBe(400);
    const body = JSON.parse(response.body) as { message: string; code: string; title: string };
    expect(body.code).toBe('400 Bad Request');
    expect(body.title).toBe('Bad Request');
    expect(body.message).toMatch(/\S<br \/><br \/>\n\n\n$/);
  });

  // Glance checks none of these: each filters, and may match nothing (test/contract runs them on Glance).
  it.each([
    ['any status', 'status=broken'],
    ['any status in in:', 'status=in:active,broken'],
    ['a date without a time', 'created_at=2020-01-01'],
    ['a time with an offset or a fraction', 'created_at=lt:2020-01-01T08:00:00.5%2B08:00'],
    ['min_ram that is no integer', 'min_ram=lots'],
    ['min_disk that is no integer', 'min_disk=1.5'],
  ])('accepts %s', (_, query) => {
    expect(call(`/v2/images?${query}`).status).toBe(200);
  });
});

describe('Glance error bodies', () => {
  it('are JSON when the client accepts it, with the stray line breaks', () => {
    const response = call('/v2/images?sort_dir=up', { accept: 'application/json, text/plain, */*' });
    expect(response.headers['Content-Type']).toBe('application/json; charset=UTF-8');
    expect(JSON.parse(response.body)).toEqual({
      message: 'Invalid sort direction: up<br /><br />\n\n\n',
      code: '400 Bad Request',
      title: 'Bad Request',
    });
  });

  it('are an HTML page otherwise, with the request’s text escaped', () => {
    for (const accept of ['text/html', '*/*']) {
      const response = call('/v2/images?visibility=%3Cscript%3Ealert(1)%3C%2Fscript%3E', { accept });
      expect(response.status).toBe(400);
      expect(response.headers['Content-Type']).toBe('text/html; charset=UTF-8');
      expect(response.body).toContain('<title>400 Bad Request</title>');
      expect(response.body).toContain('<h1>400 Bad Request</h1>');
      expect(response.body).toContain('Invalid visibility value: &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(response.body).not.toContain('<script>');
    }
  });
});

describe('unknown paths and methods', () => {
  it.each(['/', '/v2', '/v2/schemas/image', '/v3/images', '/v2.1/images', '/v2/images/a/b', '/config.json'])(
    'answers 404 for %s',
    (path) => {
      const response = call(path);
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body)).toMatchObject({ code: '404 Not Found' });
    },
  );

  it('answers 404 to anything but GET', () => {
    expect(call('/v2/images', { method: 'POST' }).status).toBe(404);
    const compute = call(`/v2/${catalogue.viewerProjectId}/images`, { method: 'DELETE' });
    expect(compute.status).toBe(404);
    expect(JSON.parse(compute.body)).toEqual({
      itemNotFound: { message: 'The resource could not be found.', code: 404 },
    });
  });

  it('serves the APIs under any path prefix', () => {
    expect(call('/gateway/ims/v2/images?limit=1').status).toBe(200);
    expect(call('/gateway/ims/v1.1/images/detail?limit=1').status).toBe(200);
  });
});

describe('response headers', () => {
  it('carry a Content-Type and a distinct, deterministic X-Openstack-Request-Id', () => {
    const emulator = createEmulator({ catalogue });
    const responses = ['/v2/images?limit=1', '/nowhere', '/v2/images?limit=x'].map((path) =>
      call(path, { emulator }),
    );
    const requestIds = responses.map((response) => response.headers['X-Openstack-Request-Id']);
    for (const response of responses) expect(response.headers['Content-Type']).toMatch(/charset=UTF-8$/);
    for (const id of requestIds) expect(id).toMatch(REQUEST_ID);
    expect(new Set(requestIds).size).toBe(3);
    const again = createEmulator({ catalogue });
    expect(call('/v2/images?limit=1', { emulator: again }).headers['X-Openstack-Request-Id']).toBe(
      requestIds[0],
    );
  });
});

describe('faults', () => {
  it.each([500, 503] as const)('fails every Nth request with %i and an IMS error body', (failStatus) => {
    const emulator = createEmulator({ catalogue, faults: { failEvery: 3, failStatus } });
    const statuses = ['/v2/images', '/nowhere', '/v2/images', '/v2/images', '/v2/images', '/v2/images/x'].map(
      (path) => call(path, { emulator }).status,
    );
    expect(statuses).toEqual([200, 404, failStatus, 200, 200, failStatus]);
    const failed = call('/v2/images', {
      emulator: createEmulator({ catalogue, faults: { failEvery: 1, failStatus } }),
    });
    expect(failed.headers['Content-Type']).toBe('application/json; charset=UTF-8');
    expect(failed.headers['X-Openstack-Request-Id']).toMatch(REQUEST_ID);
    expect(failed.headers['Retry-After']).toBeUndefined();
    expect(JSON.parse(failed.body)).toEqual({ error: { code: 'IMS.0010', message: expect.any(String) } });
  });

  it('answers 429 with Retry-After: 2', () => {
    const emulator = createEmulator({ catalogue, faults: { failEvery: 2, failStatus: 429 } });
    expect(call('/v2/images', { emulator }).status).toBe(200);
    const throttled = call('/v2/images', { emulator });
    expect(throttled.status).toBe(429);
    expect(throttled.headers['Retry-After']).toBe('2');
    expect(JSON.parse(throttled.body)).toMatchObject({ error: { code: 'IMS.0010' } });
  });

  it('fails with 503 by default and never when failEvery is 0', () => {
    expect(
      call('/v2/images', { emulator: createEmulator({ catalogue, faults: { failEvery: 1 } }) }).status,
    ).toBe(503);
    const never = createEmulator({ catalogue, faults: { failEvery: 0, failStatus: 500 } });
    for (let i = 0; i < 5; i += 1) expect(call('/v2/images?limit=1', { emulator: never }).status).toBe(200);
  });
});
