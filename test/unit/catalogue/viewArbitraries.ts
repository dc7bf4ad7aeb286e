// fast-check arbitraries of catalogue views, shared by the viewState and viewQuery tests.
import fc from 'fast-check';
import {
  DATE_OPERATORS,
  DISK_FORMATS,
  IMAGE_STATUSES,
  MEMBER_STATUSES,
  OS_BITS,
  OS_TYPES,
  PLATFORMS,
  SORT_DIRS,
  SORT_KEYS,
  SUPPORT_FLAGS,
  VIRTUAL_ENV_TYPES,
  type DateFilter,
} from '../../../src/api/imageTypes';
import {
  COLUMN_IDS,
  SCOPES,
  type ImageFilters,
  type ViewState,
} from '../../../src/features/catalogue/viewState';

/** The URL parameters of a view, in their canonical order (the spec, written out independently of the source). */
export const URL_PARAMETERS = [
  'scope',
  'member',
  'platform',
  'os',
  'bit',
  'support',
  'xengpu',
  'kvmgpu',
  'status',
  'disk',
  'container',
  'env',
  'arch',
  'tag',
  'name',
  'owner',
  'minram',
  'mindisk',
  'created',
  'updated',
  'sort',
  'cols',
  'image',
] as const;

/** Characters that mean something in a query string, in a URL or in the view's own list syntax. */
const AWKWARD_PIECES = [
  '&',
  '=',
  '#',
  '+',
  ',',
  ':',
  '%',
  '%2C',
  '%3A',
  '%20',
  '?',
  '/',
  ';',
  ' ',
  '"',
  "'",
  '\\',
  '\u0000',
  '\n',
  'é',
  '日本',
  '😀',
  'a=b',
  'key.value',
];

/**
 * A user-typed text value as the sidebar keeps it: any Unicode (no lone surrogates, which a URL cannot
 * carry) with plenty of query-string syntax, trimmed and not empty.
 */
export const textArb: fc.Arbitrary<string> = fc
  .string({
    unit: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...AWKWARD_PIECES) },
      { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
      { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
    ),
    minLength: 1,
    maxLength: 12,
  })
  .map((text) => text.trim())
  .filter((text) => text !== '');

const FIRST_SECOND = Date.parse('0001-01-01T00:00:00Z') / 1000;
const LAST_SECOND = Date.parse('9999-12-31T23:59:59Z') / 1000;

/** `yyyy-MM-ddThh:mm:ssZ`, the API's format, at a whole second. */
export const utcSecondArb: fc.Arbitrary<string> = fc
  .integer({ min: FIRST_SECOND, max: LAST_SECOND })
  .map((second) => new Date(second * 1000).toISOString().replace(/\.000Z$/, 'Z'));

/** A midnight, which the URL writes as the bare date. */
export const utcMidnightArb: fc.Arbitrary<string> = fc
  .integer({ min: FIRST_SECOND / 86_400, max: Math.floor(LAST_SECOND / 86_400) })
  .map((day) => new Date(day * 86_400_000).toISOString().replace(/\.000Z$/, 'Z'));

/** Views are plain objects, as JSON and React state make them (fast-check would also try null prototypes). */
const PLAIN = { noNullPrototype: true } as const;

export const dateFilterArb: fc.Arbitrary<DateFilter> = fc.record(
  { op: fc.constantFrom(...DATE_OPERATORS), value: fc.oneof(utcSecondArb, utcMidnightArb) },
  PLAIN,
);

const gpuTypeArb = fc.oneof(fc.constantFrom('M60_vGPU', 'V100', 'T4', 'P100'), textArb);

/** Any valid filters: flags in any order and possibly conflicting, tags unsorted and repeated. */
export const filtersArb: fc.Arbitrary<ImageFilters> = fc.record(
  {
    platform: fc.constantFrom(...PLATFORMS),
    osType: fc.constantFrom(...OS_TYPES),
    osBit: fc.constantFrom(...OS_BITS),
    flags: fc.shuffledSubarray([...SUPPORT_FLAGS]),
    xenGpuType: gpuTypeArb,
    kvmGpuType: gpuTypeArb,
    status: fc.constantFrom(...IMAGE_STATUSES),
    diskFormat: fc.constantFrom(...DISK_FORMATS),
    containerFormat: fc.oneof(fc.constantFrom('bare', 'ovf'), textArb),
    envType: fc.constantFrom(...VIRTUAL_ENV_TYPES),
    arm: fc.constant(true as const),
    tags: fc.array(fc.oneof(fc.constantFrom('prod', 'web', 'a=b'), textArb), { maxLength: 5 }),
    name: textArb,
    owner: fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), textArb),
    minRam: fc.oneof(fc.constantFrom(0, 512, 2048), fc.integer({ min: 0, max: 999_999_999 })),
    minDisk: fc.oneof(fc.constantFrom(0, 40, 1024), fc.integer({ min: 0, max: 999_999_999 })),
    created: dateFilterArb,
    updated: dateFilterArb,
  },
  { requiredKeys: ['flags', 'tags'], ...PLAIN },
);

/** Any valid view, not necessarily in its canonical form (see normalizeView): columns in any order, even none. */
export const viewArb: fc.Arbitrary<ViewState> = fc.record(
  {
    scope: fc.constantFrom(...SCOPES),
    memberStatus: fc.constantFrom(...MEMBER_STATUSES),
    filters: filtersArb,
    sort: fc.record({ key: fc.constantFrom(...SORT_KEYS), dir: fc.constantFrom(...SORT_DIRS) }, PLAIN),
    columns: fc.option(fc.shuffledSubarray([...COLUMN_IDS]), { nil: undefined }),
    image: fc.option(fc.oneof(fc.uuid(), textArb), { nil: undefined }),
  },
  PLAIN,
);

/** Query strings a person, a stale bookmark or an attacker might produce: known and unknown names, odd values. */
export const hostileSearchArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(
      '&',
      '=',
      '%',
      '+',
      ',',
      ':',
      '?',
      '#',
      'a',
      '2',
      'C',
      ' ',
      'scope',
      'support',
      'tag',
    ),
    maxLength: 30,
  }),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...URL_PARAMETERS), textArb, fc.constant('')),
        fc.oneof(
          fc.constantFrom(
            '',
            ' ',
            'shared',
            'pending',
            'CentOS',
            'kvm,xen,xenhana,infiniband',
            'xenhana,kvm',
            'gt:2024-01-01',
            'lt:2024-02-30',
            '-1',
            '1.5',
            '007',
            'name:asc',
            'size:sideways',
            'name,id,bogus',
            'arm',
            '%E0%A4%A',
            '__proto__',
            'constructor',
          ),
          textArb,
        ),
        fc.boolean(),
      ),
      { maxLength: 8 },
    )
    .map((pairs) =>
      pairs
        .map(([name, value, encoded]) =>
          encoded ? `${encodeURIComponent(name)}=${encodeURIComponent(value)}` : `${name}=${value}`,
        )
        .join('&'),
    ),
);
