import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImageListResponse } from '../../../src/api/imageTypes';
import { generateCatalogue } from '../../../src/demo/catalogue';
import { createEmulator } from '../../../src/demo/emulator';
import { createDemoHandlers, isDemoApiPath } from '../../../src/demo/handlers';

const catalogue = generateCatalogue({ size: 200 });

describe('isDemoApiPath', () => {
  it.each([
    '/v2/images',
    '/v2/images/6f1c0d7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
    `/v2/${catalogue.viewerProjectId}/images/detail`,
    `/v2.1/${catalogue.viewerProjectId}/images`,
    '/v1.1/images/detail',
    '/v1/images/detail',
    '/gateway/ims/v2/images',
  ])('takes %s for an API call', (path) => {
    expect(isDemoApiPath(path)).toBe(true);
  });

  it.each([
    '/',
    '/index.html',
    '/config.json',
    '/mockServiceWorker.js',
    '/src/api/v2/images.ts',
    '/src/demo/handlers.ts',
    '/node_modules/.vite/deps/v2/chunk.js',
    '/@vite/client',
    '/@fs/work/main/v2/x.ts',
  ])('leaves %s to the dev server', (path) => {
    expect(isDemoApiPath(path)).toBe(false);
  });
});

describe('createDemoHandlers behind msw/node', () => {
  const server = setupServer(...createDemoHandlers(createEmulator({ catalogue })));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  it('answers fetch with the emulator’s status, headers and body', async () => {
    const response = await fetch('http://demo.test/v2/images?limit=2', {
      headers: { Accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json; charset=UTF-8');
    expect(response.headers.get('X-Openstack-Request-Id')).toMatch(/^req-/);
    const body = (await response.json()) as ImageListResponse;
    expect(body.images).toHaveLength(2);
    expect(body.first).toBe('/v2/images?limit=2');
    expect(body.next).toBe(`/v2/images?limit=2&marker=${body.images[1]?.id}`);
  });

  it('answers unknown API paths with the emulator’s 404', async () => {
    const response = await fetch('http://demo.test/v2/nowhere/else');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=UTF-8');
  });

  it('passes error statuses and extra headers through, on any origin', async () => {
    const faulty = createEmulator({ catalogue, faults: { failEvery: 1, failStatus: 429 } });
    server.use(...createDemoHandlers(faulty));
    const response = await fetch('https://ims.example.com/gateway/v1.1/images/detail');
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('2');
  });

  it('waits latencyMs before answering', async () => {
    server.use(...createDemoHandlers(createEmulator({ catalogue }), { latencyMs: 60 }));
    const started = performance.now();
    const response = await fetch('http://demo.test/v2/images?limit=1');
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
  });
});
