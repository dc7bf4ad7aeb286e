// Sorting and paging of the built app in demo mode: the server sorts and pages, the grid asks for one page
// at a time as it scrolls, and its DOM stays small however many rows are loaded.
import { expect, it } from 'vitest';
import {
  DEFAULT_LIST_QUERY,
  WAIT,
  queryLines,
  setUpCatalogueSuite,
  type RenderedRow,
} from './catalogueDriver';
import { demoImage } from './demoData';

const suite = setUpCatalogueSuite();

const ROW_HEIGHT = 48;

/** Names as the server orders them: code unit order, images without a name first when ascending. */
function isOrdered(names: readonly (string | null)[], dir: 'asc' | 'desc'): boolean {
  const compare = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
  return names.every((name, index) => {
    if (index === 0) return true;
    const order = compare(names[index - 1] ?? null, name);
    return dir === 'asc' ? order <= 0 : order >= 0;
  });
}

/** The name each row shows is the image's own (or its id when it has none). */
function expectRowsShowTheirImages(rows: readonly RenderedRow[]) {
  const shown = rows.map((row) => (row.cells.Name ?? '').split('\n')[0]);
  const expected = rows.map((row) => demoImage(row.id).name ?? row.id);
  expect(shown).toEqual(expected);
}

it('sorts on the server by the clicked header: the request, aria-sort, the URL and the order of the rows', async () => {
  const catalogue = await suite.open();
  expect(await catalogue.columnHeader('Created').getAttribute('aria-sort')).toBe('descending');
  expect(await catalogue.columnHeader('Name').getAttribute('aria-sort')).toBeNull();

  for (const dir of ['asc', 'desc'] as const) {
    const call = await catalogue.expectOneListRequest(() => catalogue.sortBy('Name'));
    expect(queryLines(call.url.searchParams)).toEqual(
      queryLines({ ...DEFAULT_LIST_QUERY, sort_key: 'name', sort_dir: dir }),
    );
    expect(catalogue.search()).toBe(`sort=name:${dir}`);
    expect(await catalogue.columnHeader('Name').getAttribute('aria-sort')).toBe(
      dir === 'asc' ? 'ascending' : 'descending',
    );
    expect(await catalogue.columnHeader('Created').getAttribute('aria-sort')).toBeNull();

    await catalogue.waitForRows();
    const rows = await catalogue.rows();
    expect(rows.map((row) => row.id)).toEqual((await catalogue.answeredIds(call)).slice(0, rows.length));
    expectRowsShowTheirImages(rows);
    const names = rows.map((row) => demoImage(row.id).name);
    expect(isOrdered(names, dir), `names in ${dir} order: ${JSON.stringify(names)}`).toBe(true);
    // Not a trivial order: the shown names differ.
    expect(new Set(names).size).toBeGreaterThan(5);
  }
});

it('shows a new sort from the top and asks only for its first page, even when sorted while scrolled down', async () => {
  const catalogue = await suite.open();
  await catalogue.scrollGrid('bottom');
  await expect.poll(() => catalogue.rowCount.textContent(), WAIT).toBe('200 loaded · more available');
  await catalogue.settle();
  expect(await catalogue.gridScrollTop()).toBeGreaterThan(0);
  const before = catalogue.listCalls().length;

  await catalogue.sortBy('Name');
  await expect.poll(() => catalogue.gridScrollTop(), WAIT).toBe(0);
  await catalogue.waitForRows();
  await catalogue.settle();
  const sent = catalogue.listCalls().slice(before);
  const first = sent[0];
  if (!first) throw new Error('No request for the new sort');
  const rows = await catalogue.rows();
  expect(rows[0]?.index).toBe(0);
  expect(rows[0]?.id).toBe((await catalogue.answeredIds(first))[0]);
  expect(await catalogue.columnHeader('Name').getAttribute('aria-sort')).toBe('ascending');

  // Only what is shown is asked for: the top of the new order is not the bottom of the old one.
  expect(sent.map((call) => call.url.search)).toEqual(['?limit=100&sort_key=name&sort_dir=asc']);
  expect(await catalogue.rowCount.textContent()).toBe('100 loaded · more available');
});

it('loads one page per request as the grid is scrolled to the bottom, each from the last id of the one before', async () => {
  const PAGES = 5;
  const catalogue = await suite.open();
  expect(await catalogue.rowCount.textContent()).toBe('100 loaded · more available');
  const snapshots: RenderedRow[][] = [await catalogue.rows()];
  let mostDomRows = await catalogue.domRowCount();

  for (let loaded = 2; loaded <= PAGES; loaded += 1) {
    await catalogue.scrollGrid('bottom');
    await expect
      .poll(() => catalogue.rowCount.textContent(), WAIT)
      .toBe(`${loaded * 100} loaded · more available`);
    await catalogue.settle();
    snapshots.push(await catalogue.rows());
    mostDomRows = Math.max(mostDomRows, await catalogue.domRowCount());
  }
  // And back to the middle of what is loaded.
  await catalogue.scrollGrid(250 * ROW_HEIGHT);
  await catalogue.settle();
  snapshots.push(await catalogue.rows());
  mostDomRows = Math.max(mostDomRows, await catalogue.domRowCount());

  // One request per page, each from the last id of the page before, none asked for twice.
  const calls = catalogue.listCalls();
  expect(calls).toHaveLength(PAGES);
  const pages = await Promise.all(calls.map((call) => catalogue.answeredIds(call)));
  expect(pages.map((ids) => ids.length)).toEqual(Array<number>(PAGES).fill(100));
  calls.forEach((call, index) => {
    const { marker, ...rest } = Object.fromEntries(call.url.searchParams);
    expect(queryLines(rest)).toEqual(queryLines(DEFAULT_LIST_QUERY));
    expect(marker, `marker of request ${index + 1}`).toBe(index === 0 ? undefined : pages[index - 1]?.at(-1));
    expect(call.url.searchParams.getAll('marker')).toHaveLength(index === 0 ? 0 : 1);
  });
  const loadedIds = pages.flat();
  expect(new Set(loadedIds).size).toBe(PAGES * 100);

  // Every rendered row shows the image at its place in the list, and no image shows twice.
  for (const rows of snapshots) {
    const ids = rows.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(rows.map((row) => loadedIds[row.index]));
  }
  const lastSnapshot = snapshots.at(-1) ?? [];
  expect(lastSnapshot[0]?.index).toBeGreaterThan(200);
  expect(await catalogue.grid.getAttribute('aria-rowcount')).toBe(String(PAGES * 100 + 1));

  console.info(`scrolled through ${PAGES * 100} rows with at most ${mostDomRows} tr in the DOM`);
  expect(mostDomRows).toBeLessThan(80);
});
