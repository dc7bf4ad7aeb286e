// The image drawer of the built app in demo mode: opened by click, by keyboard and by link, closed by
// Escape with the focus back on the grid; an image already loaded is never asked for again; the legacy
// views show their request and computed record and compare it with the live one on demand.
import type { Image } from '../../src/api/imageTypes';
import { expect, it } from 'vitest';
import { WAIT, setUpCatalogueSuite, type CataloguePage } from './catalogueDriver';
import { DEMO_PROJECT_ID, demoImage, demoImages } from './demoData';

const suite = setUpCatalogueSuite();

const title = (image: Image) => image.name ?? image.id;

/** The dialog of an image, by its accessible name (the image's name). */
function drawerOf(catalogue: CataloguePage, image: Image) {
  return catalogue.page.getByRole('dialog', { name: title(image), exact: true });
}

async function expectClosedByEscape(catalogue: CataloguePage) {
  await catalogue.expectNoApiRequest(() => catalogue.page.keyboard.press('Escape'));
  await expect.poll(() => catalogue.dialog.count(), WAIT).toBe(0);
  expect(catalogue.searchParams().has('image')).toBe(false);
}

it('opens a loaded image by click without asking the server for it, and Escape gives the focus back to the grid', async () => {
  const catalogue = await suite.open();
  const row = (await catalogue.rows())[2];
  if (!row) throw new Error('Too few rows');
  const image = demoImage(row.id);

  await catalogue.expectNoApiRequest(async () => {
    await catalogue.grid
      .getByRole('row')
      .nth(row.index + 1)
      .click();
    await drawerOf(catalogue, image).waitFor(WAIT);
  });
  expect(catalogue.search()).toBe(`image=${image.id}`);
  expect(await catalogue.dialog.getByText(image.id, { exact: true }).count()).toBeGreaterThan(0);
  expect(await catalogue.dialog.getByRole('tab', { name: 'Details' }).getAttribute('aria-selected')).toBe(
    'true',
  );
  expect(
    await catalogue.isFocused(catalogue.dialog.getByRole('button', { name: 'Close image details' })),
  ).toBe(true);

  await expectClosedByEscape(catalogue);
  expect(await catalogue.isFocused(catalogue.grid)).toBe(true);
  expect(catalogue.imageCalls()).toEqual([]);
});

it('opens the active row with the keyboard (ArrowDown, Enter) and closes with Escape', async () => {
  const catalogue = await suite.open();
  const [first, second] = await catalogue.rows();
  if (!first || !second) throw new Error('Too few rows');
  const image = demoImage(second.id);

  await catalogue.grid.focus();
  expect(await catalogue.grid.getAttribute('aria-activedescendant')).toBe(`image-row-${first.id}`);
  await catalogue.page.keyboard.press('ArrowDown');
  expect(await catalogue.grid.getAttribute('aria-activedescendant')).toBe(`image-row-${second.id}`);
  await catalogue.expectNoApiRequest(async () => {
    await catalogue.page.keyboard.press('Enter');
    await drawerOf(catalogue, image).waitFor(WAIT);
  });
  expect(catalogue.search()).toBe(`image=${image.id}`);

  await expectClosedByEscape(catalogue);
  expect(await catalogue.isFocused(catalogue.grid)).toBe(true);
  expect(await catalogue.grid.getAttribute('aria-activedescendant')).toBe(`image-row-${second.id}`);
  expect(catalogue.imageCalls()).toEqual([]);
});

it('opens an image from a link with exactly one GET /v2/images/{id} when it is not on the first page', async () => {
  // The oldest public image: the last of the default newest-first order, far from the first page.
  const image = demoImages
    .filter((candidate) => candidate.visibility === 'public' && candidate.status === 'active')
    .reduce((oldest, candidate) => (candidate.created_at < oldest.created_at ? candidate : oldest));
  const catalogue = await suite.open({ search: `image=${image.id}` });
  await drawerOf(catalogue, image).waitFor(WAIT);
  await catalogue.settle();

  expect(await catalogue.answeredIds(catalogue.lastListCall())).not.toContain(image.id);
  expect(catalogue.imageCalls().map((call) => call.url.pathname)).toEqual([`/v2/images/${image.id}`]);
  expect(catalogue.calls.map((call) => call.url.pathname).sort()).toEqual([
    '/v2/images',
    `/v2/images/${image.id}`,
  ]);
  expect(await catalogue.dialog.getByText(image.id, { exact: true }).count()).toBeGreaterThan(0);
  expect(catalogue.search()).toBe(`image=${image.id}`);

  await expectClosedByEscape(catalogue);
  expect(catalogue.search()).toBe('');
});

