// The built app, served as plain static files under a path prefix, in real Chromium.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../support/staticServer';
import { launchChromium } from './chromium';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(inject('distDir'), '/catalogue/');
  browser = await launchChromium(inject('chromePath'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface ApiCall {
  url: URL;
  fromServiceWorker: boolean;
}

function recordApiCalls(page: Page): ApiCall[] {
  const calls: ApiCall[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (/^\/(v2|v2\.1|v1\.1)\//.test(url.pathname)) {
      calls.push({ url, fromServiceWorker: response.fromServiceWorker() });
    }
  });
  return calls;
}

const bodyRows = (page: Page) => page.locator('tbody tr:not(.skeleton-row)');

describe('demo mode', () => {
  it('lists images answered by the service worker, one request per page', async () => {
    const page = await browser.newPage();
    const calls = recordApiCalls(page);
    await page.goto(server.url);

    await expect.poll(() => bodyRows(page).count(), { timeout: 20_000 }).toBe(50);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('50 loaded · more available');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.fromServiceWorker).toBe(true);
    expect(calls[0]?.url.pathname).toBe('/v2/images');
    expect(calls[0]?.url.searchParams.get('limit')).toBe('50');

    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => bodyRows(page).count()).toBe(100);
    expect(calls).toHaveLength(2);
    const lastRowOfFirstPage = calls[1]?.url.searchParams.get('marker');
    expect(lastRowOfFirstPage).toMatch(/^[0-9a-f-]{36}$/);

    // The static host only ever served files: every API call stayed inside the browser.
    expect(server.requests.filter((path) => path.startsWith('/v2'))).toEqual([]);
    await page.close();
  });
});

describe('live mode', () => {
  it('loads no demo code and shows the typed error of an endpoint that is not there', async () => {
    const page = await browser.newPage();
    await page.route('**/config.json', (route) =>
      route.fulfill({ json: { backend: 'live', endpoint: '', projectId: 'p1', computeEndpoint: '' } }),
    );
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(server.url);

    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toContain('Not found');
    const startupScripts = await page.evaluate(() =>
      [
        ...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
          'script[src], link[rel=modulepreload]',
        ),
      ].map((element) => new URL('src' in element ? element.src : element.href).pathname),
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((script) => startupScripts.includes(script))).toBe(true);
    await page.close();
  });
});
