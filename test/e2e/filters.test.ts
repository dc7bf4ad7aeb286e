// Filters of the built app in demo mode: every change is one request with exactly the documented parameters,
// shows as a chip and in the URL, and lists only matching images; chips remove, "Clear all" clears, and the
// reference's "cannot co-exist" rules disable a conflicting choice and say why.
import type { Image } from '../../src/api/imageTypes';
import { expect, it } from 'vitest';
import { DEFAULT_LIST_QUERY, queryLines, setUpCatalogueSuite, type CataloguePage } from './catalogueDriver';
import { demoImage } from './demoData';

const suite = setUpCatalogueSuite();

interface FilterStep {
  what: string;
  change: (catalogue: CataloguePage) => Promise<void>;
  /** The parameters the step adds to the list request… */
  query: Readonly<Record<string, string>>;
  /** …and to the page's URL. */
  url: Readonly<Record<string, string>>;
  chip: string;
  /** What every listed image must then satisfy. */
  holds: (image: Image) => boolean;
}

async function addTag(catalogue: CataloguePage, tag: string) {
  const input = catalogue.filter('Add a tag');
  await input.fill(tag);
  await input.press('Enter');
}

async function setCreatedDay(catalogue: CataloguePage, day: string) {
  const input = catalogue.filter('Created date');
  await input.fill(day);
  await input.press('Enter');
}

const STEPS: FilterStep[] = [
  {
    what: 'platform',
    change: (catalogue) =>
      catalogue
        .filter('Platform')
        .selectOption('CentOS')
        .then(() => undefined),
    query: { __platform: 'CentOS' },
    url: { platform: 'CentOS' },
    chip: 'Platform: CentOS',
    holds: (image) => image.__platform === 'CentOS',
  },
  {
    what: 'support flag',
    change: (catalogue) => catalogue.toggle('KVM', true),
    query: { __support_kvm: 'true' },
    url: { support: 'kvm' },
    chip: 'Support: KVM',
    holds: (image) => image.__support_kvm === 'true',
  },
  {
    what: 'OS bit',
    change: (catalogue) =>
      catalogue
        .filter('OS bit')
        .selectOption('64')
        .then(() => undefined),
    query: { __os_bit: '64' },
    url: { bit: '64' },
    chip: 'OS bit: 64-bit',
    holds: (image) => image.__os_bit === '64',
  },
  {
    what: 'tag',
    change: (catalogue) => addTag(catalogue, 'env=prod'),
    query: { tag: 'env=prod' },
    url: { tag: 'env=prod' },
    chip: 'Tag: env=prod',
    holds: (image) => image.tags.includes('env=prod'),
  },
  {
    what: 'created after',
    change: (catalogue) => setCreatedDay(catalogue, '2020-01-01'),
    query: { created_at: 'gt:2020-01-01T00:00:00Z' },
    url: { created: 'gt:2020-01-01' },
    chip: 'Created after 1 Jan 2020',
    holds: (image) => image.created_at > '2020-01-01T00:00:00Z',
  },
];

/** Chips come in the sidebar's order, whatever the order the filters were chosen in. */
const CHIP_ORDER = [
  'Platform: CentOS',
  'OS bit: 64-bit',
  'Support: KVM',
  'Tag: env=prod',
  'Created after 1 Jan 2020',
];

const ALL_STEPS_URL = 'platform=CentOS&bit=64&support=kvm&tag=env%3Dprod&created=gt:2020-01-01';

