// The built catalogue in live mode, in real Chromium, against a real OpenStack Glance seeded with the seed
// plan (test/live/globalSetup.ts): the token asked for, sent and never leaked; a refused token and the
// recovery; scopes, IMS-property facets and sort answered by Glance and shown in its order; every marker
// page to the end; the drawer; and Glance's own 400 shown when a page's marker has gone.
import { describe, expect, it } from 'vitest';
import type { Image } from '../../src/api/imageTypes';
import { TOKEN_KEY } from '../../src/config/connectionStore';
import {
  DEFAULT_LIST_QUERY,
  WAIT,
  queryLines,
  setUpCatalogueSuite,
  type CataloguePage,
} from '../e2e/catalogueDriver';
import { SCRATCH_PROJECT_ID } from './glanceServer';
import { liveGlance } from './liveGlance';
import { glanceFetch } from './seedGlance';
import { HOSTILE_NAME, SEED_PROJECTS, defaultListingOf } from './seedPlan';

const live = liveGlance();

interface GlanceList {
  images: Image[];
  next?: string;
}

/** Glance's own answer to a query, as the viewer: what the catalogue must show, in this order. */
async function glanceIds(query: string): Promise<string[]> {
  if (!live) throw new Error('no Glance');
  const response = await glanceFetch(live, { path: `/v2/images?${query}`, as: 'viewer' });
  return ((await response.json()) as GlanceList).images.map((image) => image.id);
}

/** Creates `count` private queued images in the scratch tenant, which no seed project sees; returns their ids. */
async function scratchImages(count: number): Promise<string[]> {
  if (!live) throw new Error('no Glance');
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const response = await glanceFetch(live, {
      method: 'POST',
      path: '/v2/images',
      as: 'scratch',
      json: {
        name: `scratch-${index}`,
        disk_format: 'qcow2',
        container_format: 'bare',
        __imagetype: 'private',
      },
    });
    ids.push(((await response.json()) as Image).id);
  }
  return ids;
}

/** The ids the catalogue shows first (the rendered rows start at the top of the list). */
async function firstRowIds(catalogue: CataloguePage, count: number): Promise<string[]> {
  const rows = await catalogue.rows();
  expect(rows[0]?.index).toBe(0);
  return rows.slice(0, count).map((row) => row.id);
}

