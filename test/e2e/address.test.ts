// The view lives in the address (built app, demo mode): Back and Forward walk through views from the cache,
// a reload shows the same view and rows, and a link with bad values is corrected, said so, and never sent.
import { expect, it } from 'vitest';
import {
  DEFAULT_LIST_QUERY,
  WAIT,
  queryLines,
  setUpCatalogueSuite,
  type CataloguePage,
} from './catalogueDriver';
import { demoImage } from './demoData';

const suite = setUpCatalogueSuite();

interface ShownView {
  search: string;
  ids: string[];
  platform: string;
  chips: string[];
  nameSort: string | null;
}

async function shownView(catalogue: CataloguePage): Promise<ShownView> {
  await catalogue.waitForRows();
  return {
    search: catalogue.search(),
    ids: await catalogue.rowIds(),
    platform: await catalogue.filter('Platform').inputValue(),
    chips: await catalogue.chipLabels(),
    nameSort: await catalogue.columnHeader('Name').getAttribute('aria-sort'),
  };
}

it('walks Back and Forward through scope, platform and sort changes, from the cache', async () => {
  const catalogue = await suite.open();
  const { page } = catalogue;

  await catalogue.expectOneListRequest(() => catalogue.scopeTab('Public').click());
  const publicView = await shownView(catalogue);
  await catalogue.expectOneListRequest(() =>
    catalogue
      .filter('Platform')
      .selectOption('Ubuntu')
      .then(() => undefined),
  );
  const ubuntuView = await shownView(catalogue);
  await catalogue.expectOneListRequest(() => catalogue.sortBy('Name'));
  const sortedView = await shownView(catalogue);

  expect(publicView).toMatchObject({ search: 'scope=public', platform: '', chips: ['Scope: Public'] });
  expect(ubuntuView).toMatchObject({
    search: 'scope=public&platform=Ubuntu',
    platform: 'Ubuntu',
    chips: ['Scope: Public', 'Platform: Ubuntu'],
    nameSort: null,
  });
  expect(sortedView).toMatchObject({
    search: 'scope=public&platform=Ubuntu&sort=name:asc',
    nameSort: 'ascending',
  });
  expect(new Set([publicView.ids, ubuntuView.ids, sortedView.ids].map((ids) => ids.join()))).toHaveProperty(
    'size',
    3,
  );
  const listRequests = catalogue.listCalls().length;

  for (const [move, expected] of [
    ['back', ubuntuView],
    ['back', publicView],
    ['forward', ubuntuView],
    ['forward', sortedView],
  ] as const) {
    await catalogue.expectNoApiRequest(async () => {
      await (move === 'back' ? page.goBack() : page.goForward());
      await expect.poll(() => catalogue.search(), WAIT).toBe(expected.search);
      await expect.poll(() => catalogue.rowIds(), WAIT).toEqual(expected.ids);
    });
    expect(await shownView(catalogue), `after ${move} to ?${expected.search}`).toEqual(expected);
    expect(await catalogue.scopeTab('Public').getAttribute('aria-selected')).toBe('true');
  }
  expect(catalogue.listCalls()).toHaveLength(listRequests);
});