it('sends one request per filter change, with exactly the documented parameters, and lists only matches', async () => {
  const catalogue = await suite.open();
  const query: Record<string, string> = { ...DEFAULT_LIST_QUERY };
  const url: Record<string, string> = {};
  const chips: string[] = [];
  const holds: FilterStep['holds'][] = [];

  for (const step of STEPS) {
    if (step.what === 'created after') {
      // The condition alone filters nothing: no request until a day is set.
      await catalogue.expectNoApiRequest(() =>
        catalogue
          .filter('Created condition')
          .selectOption('gt')
          .then(() => undefined),
      );
      expect(queryLines(catalogue.searchParams())).toEqual(queryLines(url));
    }
    const call = await catalogue.expectOneListRequest(() => step.change(catalogue));
    Object.assign(query, step.query);
    Object.assign(url, step.url);
    chips.push(step.chip);
    chips.sort((a, b) => CHIP_ORDER.indexOf(a) - CHIP_ORDER.indexOf(b));
    holds.push(step.holds);

    expect(queryLines(call.url.searchParams), step.what).toEqual(queryLines(query));
    expect(queryLines(catalogue.searchParams()), step.what).toEqual(queryLines(url));
    expect(await catalogue.chipLabels(), step.what).toEqual(chips);

    await catalogue.waitForRows();
    const rows = await catalogue.rows();
    const strays = rows.filter((row) => !holds.every((check) => check(demoImage(row.id))));
    expect(strays, `rows that do not match after the ${step.what} step`).toEqual([]);
    for (const row of rows) {
      if (url.platform) expect(row.cells['Platform / OS']).toContain('CentOS');
      if (url.bit) expect(row.cells['Platform / OS']).toContain('64-bit');
    }
  }
  expect(catalogue.search()).toBe(ALL_STEPS_URL);

  // Every match of the combination is shown: all of them fit on screen.
  const rows = await catalogue.rows();
  expect(rows.length).toBeGreaterThan(0);
  expect(await catalogue.rowCount.textContent()).toBe(`${rows.length} image${rows.length === 1 ? '' : 's'}`);
  expect(rows.map((row) => row.id)).toEqual(await catalogue.answeredIds(catalogue.lastListCall()));
  // The sidebar shows what is applied.
  expect(await catalogue.filter('Platform').inputValue()).toBe('CentOS');
  expect(await catalogue.filter('KVM').isChecked()).toBe(true);
  expect(await catalogue.filter('OS bit').inputValue()).toBe('64');
  expect(await catalogue.filters.getByRole('list', { name: 'Selected tags' }).innerText()).toContain(
    'env=prod',
  );
  expect(await catalogue.filter('Created condition').inputValue()).toBe('gt');
  expect(await catalogue.filter('Created date').inputValue()).toBe('2020-01-01');
});

it('removes one filter with its chip and every filter with "Clear all"', async () => {
  const catalogue = await suite.open({ search: ALL_STEPS_URL });
  expect(await catalogue.chipLabels()).toEqual(CHIP_ORDER);
  const all = {
    ...DEFAULT_LIST_QUERY,
    __platform: 'CentOS',
    __os_bit: '64',
    __support_kvm: 'true',
    tag: 'env=prod',
    created_at: 'gt:2020-01-01T00:00:00Z',
  };
  expect(queryLines(catalogue.lastListCall().url.searchParams)).toEqual(queryLines(all));

  const withoutPlatform = await catalogue.expectOneListRequest(() =>
    catalogue.removeChip('Platform: CentOS').click(),
  );
  const rest = Object.fromEntries(Object.entries(all).filter(([name]) => name !== '__platform'));
  expect(queryLines(withoutPlatform.url.searchParams)).toEqual(queryLines(rest));
  expect(catalogue.search()).toBe('bit=64&support=kvm&tag=env%3Dprod&created=gt:2020-01-01');
  expect(await catalogue.chipLabels()).toEqual(CHIP_ORDER.slice(1));
  // The focus moves to the chip that took the removed one's place.
  expect(await catalogue.isFocused(catalogue.removeChip('OS bit: 64-bit'))).toBe(true);
  expect(await catalogue.filter('Platform').inputValue()).toBe('');
  await catalogue.waitForRows();
  const platforms = new Set((await catalogue.rows()).map((row) => demoImage(row.id).__platform));
  expect(platforms.size, 'other platforms than CentOS are listed again').toBeGreaterThan(1);

  const cleared = await catalogue.expectOneListRequest(() =>
    catalogue.page.getByRole('button', { name: 'Clear all' }).click(),
  );
  expect(queryLines(cleared.url.searchParams)).toEqual(queryLines(DEFAULT_LIST_QUERY));
  expect(catalogue.search()).toBe('');
  expect(await catalogue.page.getByRole('list', { name: 'Active filters' }).count()).toBe(0);
  expect(await catalogue.filter('KVM').isChecked()).toBe(false);
  expect(await catalogue.filter('OS bit').inputValue()).toBe('');
  expect(await catalogue.filters.getByRole('list', { name: 'Selected tags' }).count()).toBe(0);
  expect(await catalogue.filter('Created date').inputValue()).toBe('');
  await catalogue.waitForRows();
  expect(await catalogue.rowCount.textContent()).toBe('100 loaded · more available');
});

