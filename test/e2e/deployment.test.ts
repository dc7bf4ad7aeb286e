// The deployment recipes of deploy/nginx/, as shipped, served by Debian's nginx: the headers a CDN acts on
// (immutable hashed assets, never-stored page and config), the Content-Security-Policy, and the built app
// running under that policy in Chromium with no violation; for the proxy recipe, the API calls reaching
// the right upstream with their path, query string and headers unchanged.
import { cp, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Image } from '../../src/api/imageTypes';
import { liveGlance } from '../live/liveGlance';
import { glanceFetch } from '../live/seedGlance';
import { SEED_PROJECTS } from '../live/seedPlan';
import { createImage, createImageList } from '../support/createImage';
import { findNginx, startNginx, type NginxServer } from '../support/nginx';
import { skipOrFail } from '../support/requiredServers';
import { putTokenInSession } from '../support/sessionToken';
import { startUpstream, type Upstream, type UpstreamAnswer, type UpstreamRequest } from '../support/upstream';
import {
  GLANCE_V1_EXAMPLE_RESPONSE,
  NOVA_DETAIL_EXAMPLE_ENTRY,
  NOVA_LIST_EXAMPLE_RESPONSE,
} from '../support/referenceExamples';
import { launchChromium } from './chromium';

const nginx = findNginx();
const live = liveGlance();
if (nginx.skipReason) skipOrFail('The nginx deployment tests', nginx.skipReason);

const WAIT = { timeout: 15_000 } as const;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const PROJECT_ID = '0d5a6b8c9e1f4a2b8c3d4e5f60718293';
/** What the browser and the direct requests send; it must reach the upstream and never a log. */
const TOKEN = 'MIIEtest-token-for-the-deployment-tests';
const IMAGES = createImageList(2);

/** The policy the recipes send with the page, directive by directive, before connect-src's additions. */
const EXPECTED_CSP: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

