// `IMS_ENDPOINT=… npm start`: Vite's dev server, started with the project's own vite.config.ts and that
// environment, serves a live config.json and forwards the API paths to IMS and compute (stand-ins on
// loopback here), with the token header, and without ever logging it; the app lists through it in Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createServer, type Logger, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createImageList } from '../support/createImage';
import { NOVA_LIST_EXAMPLE_RESPONSE } from '../support/referenceExamples';
import { putTokenInSession } from '../support/sessionToken';
import { startUpstream, type Upstream } from '../support/upstream';
import { launchChromium } from './chromium';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROJECT_ID = '0d5a6b8c9e1f4a2b8c3d4e5f60718293';
const TOKEN = 'MIIEtest-token-for-the-dev-proxy-test';
const IMAGES = createImageList(2);
const ENV_NAMES = ['IMS_ENDPOINT', 'IMS_COMPUTE_ENDPOINT', 'IMS_PROJECT_ID', 'IMS_API_VERSION'] as const;

/** Everything Vite would have printed, kept to check that no token is in it. */
function recordingLogger(lines: string[]): Logger {
  const warned = new Set<string>();
  return {
    hasWarned: false,
    info: (message) => void lines.push(message),
    warn: (message) => void lines.push(message),
    warnOnce(message) {
      if (!warned.has(message)) lines.push(message);
      warned.add(message);
    },
    error: (message) => void lines.push(message),
    clearScreen: () => undefined,
    hasErrorLogged: () => false,
  };
}

describe('npm start with IMS_ENDPOINT set', () => {
  const saved = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
  const logged: string[] = [];
  let ims: Upstream;
  let compute: Upstream;
  let cacheDir: string;
  let server: ViteDevServer;
  let url: string;

  beforeAll(async () => {
    ims = await startUpstream((request) => ({
      body: request.pathname === '/v2/images' ? { images: IMAGES, schema: '/v2/schemas/images' } : {},
    }));
    compute = await startUpstream(() => ({ body: NOVA_LIST_EXAMPLE_RESPONSE }));
    process.env.IMS_ENDPOINT = ims.origin;
    process.env.IMS_COMPUTE_ENDPOINT = `${compute.origin}/`;
    process.env.IMS_PROJECT_ID = PROJECT_ID;
    process.env.IMS_API_VERSION = 'Q';
    // Vite's dependency cache of its own, so a developer's `npm start` is not disturbed.
    cacheDir = await mkdtemp(join(tmpdir(), 'ims-catalogue-vite-cache-'));
    server = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'development',
      cacheDir,
      clearScreen: false,
      customLogger: recordingLogger(logged),
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    });
    await server.listen();
    const local = server.resolvedUrls?.local[0];
    if (!local) throw new Error('The dev server has no local URL');
    url = local;
  });

  afterAll(async () => {
    await server?.close();
    for (const name of ENV_NAMES) {
      if (saved[name] === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = saved[name];
    }
    await ims?.close();
    await compute?.close();
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  });

  it('serves a config.json that says live, with every API on its own origin', async () => {
    const response = await fetch(`${url}config.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      backend: 'live',
      endpoint: '',
      computeEndpoint: '',
      projectId: PROJECT_ID,
      apiVersion: 'Q',
    });
  });

  it('forwards GET /v2/images to IMS with the token, under IMS’s own host name', async () => {
    const before = ims.requests.length;
    const response = await fetch(`${url}v2/images?limit=1`, {
      headers: { 'X-Auth-Token': TOKEN, 'X-Api-Version': 'Q' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ images: [{ id: IMAGES[0]?.id }, { id: IMAGES[1]?.id }] });
    const received = ims.requests.slice(before);
    expect(received.map((request) => request.url)).toEqual(['/v2/images?limit=1']);
    expect(received[0]?.headers['x-auth-token']).toBe(TOKEN);
    expect(received[0]?.headers['x-api-version']).toBe('Q');
    expect(received[0]?.headers.host).toBe(new URL(ims.origin).host);
  });

  it('forwards the compute paths to the compute endpoint', async () => {
    const [imsBefore, computeBefore] = [ims.requests.length, compute.requests.length];
    for (const path of [`/v2/${PROJECT_ID}/images/detail?limit=1`, `/v2.1/${PROJECT_ID}/images`]) {
      const response = await fetch(`${new URL(url).origin}${path}`, { headers: { 'X-Auth-Token': TOKEN } });
      expect(response.status, path).toBe(200);
    }
    expect(compute.requests.slice(computeBefore).map((request) => request.url)).toEqual([
      `/v2/${PROJECT_ID}/images/detail?limit=1`,
      `/v2.1/${PROJECT_ID}/images`,
    ]);
    expect(compute.requests.slice(computeBefore).map((request) => request.headers['x-auth-token'])).toEqual([
      TOKEN,
      TOKEN,
    ]);
    expect(ims.requests.length).toBe(imsBefore);
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium(inject('chromePath'));
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('lists the endpoint’s images through the dev server', async () => {
      const before = ims.requests.length;
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      try {
        await putTokenInSession(context, TOKEN);
        const page = await context.newPage();
        const sent: (string | undefined)[] = [];
        page.on('request', (request) => {
          if (new URL(request.url()).pathname === '/v2/images') sent.push(request.headers()['x-auth-token']);
        });
        await page.goto(url);
        // The first visit makes Vite prepare the dependencies: slower than a build.
        await page.getByRole('grid', { name: 'Images' }).locator('tbody tr[aria-rowindex]').first().waitFor({
          timeout: 45_000,
        });
        // The app sent the token it was given, and IMS got it: not merely the same header on both sides.
        expect(sent.length).toBeGreaterThan(0);
        expect(sent).toEqual(sent.map(() => TOKEN));
        const lists = ims.requests.slice(before).filter((request) => request.url.startsWith('/v2/images?'));
        expect(lists.length).toBeGreaterThan(0);
        expect(lists.map((request) => request.headers['x-auth-token'])).toEqual(lists.map(() => TOKEN));
      } finally {
        await context.close();
      }
    });
  });

  it('never logs the token, not even for a request to an upstream that is down', async () => {
    const headers = { 'X-Auth-Token': TOKEN, 'X-Api-Version': 'Q' };
    const before = logged.length;
    const listed = await fetch(`${url}v2/images?limit=1`, { headers });
    expect(listed.status).toBe(200);
    await listed.arrayBuffer();
    // Vite logs a failed forward (the URL and the error's stack): here, compute refusing the connection.
    const path = `/v2/${PROJECT_ID}/images/detail?limit=1`;
    await compute.down();
    try {
      const refused = await fetch(`${new URL(url).origin}${path}`, { headers });
      expect(refused.status).toBe(502);
      await refused.arrayBuffer();
    } finally {
      await compute.up();
    }
    const printed = logged.slice(before).join('\n');
    expect(printed).toContain(`http proxy error: ${path}`);
    expect(logged.join('\n')).not.toContain(TOKEN);
    expect(logged.join('\n')).toContain(`API calls go to IMS ${ims.origin}`);
  });
});
