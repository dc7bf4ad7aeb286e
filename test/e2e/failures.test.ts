// Failures and the live start-up of the built app: a failing service shows its typed error with the request
// id and a retry; a live deployment loads no demo code at all.
import { expect, it } from 'vitest';
import { DEFAULT_LIST_QUERY, WAIT, queryLines, setUpCatalogueSuite } from './catalogueDriver';

const suite = setUpCatalogueSuite();

const API_PATH = /^\/(?:v2|v2\.1|v1\.1)\//;

it('shows the typed error with its request id when the service is unavailable, and retries on demand', async () => {
  const served = suite.server.requests.length;
  const catalogue = await suite.open({
    config: { backend: 'demo', demo: { failEvery: 1, failStatus: 503 } },
    waitForRows: false,
  });
  const alert = catalogue.page.getByRole('alert');
  await alert.getByText('The images could not be listed', { exact: true }).waitFor(WAIT);
  await catalogue.settle();

  const failed = catalogue.listCalls();
  expect(failed.length).toBeGreaterThan(0);
  for (const call of failed) {
    expect(call.response?.status()).toBe(503);
    expect(queryLines(call.url.searchParams)).toEqual(queryLines(DEFAULT_LIST_QUERY));
  }
  const requestId = await catalogue.lastListCall().response?.headerValue('x-openstack-request-id');
  expect(requestId).toMatch(/^req-[0-9a-f-]+$/);
  expect(await alert.innerText()).toContain(
    'The image service is unavailable (HTTP 503): The service is unavailable. Try again later. Retry in a moment.',
  );
  expect(await alert.getByText('IMS.0010', { exact: true }).count()).toBe(1);
  expect(await alert.locator('code').textContent()).toBe(requestId);
  expect(await catalogue.grid.count()).toBe(0);

  // Retry asks again, and the notice then names the request id of the newest failure.
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => catalogue.listCalls().length, WAIT).toBeGreaterThan(failed.length);
  await expect.poll(() => alert.locator('code').textContent(), WAIT).not.toBe(requestId);
  await catalogue.settle();
  const newest = await catalogue.lastListCall().response?.headerValue('x-openstack-request-id');
  expect(await alert.locator('code').textContent()).toBe(newest);
  expect(await alert.getByRole('button', { name: 'Retry' }).count()).toBe(1);

  // The static host only served files: every API call was answered inside the browser.
  expect(suite.server.requests.slice(served).filter((path) => API_PATH.test(path))).toEqual([]);
});

it('loads no demo code in live mode and shows the typed error of an endpoint that is not there', async () => {
  const catalogue = await suite.open({
    config: { backend: 'live', endpoint: '', projectId: 'p1', computeEndpoint: '' },
    waitForRows: false,
  });
  const { page } = catalogue;
  const alert = page.getByRole('alert');
  await expect.poll(() => alert.textContent(), WAIT).toContain('Not found');
  expect(await page.getByText('Live endpoint · this site', { exact: true }).count()).toBe(1);

  const loaded = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.endsWith('.js')),
  );
  const startupScripts = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>(
        'script[src], link[rel=modulepreload]',
      ),
    ].map((element) => new URL('src' in element ? element.src : element.href).pathname),
  );
  expect(startupScripts.length).toBeGreaterThan(0);
  expect(loaded.filter((path) => !startupScripts.includes(path))).toEqual([]);
  expect(
    await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.length)),
  ).toBe(0);

  // The list went to the (static) server, which has no API.
  const [call] = catalogue.listCalls();
  expect(call?.response?.status()).toBe(404);
  expect(call?.response?.fromServiceWorker()).toBe(false);
});

it('keeps the catalogue when the drawer’s code cannot be fetched (a redeployed site), and offers a reload', async () => {
  const catalogue = await suite.open();
  const { page } = catalogue;
  // As when a new deployment removed the hashed file an open tab asks for. (On the context: in demo mode
  // the service worker fetches the page's files.)
  await page.context().route(/\/assets\/ImageDrawer-[^/]+\.js$/, (route) => route.fulfill({ status: 404 }));
  await catalogue.grid.locator('tbody tr[aria-rowindex]').first().click();
  const alert = page.getByRole('alert').filter({ hasText: 'The image details could not be loaded' });
  await alert.waitFor(WAIT);
  expect(await alert.getByRole('button', { name: 'Reload the page' }).count()).toBe(1);
  expect(await catalogue.grid.locator('tbody tr[aria-rowindex]').count()).toBeGreaterThan(0);
});