function parseCsp(header: string): Record<string, string[]> {
  return Object.fromEntries(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

/** A copy of the build with its own config.json: the build the other tests use stays as it is. */
async function copyOfBuild(config: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ims-catalogue-site-'));
  await cp(inject('distDir'), dir, { recursive: true });
  await writeFile(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

const notFound: UpstreamAnswer = {
  status: 404,
  body: { error: { code: 'TEST.404', message: 'No such path' } },
};

/** IMS: GET /v2/images (two images), /v2/images/{id} (with a Cache-Control of its own), /v1.1/images/detail. */
function imsAnswer(url: URL): UpstreamAnswer {
  if (url.pathname === '/v2/images') {
    return { body: { images: IMAGES, schema: '/v2/schemas/images', first: '/v2/images?limit=100' } };
  }
  const id = /^\/v2\/images\/([^/]+)$/.exec(url.pathname)?.[1];
  if (id) return { body: createImage({ id }), headers: { 'Cache-Control': 'private, max-age=5' } };
  if (url.pathname === '/v1.1/images/detail') return { body: GLANCE_V1_EXAMPLE_RESPONSE };
  return notFound;
}

/** Compute: the image list and, for a name, the detail of the listed image of that name. */
function computeAnswer(url: URL): UpstreamAnswer {
  const match = /^\/v2(?:\.1)?\/([^/]+)\/images(\/detail)?$/.exec(url.pathname);
  if (!match || match[1] !== PROJECT_ID) return notFound;
  if (!match[2]) return { body: NOVA_LIST_EXAMPLE_RESPONSE };
  const named = IMAGES.filter((image) => image.name === url.searchParams.get('name'));
  return {
    body: {
      images: named.map((image) => ({ ...NOVA_DETAIL_EXAMPLE_ENTRY, id: image.id, name: image.name })),
    },
  };
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers, redirect: 'manual' });
}

/** What a CDN reads from the site, and what it must not be given. */
async function expectCdnHeaders(site: NginxServer, siteDir: string, connectSrc: readonly string[]) {
  for (const page of [site.url, `${site.url}index.html`]) {
    const response = await get(page);
    expect(response.status, page).toBe(200);
    expect(response.headers.get('content-type'), page).toMatch(/^text\/html/);
    expect(await response.text(), page).toContain('<div id="root">');
    expect(response.headers.get('cache-control'), page).toBe('no-store');
    expect(response.headers.get('x-content-type-options'), page).toBe('nosniff');
    expect(response.headers.get('referrer-policy'), page).toBe('no-referrer');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp, page).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
    expect(parseCsp(csp), page).toEqual({
      ...EXPECTED_CSP,
      'connect-src': ["'self'", ...connectSrc],
    });
  }

  const config = await get(`${site.url}config.json`);
  expect(config.status).toBe(200);
  expect(config.headers.get('content-type')).toMatch(/^application\/json/);
  expect(config.headers.get('cache-control')).toBe('no-store');

  const worker = await get(`${site.url}mockServiceWorker.js`);
  expect(worker.status).toBe(200);
  expect(worker.headers.get('content-type')).toMatch(/javascript/);
  expect(worker.headers.get('cache-control')).toBe('no-store');

  const assets = await readdir(join(siteDir, 'assets'));
  expect(assets.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(0);
  for (const file of assets) {
    const url = `${site.url}assets/${file}`;
    const response = await get(url, { 'Accept-Encoding': 'gzip' });
    expect(response.status, url).toBe(200);
    expect(response.headers.get('cache-control'), url).toBe(IMMUTABLE);
    expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
    if (/\.(?:js|css)$/.test(file)) {
      expect(response.headers.get('content-type'), url).toMatch(/^(?:application|text)\/(?:javascript|css)/);
      // gzip_min_length: smaller files are not worth it.
      const { size } = await stat(join(siteDir, 'assets', file));
      expect(response.headers.get('content-encoding'), url).toBe(size >= 1024 ? 'gzip' : null);
    }
  }

  // No rewrites: an unknown path is a 404 that no cache keeps, never the page or a year-long asset.
  for (const missing of [`${site.url}images/some-view`, `${site.url}assets/index-00000000.js`]) {
    const response = await get(missing);
    expect(response.status, missing).toBe(404);
    expect(response.headers.get('cache-control'), missing).toBe('no-store');
    expect(await response.text(), missing).not.toContain('<div id="root">');
  }
  const outside = await get(`${site.origin}/`);
  expect(outside.status).toBe(404);
  const withoutSlash = await get(
    `${site.origin}${new URL(site.url).pathname.replace(/\/$/, '')}?scope=public`,
  );
  expect(withoutSlash.status).toBe(301);
  expect(withoutSlash.headers.get('location')).toBe(`${new URL(site.url).pathname}?scope=public`);
}

interface BrowserRun {
  page: Page;
  /** The page's API requests (/v2/, /v2.1/, /v1.1/), in order. */
  api: Request[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  close(): Promise<void>;
}

/** Opens the site in a fresh context, watching for policy violations and errors from the first script on. */
async function openSite(browser: Browser, url: string, token?: string): Promise<BrowserRun> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`,
      ),
    );
  });
  if (token) await putTokenInSession(context, token);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  const api: Request[] = [];
  page.on('request', (request) => {
    if (/^\/v(?:2|2\.1|1\.1)\//.test(new URL(request.url()).pathname)) api.push(request);
  });
  await page.goto(url);
  return { page, api, errors, close: () => context.close() };
}

async function violationsOf(run: BrowserRun): Promise<string[]> {
  return run.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** The grid shows rows; a click on the first opens the drawer (a lazy chunk of script and style). */
async function expectRowsAndDrawer(page: Page): Promise<void> {
  const grid = page.getByRole('grid', { name: 'Images' });
  const rows = grid.locator('tbody tr[aria-rowindex]');
  await rows.first().waitFor(WAIT);
  expect(await rows.count()).toBeGreaterThan(0);
  await rows.first().click();
  await page.getByRole('dialog').waitFor(WAIT);
}

/** A moment for late violations and errors to be reported, then none must have been. */
async function expectCleanRun(run: BrowserRun): Promise<void> {
  await run.page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))),
  );
  expect(await violationsOf(run), 'Content-Security-Policy violations').toEqual([]);
  expect(run.errors, 'console errors').toEqual([]);
}

const PREFIXES = [
  { prefix: '/catalogue/', connectSrc: [] },
  { prefix: '/a/b/', connectSrc: ['https://ims.example.test', 'https://ecs.example.test'] },
] as const;

describe.skipIf(!nginx.path)('deployment recipes under nginx', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium(inject('chromePath'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('deploy/nginx/static.conf: static files, demo backend', () => {
    let siteDir: string;
    beforeAll(async () => {
      siteDir = await copyOfBuild({ backend: 'demo', demo: { images: 300 } });
    });
    afterAll(async () => {
      if (siteDir) await rm(siteDir, { recursive: true, force: true });
    });

    describe.each(PREFIXES)('under $prefix', ({ prefix, connectSrc }) => {
      let site: NginxServer;
      beforeAll(async () => {
        site = await startNginx({
          recipe: 'static',
          root: siteDir,
          prefix,
          connectSrc: connectSrc.join(' '),
        });
      });
      afterAll(async () => {
        await site?.stop();
      });

      it('sends immutable hashed assets, a never-stored page and config.json, and a strict CSP', async () => {
        await expectCdnHeaders(site, siteDir, connectSrc);
      });

      it('runs in Chromium under that CSP, its API answered by the service worker', async () => {
        const run = await openSite(browser, site.url);
        try {
          await expectRowsAndDrawer(run.page);
          await expectCleanRun(run);
          expect(run.api.length).toBeGreaterThan(0);
          const notFromWorker: string[] = [];
          for (const request of run.api) {
            if (!(await request.response())?.fromServiceWorker()) notFromWorker.push(request.url());
          }
          expect(notFromWorker, 'API calls the demo service worker did not answer').toEqual([]);
          expect(await site.accessLog()).not.toMatch(/"GET \/v[12]/);
        } finally {
          await run.close();
        }
      });
    });
  });

  describe('deploy/nginx/proxy.conf: static files and the API on the same origin', () => {
    let siteDir: string;
    let ims: Upstream;
    let compute: Upstream;
    beforeAll(async () => {
      siteDir = await copyOfBuild({
        backend: 'live',
        endpoint: '',
        computeEndpoint: '',
        projectId: PROJECT_ID,
      });
      ims = await startUpstream(imsAnswer);
      compute = await startUpstream(computeAnswer);
    });
    afterAll(async () => {
      await ims?.close();
      await compute?.close();
      if (siteDir) await rm(siteDir, { recursive: true, force: true });
    });

    describe.each(PREFIXES)('under $prefix', ({ prefix, connectSrc }) => {
      let site: NginxServer;
      beforeAll(async () => {
        site = await startNginx({
          recipe: 'proxy',
          root: siteDir,
          prefix,
          imsUpstream: ims.origin,
          computeUpstream: compute.origin,
          connectSrc: connectSrc.join(' '),
        });
      });
      afterAll(async () => {
        await site?.stop();
      });

      it('sends immutable hashed assets, a never-stored page and config.json, and a strict CSP', async () => {
        await expectCdnHeaders(site, siteDir, connectSrc);
      });

      const ROUTES = [
        { path: '/v2/images?limit=1&sort_key=name&sort_dir=asc', upstream: 'ims' },
        { path: `/v2/images/${IMAGES[0]?.id}`, upstream: 'ims', cacheControl: 'private, max-age=5' },
        { path: '/v1.1/images/detail?name=cirros', upstream: 'ims' },
        { path: `/v2/${PROJECT_ID}/images?name=image%201`, upstream: 'compute' },
        { path: `/v2/${PROJECT_ID}/images/detail?name=image%201&limit=1`, upstream: 'compute' },
        { path: `/v2.1/${PROJECT_ID}/images`, upstream: 'compute' },
        { path: `/v2.1/${PROJECT_ID}/images/detail?name=image%202`, upstream: 'compute' },
      ] as const;

      it.each(ROUTES)('forwards $path to $upstream unchanged, with the token', async (route) => {
        const target = route.upstream === 'ims' ? ims : compute;
        const other = route.upstream === 'ims' ? compute : ims;
        const [targetBefore, otherBefore] = [target.requests.length, other.requests.length];
        const response = await get(`${site.origin}${route.path}`, {
          'X-Auth-Token': TOKEN,
          'X-Api-Version': '2.60',
          Cookie: 'session=of-another-app-on-this-origin',
        });
        expect(response.status).toBe(200);
        await response.json();
        expect(response.headers.get('cache-control')).toBe(
          'cacheControl' in route ? route.cacheControl : 'private, no-store',
        );
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');

        expect(other.requests.length, 'requests to the other upstream').toBe(otherBefore);
        const received = target.requests.slice(targetBefore);
        expect(received.map((request) => `${request.method} ${request.url}`)).toEqual([`GET ${route.path}`]);
        const [{ headers }] = received as [UpstreamRequest];
        expect(headers['x-auth-token']).toBe(TOKEN);
        expect(headers['x-api-version']).toBe('2.60');
        expect(headers.host).toBe(new URL(target.origin).host);
        expect(headers.cookie).toBeUndefined();
        expect(await site.accessLog()).not.toContain(TOKEN);
      });

      it('forwards nothing but GET and the API paths', async () => {
        const before = ims.requests.length + compute.requests.length;
        const post = await fetch(`${site.origin}/v2/images`, {
          method: 'POST',
          headers: { 'X-Auth-Token': TOKEN, 'Content-Type': 'application/json' },
          body: '{"name":"x"}',
        });
        expect(post.status).toBe(403);
        const id = IMAGES[0]?.id ?? '';
        for (const path of [
          `${prefix}v2/images`,
          `/v2/${PROJECT_ID}/servers`,
          '/v3/auth/tokens',
          '/v2',
          // Only what the catalogue reads: no image data, no member lists.
          `/v2/images/${id}/file`,
          `/v2/images/${id}/members`,
          `/v2/${PROJECT_ID}/images/${id}`,
        ]) {
          const response = await get(`${site.origin}${path}`, { 'X-Auth-Token': TOKEN });
          expect(response.status, path).toBe(404);
        }
        expect(ims.requests.length + compute.requests.length).toBe(before);
      });

      it('runs in Chromium under that CSP, listing through the proxy and reaching compute from the drawer', async () => {
        const [imsBefore, computeBefore] = [ims.requests.length, compute.requests.length];
        const run = await openSite(browser, site.url, TOKEN);
        try {
          await expectRowsAndDrawer(run.page);
          const drawer = run.page.getByRole('dialog');
          await drawer.getByRole('tab', { name: 'Compute detail', exact: true }).click();
          await drawer.getByRole('button', { name: 'Fetch live record' }).click();
          await expect
            .poll(
              () =>
                compute.requests
                  .slice(computeBefore)
                  .map((request) => new URL(request.url, 'http://x').pathname),
              WAIT,
            )
            .toEqual([`/v2/${PROJECT_ID}/images/detail`]);
          await expectCleanRun(run);

          const lists = ims.requests
            .slice(imsBefore)
            .filter((request) => request.url.startsWith('/v2/images?'));
          expect(lists.length).toBeGreaterThan(0);
          const list = new URL(lists[0]?.url ?? '', 'http://x');
          expect(list.searchParams.get('limit')).toBe('100');
          // Every API request went through nginx, and whatever token the app sent reached IMS and compute.
          const received = [...ims.requests.slice(imsBefore), ...compute.requests.slice(computeBefore)];
          const pathOf = (url: URL) => `${url.pathname}${url.search}`;
          expect(received.map((request) => request.url).sort()).toEqual(
            run.api.map((request) => pathOf(new URL(request.url()))).sort(),
          );
          const sent = run.api.map((request) => request.headers()['x-auth-token']);
          expect(new Set(sent).size).toBe(1);
          expect(received.map((request) => request.headers['x-auth-token'])).toEqual(
            received.map(() => sent[0]),
          );
          expect(sent[0]).toBe(TOKEN);
          expect(await site.accessLog()).not.toContain(TOKEN);
        } finally {
          await run.close();
        }
      });
    });
  });
  describe.skipIf(!live)('both recipes in front of a real Glance', () => {
    let sites: NginxServer[] = [];
    const dirs: string[] = [];
    afterAll(async () => {
      await Promise.all(sites.map((site) => site.stop()));
      sites = [];
      await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    });

    /** What Glance itself lists first for the viewer, in the catalogue's default view. */
    async function glanceFirstIds(count: number): Promise<string[]> {
      if (!live) throw new Error('no Glance');
      const path = '/v2/images?limit=100&sort_key=created_at&sort_dir=desc';
      const answer = (await (await glanceFetch(live, { path, as: 'viewer' })).json()) as { images: Image[] };
      return answer.images.slice(0, count).map((image) => image.id);
    }

    it.each([
      {
        recipe: 'static' as const,
        title: 'static.conf, the endpoint on another origin (CORS, and connect-src naming it)',
        endpoint: live?.url ?? '',
      },
      { recipe: 'proxy' as const, title: 'proxy.conf, the endpoint on the same origin', endpoint: '' },
    ])('$title: lists what Glance lists, under the CSP', async ({ recipe, endpoint }) => {
      if (!live) throw new Error('no Glance');
      const siteDir = await copyOfBuild({
        backend: 'live',
        endpoint,
        computeEndpoint: endpoint,
        projectId: SEED_PROJECTS.viewer,
      });
      dirs.push(siteDir);
      const site = await startNginx({
        recipe,
        root: siteDir,
        prefix: '/catalogue/',
        ...(recipe === 'proxy'
          ? { imsUpstream: live.url, computeUpstream: live.url }
          : { connectSrc: live.url }),
      });
      sites.push(site);
      const run = await openSite(browser, site.url, live.tokens.viewer);
      try {
        const rows = run.page.getByRole('grid', { name: 'Images' }).locator('tbody tr[aria-rowindex]');
        await rows.first().waitFor(WAIT);
        const shown = await rows.evaluateAll((elements) =>
          elements.slice(0, 10).map((row) => row.id.replace(/^image-row-/, '')),
        );
        expect(shown).toEqual(await glanceFirstIds(10));
        const origins = new Set(run.api.map((request) => new URL(request.url()).origin));
        expect([...origins]).toEqual([recipe === 'proxy' ? site.origin : live.url]);
        await expectCleanRun(run);
        expect(await site.accessLog()).not.toContain(live.tokens.viewer);
      } finally {
        await run.close();
      }
    });
  });
});