it('disables a support choice that cannot co-exist with a chosen one, and says why', async () => {
  const catalogue = await suite.open();
  const check = (label: string) => catalogue.filter(label);

  const kvm = await catalogue.expectOneListRequest(() => catalogue.toggle('KVM', true));
  expect(kvm.url.searchParams.get('__support_kvm')).toBe('true');
  for (const label of ['Xen HANA', 'Xen GPU type', 'KVM GPU type']) {
    expect(await check(label).isDisabled(), label).toBe(true);
    expect(await catalogue.description(check(label)), label).toBe('cannot be combined with KVM');
  }
  for (const label of ['Xen', 'Large memory', 'KVM InfiniBand', 'Arm only']) {
    expect(await check(label).isEnabled(), label).toBe(true);
  }
  // A disabled choice cannot be made, not even by a forced click.
  await catalogue.expectNoApiRequest(() => check('Xen HANA').click({ force: true }));
  expect(await check('Xen HANA').isChecked()).toBe(false);

  await catalogue.expectOneListRequest(() => catalogue.toggle('Xen', true));
  expect(await check('KVM InfiniBand').isDisabled()).toBe(true);
  expect(await catalogue.description(check('KVM InfiniBand'))).toBe('cannot be combined with Xen');

  await catalogue.expectOneListRequest(() => catalogue.toggle('KVM', false));
  // Back to the first view, still in the cache.
  await catalogue.expectNoApiRequest(() => catalogue.toggle('Xen', false));
  expect(await check('Xen HANA').isEnabled()).toBe(true);
  const hana = await catalogue.expectOneListRequest(() => catalogue.toggle('Xen HANA', true));
  expect(queryLines(hana.url.searchParams)).toEqual(
    queryLines({ ...DEFAULT_LIST_QUERY, __support_xen_hana: 'true' }),
  );
  for (const label of ['KVM', 'Xen']) {
    expect(await check(label).isDisabled(), label).toBe(true);
    expect(await catalogue.description(check(label)), label).toBe('cannot be combined with Xen HANA');
  }
  expect(await check('KVM InfiniBand').isEnabled()).toBe(true);
  expect(catalogue.search()).toBe('support=xenhana');
});

it('keeps the first of two flags a link combines against the rules, and says which it dropped', async () => {
  const catalogue = await suite.open({ search: 'support=kvm,xenhana' });
  const notice = catalogue.page.getByRole('status').filter({ hasText: 'could not be used' });
  expect(await notice.innerText()).toContain(
    'Ignored the support flag "xenhana": cannot be combined with KVM.',
  );
  await expect.poll(() => catalogue.search()).toBe('support=kvm');
  expect(catalogue.listCalls().map((call) => call.url.searchParams.get('__support_xen_hana'))).toEqual([
    null,
  ]);
  expect(catalogue.lastListCall().url.searchParams.get('__support_kvm')).toBe('true');
  expect(await catalogue.filter('Xen HANA').isDisabled()).toBe(true);
});