it('shows the same view and rows after a reload: filters, sort, columns and the open image', async () => {
  const catalogue = await suite.open();
  const { page } = catalogue;
  await catalogue.expectOneListRequest(() => catalogue.scopeTab('Private').click());
  await catalogue.expectOneListRequest(() =>
    catalogue
      .filter('OS type')
      .selectOption('Linux')
      .then(() => undefined),
  );
  await catalogue.expectOneListRequest(() => catalogue.sortBy('Name'));
  await page.getByText('Columns', { exact: true }).click();
  const columns = page.getByRole('group', { name: 'Visible columns' });
  for (const [label, on] of [
    ['Visibility', true],
    ['Updated', false],
  ] as const) {
    await catalogue.expectNoApiRequest(() => columns.getByLabel(label, { exact: true }).click());
    await expect.poll(() => columns.getByLabel(label, { exact: true }).isChecked(), WAIT).toBe(on);
  }
  await catalogue.waitForRows();
  const row = (await catalogue.rows())[1];
  if (!row) throw new Error('Too few rows');
  const image = demoImage(row.id);
  await catalogue.expectNoApiRequest(async () => {
    await catalogue.grid
      .getByRole('row')
      .nth(row.index + 1)
      .click();
    await page.getByRole('dialog', { name: image.name ?? image.id, exact: true }).waitFor(WAIT);
  });
  const listQuery = queryLines(catalogue.lastListCall().url.searchParams);
  const before = {
    search: catalogue.search(),
    ids: await catalogue.rowIds(),
    columns: await catalogue.columnLabels(),
  };
  expect(before.search).toBe(
    `scope=private&os=Linux&sort=name:asc&cols=name,status,os,visibility,diskFormat,size,minDiskRam,created,id&image=${image.id}`,
  );
  expect(before.columns).toContain('Visibility');
  expect(before.columns).not.toContain('Updated');
  const callsBefore = catalogue.calls.length;

  await page.reload();
  await page.getByRole('dialog', { name: image.name ?? image.id, exact: true }).waitFor(WAIT);
  await catalogue.waitForRows();
  await catalogue.settle();

  expect(catalogue.search()).toBe(before.search);
  expect(await catalogue.rowIds()).toEqual(before.ids);
  expect(await catalogue.columnLabels()).toEqual(before.columns);
  expect(await catalogue.columnHeader('Name').getAttribute('aria-sort')).toBe('ascending');
  expect(await catalogue.scopeTab('Private').getAttribute('aria-selected')).toBe('true');
  expect(await catalogue.filter('OS type').inputValue()).toBe('Linux');
  expect(await catalogue.chipLabels()).toEqual(['Scope: Private', 'OS type: Linux']);
  // The reloaded page starts with an empty cache: the list once with the same query, and the open image
  // at most once by its id (not at all when the list's first page is in first).
  const after = catalogue.calls.slice(callsBefore);
  const listAfter = after.filter((call) => call.url.pathname === '/v2/images');
  expect(listAfter.map((call) => queryLines(call.url.searchParams))).toEqual([listQuery]);
  expect(after.filter((call) => !listAfter.includes(call)).map((call) => call.url.pathname)).toEqual(
    after.length > 1 ? [`/v2/images/${image.id}`] : [],
  );
});

it('drops the bad values of a link, names each in a notice, makes the URL canonical and never sends them', async () => {
  const catalogue = await suite.open({ search: 'scope=public&platform=Plan9&bogus=1' });
  const { page } = catalogue;
  const notice = page.getByRole('status').filter({ hasText: 'Some of the address could not be used' });
  expect(await notice.getByRole('listitem').allTextContents()).toEqual([
    'Ignored the unknown parameter "bogus".',
    'Ignored the platform "Plan9": it is not a valid value.',
  ]);
  await expect.poll(() => catalogue.search(), WAIT).toBe('scope=public');

  // The rest of the view works: the public scope, listed and filterable.
  expect(catalogue.listCalls()).toHaveLength(1);
  expect(queryLines(catalogue.lastListCall().url.searchParams)).toEqual(
    queryLines({ ...DEFAULT_LIST_QUERY, __imagetype: 'gold', visibility: 'public', protected: 'true' }),
  );
  const rows = await catalogue.rows();
  expect(rows.filter((row) => demoImage(row.id).__imagetype !== 'gold')).toEqual([]);
  expect(await catalogue.filter('Platform').inputValue()).toBe('');
  expect(await catalogue.chipLabels()).toEqual(['Scope: Public']);
  const ubuntu = await catalogue.expectOneListRequest(() =>
    catalogue
      .filter('Platform')
      .selectOption('Ubuntu')
      .then(() => undefined),
  );
  expect(ubuntu.url.searchParams.get('__platform')).toBe('Ubuntu');
  expect(catalogue.search()).toBe('scope=public&platform=Ubuntu');

  // The notice stays until dismissed; Back returns to the corrected address, not the bad one.
  expect(await notice.count()).toBe(1);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => notice.count(), WAIT).toBe(0);
  await catalogue.expectNoApiRequest(async () => {
    await page.goBack();
    await expect.poll(() => catalogue.search(), WAIT).toBe('scope=public');
  });
  expect(await notice.count()).toBe(0);

  const sentBadValues = catalogue.calls.filter((call) => /plan9|bogus/i.test(call.url.href));
  expect(sentBadValues.map((call) => call.url.href)).toEqual([]);
});