it('puts the focus on the grid when a drawer opened from a link is closed', async () => {
  const image = demoImages.find(
    (candidate) => candidate.visibility === 'public' && candidate.status === 'active',
  );
  if (!image) throw new Error('No public image in the demo catalogue');
  const catalogue = await suite.open({ search: `image=${image.id}` });
  await drawerOf(catalogue, image).waitFor(WAIT);
  await expectClosedByEscape(catalogue);
  // Nothing opened this drawer, so there is no opener to go back to; the grid is where work goes on.
  expect(await catalogue.isFocused(catalogue.grid)).toBe(true);
});

interface LegacyCase {
  tab: string;
  path: string;
  /** What the computed record says of the image (an active public one). */
  computed: (image: Image) => Record<string, unknown>;
}

const LEGACY: LegacyCase[] = [
  {
    tab: 'Compute list',
    path: `/v2/${DEMO_PROJECT_ID}/images`,
    computed: (image) => ({ id: image.id, name: image.name }),
  },
  {
    tab: 'Compute detail',
    path: `/v2/${DEMO_PROJECT_ID}/images/detail`,
    computed: (image) => ({
      id: image.id,
      name: image.name,
      status: 'ACTIVE',
      progress: 100,
      minDisk: image.min_disk,
      metadata: expect.objectContaining({ __platform: image.__platform }) as unknown,
    }),
  },
  {
    tab: 'Glance v1.1',
    path: '/v1.1/images/detail',
    computed: (image) => ({
      id: image.id,
      name: image.name,
      status: 'active',
      is_public: true,
      properties: expect.objectContaining({ __platform: image.__platform }) as unknown,
    }),
  },
];

it.each(LEGACY)(
  '$tab: shows the request and the computed record, and fetches the live record once on demand',
  async (legacy) => {
    const catalogue = await suite.open({ search: 'scope=public' });
    const row = (await catalogue.rows()).find((candidate) => demoImage(candidate.id).status === 'active');
    if (!row) throw new Error('No active image on screen');
    const image = demoImage(row.id);
    await catalogue.grid
      .getByRole('row')
      .nth(row.index + 1)
      .click();
    const drawer = drawerOf(catalogue, image);
    await drawer.waitFor(WAIT);

    const panel = drawer.getByRole('tabpanel');
    await catalogue.expectNoApiRequest(() =>
      drawer.getByRole('tab', { name: legacy.tab, exact: true }).click(),
    );
    expect(
      await drawer.getByRole('tab', { name: legacy.tab, exact: true }).getAttribute('aria-selected'),
    ).toBe('true');
    const shown = ((await panel.locator('code').first().textContent()) ?? '').replace(/^GET /, '');
    const shownUrl = new URL(shown);
    expect(shownUrl.origin).toBe(new URL(catalogue.page.url()).origin);
    expect(shownUrl.pathname).toBe(legacy.path);
    expect(shownUrl.searchParams.get('name')).toBe(image.name);
    const computed = JSON.parse((await panel.locator('pre').first().textContent()) ?? '') as unknown;
    expect(computed).toMatchObject(legacy.computed(image));

    const live = await catalogue.expectOneApiRequest(() =>
      panel.getByRole('button', { name: 'Fetch live record' }).click(),
    );
    expect(live.url.href).toBe(shownUrl.href);
    await expect.poll(() => panel.getByRole('status').textContent(), WAIT).toBe('Matches the live record');
    const liveRecord = JSON.parse((await panel.locator('pre').nth(1).textContent()) ?? '') as unknown;
    expect(liveRecord).toEqual(computed);
    expect(catalogue.imageCalls()).toEqual([]);
  },
);
