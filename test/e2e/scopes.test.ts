// The scope tabs and member statuses of the built app in demo mode: each choice sends the reference's common
// query, is written in the URL, and lists only images of that scope (checked in the cells and against the
// demo catalogue itself).
import type { Image, MemberStatus } from '../../src/api/imageTypes';
import { expect, it } from 'vitest';
import {
  DEFAULT_LIST_QUERY,
  queryLines,
  setUpCatalogueSuite,
  type CataloguePage,
  type RenderedRow,
} from './catalogueDriver';
import { DEMO_PROJECT_ID, demoImage, listedByDefault, viewerMemberStatus } from './demoData';

const suite = setUpCatalogueSuite();

/** Columns that show which scope a row is in; they stay across scope changes. */
const COLUMNS = 'cols=name,imageType,visibility,memberStatus,id';

const TYPE_LABELS: Readonly<Record<string, string>> = {
  gold: 'Public',
  private: 'Private',
  shared: 'Shared',
  market: 'Marketplace',
};

interface ScopeCase {
  title: string;
  /** The page starts in another scope, so the choice is a change. */
  from: string;
  choose: (catalogue: CataloguePage) => Promise<void>;
  /** The reference's common query of the scope. */
  query: Readonly<Record<string, string>>;
  /** The page's query string afterwards. */
  search: string;
  /** The tab, and in the shared scope the member status, shown as chosen afterwards. */
  selected: string;
  pressed?: MemberStatusLabel;
  /** Whether a shown row (its cells, and the image it shows) belongs to the scope. */
  belongs: (row: RenderedRow, image: Image) => boolean;
}

const cellsMatch = (row: RenderedRow, image: Image) =>
  row.cells['Image type'] === TYPE_LABELS[image.__imagetype ?? ''] &&
  row.cells.Visibility === image.visibility;

const sharedWithViewer = (status: MemberStatus) => (row: RenderedRow, image: Image) =>
  cellsMatch(row, image) &&
  row.cells['Image type'] === 'Shared' &&
  row.cells.Visibility === 'shared' &&
  row.cells['Member status'] === status &&
  viewerMemberStatus(image.id) === status;

const sharedQuery = (status: MemberStatus) => ({
  member_status: status,
  visibility: 'shared',
  __imagetype: 'shared',
});

type MemberStatusLabel = 'Accepted' | 'Pending' | 'Rejected';

const tab = (name: string) => (catalogue: CataloguePage) => catalogue.scopeTab(name).click();
const member = (name: MemberStatusLabel) => (catalogue: CataloguePage) =>
  catalogue.memberStatusButton(name).click();

const CASES: ScopeCase[] = [
  {
    title: 'All',
    from: `scope=public&${COLUMNS}`,
    choose: tab('All'),
    query: {},
    search: COLUMNS,
    selected: 'All',
    belongs: (row, image) => cellsMatch(row, image) && listedByDefault(image),
  },
  {
    title: 'Public',
    from: COLUMNS,
    choose: tab('Public'),
    query: { __imagetype: 'gold', visibility: 'public', protected: 'true' },
    search: `scope=public&${COLUMNS}`,
    selected: 'Public',
    belongs: (row, image) =>
      cellsMatch(row, image) &&
      row.cells['Image type'] === 'Public' &&
      row.cells.Visibility === 'public' &&
      image.protected,
  },
  {
    title: 'Private',
    from: COLUMNS,
    choose: tab('Private'),
    query: { __imagetype: 'private', protected: 'false' },
    search: `scope=private&${COLUMNS}`,
    selected: 'Private',
    belongs: (row, image) =>
      cellsMatch(row, image) &&
      row.cells['Image type'] === 'Private' &&
      row.cells['Member status'] === 'Owner' &&
      image.owner === DEMO_PROJECT_ID &&
      !image.protected,
  },
  {
    title: 'Shared with me (accepted by default)',
    from: COLUMNS,
    choose: tab('Shared with me'),
    query: sharedQuery('accepted'),
    search: `scope=shared&${COLUMNS}`,
    selected: 'Shared with me',
    pressed: 'Accepted',
    belongs: sharedWithViewer('accepted'),
  },
  {
    title: 'Shared with me › Accepted',
    from: `scope=shared&member=pending&${COLUMNS}`,
    choose: member('Accepted'),
    query: sharedQuery('accepted'),
    search: `scope=shared&${COLUMNS}`,
    selected: 'Shared with me',
    pressed: 'Accepted',
    belongs: sharedWithViewer('accepted'),
  },
  {
    title: 'Shared with me › Pending',
    from: `scope=shared&${COLUMNS}`,
    choose: member('Pending'),
    query: sharedQuery('pending'),
    search: `scope=shared&member=pending&${COLUMNS}`,
    selected: 'Shared with me',
    pressed: 'Pending',
    belongs: sharedWithViewer('pending'),
  },
  {
    title: 'Shared with me › Rejected',
    from: `scope=shared&${COLUMNS}`,
    choose: member('Rejected'),
    query: sharedQuery('rejected'),
    search: `scope=shared&member=rejected&${COLUMNS}`,
    selected: 'Shared with me',
    pressed: 'Rejected',
    belongs: sharedWithViewer('rejected'),
  },
  {
    title: 'Marketplace',
    from: COLUMNS,
    choose: tab('Marketplace'),
    query: { __imagetype: 'market' },
    search: `scope=market&${COLUMNS}`,
    selected: 'Marketplace',
    belongs: (row, image) =>
      cellsMatch(row, image) && row.cells['Image type'] === 'Marketplace' && image.__imagetype === 'market',
  },
];

it.each(CASES)('$title: sends the common query, says so in the URL, lists only its images', async (scope) => {
  const catalogue = await suite.open({ search: scope.from });
  const before = await catalogue.rowIds();

  const call = await catalogue.expectOneListRequest(() => scope.choose(catalogue));
  expect(queryLines(call.url.searchParams)).toEqual(queryLines({ ...scope.query, ...DEFAULT_LIST_QUERY }));
  expect(catalogue.search()).toBe(scope.search);

  await catalogue.waitForRows();
  const rows = await catalogue.rows();
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.map((row) => row.id)).not.toEqual(before);
  const strays = rows
    .filter((row) => !scope.belongs(row, demoImage(row.id)))
    .map((row) => ({ id: row.id, cells: row.cells }));
  expect(strays).toEqual([]);
  // The rows are those the request answered, in its order.
  expect(rows.map((row) => row.id)).toEqual(
    (await catalogue.answeredIds(call)).slice(rows[0]?.index ?? 0, (rows.at(-1)?.index ?? 0) + 1),
  );
  await expect
    .poll(() => catalogue.rowCount.textContent())
    .toMatch(/^[\d,]+ (loaded · more available|images)$/);

  expect(await catalogue.scopeTab(scope.selected).getAttribute('aria-selected')).toBe('true');
  if (scope.pressed) {
    expect(await catalogue.memberStatusButton(scope.pressed).getAttribute('aria-pressed')).toBe('true');
  }
});