/** Scrolls until the list says it has ended; returns the count it ends with. */
async function scrollToEnd(catalogue: CataloguePage): Promise<number> {
  const footer = catalogue.page.getByText(/^End of list · [\d,]+ images$/);
  for (let attempt = 0; attempt < 30 && !(await footer.isVisible()); attempt += 1) {
    await catalogue.scrollGrid('bottom');
    await catalogue.settle();
  }
  const text = (await footer.textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

describe.skipIf(!live)('the built catalogue on a real Glance', () => {
  const suite = setUpCatalogueSuite();
  const tokens = live?.tokens ?? { viewer: '', peer: '', provider: '', admin: '' };
  const config = {
    backend: 'live',
    endpoint: live?.url ?? '',
    computeEndpoint: live?.url ?? '',
    projectId: SEED_PROJECTS.viewer,
  };
  const open = (search = '', sessionToken = tokens.viewer, waitForRows = true) =>
    suite.open({ config, search, sessionToken, waitForRows });

  it('asks for a token, sends it in a header only, and lists every page of the default listing once', async () => {
    const catalogue = await suite.open({ config, waitForRows: false });
    const { page } = catalogue;
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));

    await page.getByText('The endpoint needs an IAM token.').waitFor(WAIT);
    await page.getByRole('button', { name: 'Enter a new token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connection settings' });
    await dialog.getByLabel('Token', { exact: true }).fill(tokens.viewer);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await catalogue.waitForRows();

    const first = catalogue.lastListCall();
    expect(queryLines(first.url.searchParams)).toEqual(queryLines(DEFAULT_LIST_QUERY));
    expect(await first.request.headerValue('x-auth-token')).toBe(tokens.viewer);
    expect(await firstRowIds(catalogue, 15)).toEqual(
      (await glanceIds('limit=100&sort_key=created_at&sort_dir=desc')).slice(0, 15),
    );

    const total = await scrollToEnd(catalogue);
    expect(total).toBe(defaultListingOf('viewer').length);
    const calls = catalogue.listCalls().filter((call) => call.response?.status() === 200);
    const pages = await Promise.all(calls.map((call) => catalogue.answeredIds(call)));
    expect(pages.length, 'pages of 100, then the empty page Glance answers after a full one').toBe(
      Math.ceil(total / 100) + (total % 100 === 0 ? 1 : 0),
    );
    for (const [index, call] of calls.entries()) {
      expect(call.url.searchParams.get('marker') ?? undefined).toBe(pages[index - 1]?.at(-1));
    }
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(total);

    // Never in an address, a log, the page or the device's storage: only this tab's session storage.
    const everywhere = [
      page.url(),
      ...catalogue.calls.map((call) => call.url.href),
      ...consoleLines,
      await page.content(),
      await page.evaluate(() => JSON.stringify({ ...localStorage })),
    ];
    for (const text of everywhere) expect(text).not.toContain(tokens.viewer);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBe(tokens.viewer);
  });

  it('forgets a token Glance refuses (401), prompts for a new one and recovers the list', async () => {
    const catalogue = await open('scope=private', 'expired-token', false);
    const { page } = catalogue;
    await page.getByText(/refused the IAM token \(HTTP 401\)/).waitFor(WAIT);
    expect(catalogue.lastListCall().response?.status()).toBe(401);
    expect(await page.evaluate((key) => sessionStorage.getItem(key), TOKEN_KEY)).toBeNull();

    await page.getByRole('button', { name: 'Enter a new token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connection settings' });
    const field = dialog.getByLabel('Token', { exact: true });
    await expect.poll(() => catalogue.isFocused(field), WAIT).toBe(true);
    await field.fill(tokens.viewer);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await catalogue.waitForRows();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await firstRowIds(catalogue, 10)).toEqual(
      (
        await glanceIds('__imagetype=private&protected=false&limit=100&sort_key=created_at&sort_dir=desc')
      ).slice(0, 10),
    );
  });

  it.each([
    ['scope=public', { __imagetype: 'gold', visibility: 'public', protected: 'true' }],
    ['scope=market', { __imagetype: 'market' }],
    ['scope=private', { __imagetype: 'private', protected: 'false' }],
    ['scope=shared', { member_status: 'accepted', visibility: 'shared', __imagetype: 'shared' }],
    [
      'scope=shared&member=pending',
      { member_status: 'pending', visibility: 'shared', __imagetype: 'shared' },
    ],
    [
      'scope=shared&member=rejected',
      { member_status: 'rejected', visibility: 'shared', __imagetype: 'shared' },
    ],
  ])('%s sends the reference’s query and shows what Glance answers, in its order', async (search, query) => {
    const catalogue = await open(search);
    const call = catalogue.lastListCall();
    expect(queryLines(call.url.searchParams)).toEqual(queryLines({ ...DEFAULT_LIST_QUERY, ...query }));
    const expected = await glanceIds(call.url.search.slice(1));
    expect(expected.length).toBeGreaterThan(0);
    expect(await firstRowIds(catalogue, 10)).toEqual(expected.slice(0, 10));
    if (expected.length < 100) {
      await expect.poll(() => catalogue.rowCount.textContent(), WAIT).toBe(`${expected.length} images`);
    }
  });

  it('filters on IMS properties on the server and sorts there too', async () => {
    const catalogue = await open('scope=public&platform=Ubuntu&support=kvm');
    const filtered = catalogue.lastListCall();
    expect(filtered.url.searchParams.get('__platform')).toBe('Ubuntu');
    expect(filtered.url.searchParams.get('__support_kvm')).toBe('true');
    const expected = await glanceIds(filtered.url.search.slice(1));
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => catalogue.rowCount.textContent(), WAIT).toBe(`${expected.length} images`);
    for (const row of await catalogue.rows()) expect(row.cells['Platform / OS']).toMatch(/Ubuntu/);

    const sorted = await catalogue.expectOneListRequest(() => catalogue.sortBy('Name'));
    expect(sorted.url.searchParams.get('sort_key')).toBe('name');
    expect(sorted.url.searchParams.get('sort_dir')).toBe('asc');
    await catalogue.waitForRows();
    expect(await firstRowIds(catalogue, expected.length)).toEqual(
      await glanceIds(sorted.url.search.slice(1)),
    );
  });

  it('opens a listed image without a request, and a linked one with one; names are text', async () => {
    const catalogue = await open('scope=shared&cols=name,memberStatus,id');
    const hostile = catalogue.grid.getByText(HOSTILE_NAME, { exact: true });
    await hostile.waitFor(WAIT);
    expect(await catalogue.page.locator('img').count()).toBe(0);
    await catalogue.expectNoApiRequest(() => hostile.click());
    await expect
      .poll(() => catalogue.dialog.getByRole('heading', { level: 2 }).textContent(), WAIT)
      .toBe(HOSTILE_NAME);

    if (!live) throw new Error('no Glance');
    const answer = await glanceFetch(live, { path: '/v2/images?__imagetype=market&limit=1', as: 'viewer' });
    const [linked] = ((await answer.json()) as GlanceList).images;
    if (!linked) throw new Error('Glance lists no marketplace image');
    const linkedPage = await open(`scope=private&image=${linked.id}`);
    await linkedPage.settle();
    expect(linkedPage.imageCalls().map((call) => call.url.pathname)).toEqual([`/v2/images/${linked.id}`]);
    await expect
      .poll(() => linkedPage.dialog.getByRole('heading', { level: 2 }).textContent(), WAIT)
      .toBe(linked.name);
  });

  it('shows Glance’s 400 when the marker of the next page was deleted meanwhile, and reloads the list', async () => {
    if (!live) throw new Error('no Glance');
    await scratchImages(101);
    const catalogue = await suite.open({
      config: { ...config, projectId: SCRATCH_PROJECT_ID },
      search: 'scope=private',
      sessionToken: live.tokens.scratch,
    });
    const firstPage = await catalogue.answeredIds(catalogue.lastListCall());
    const marker = firstPage.at(-1);
    expect(firstPage).toHaveLength(100);
    if (!marker) throw new Error('no marker');
    // Someone else deletes the image the next page starts after.
    await glanceFetch(live, { method: 'DELETE', path: `/v2/images/${marker}`, as: 'scratch' });

    await catalogue.scrollGrid('bottom');
    const alert = catalogue.page.getByRole('alert').filter({ hasText: 'The next page could not be loaded' });
    await alert.waitFor(WAIT);
    const failed = catalogue.lastListCall();
    expect(failed.url.searchParams.get('marker')).toBe(marker);
    expect(failed.response?.status()).toBe(400);
    expect(await alert.textContent()).toContain('the list changed on the server');
    expect(await alert.textContent()).toContain(`No image found with ID ${marker}`);
    expect((await catalogue.rows()).length, 'the rows shown stay').toBeGreaterThan(0);

    const failedAt = catalogue.listCalls().indexOf(failed);
    await alert.getByRole('button', { name: 'Reload the list' }).click();
    await expect.poll(() => alert.count(), WAIT).toBe(0);
    await catalogue.settle();
    const [reload] = catalogue.listCalls().slice(failedAt + 1);
    if (!reload) throw new Error('The list was not reloaded');
    expect(reload.url.searchParams.get('marker')).toBeNull();
    expect(await catalogue.answeredIds(reload)).not.toContain(marker);
  });
});
