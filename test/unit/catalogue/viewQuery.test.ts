import { hashKey } from '@tanstack/react-query';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageQueryString } from '../../../src/api/imageQuery';
import {
  MEMBER_STATUSES,
  SENT_QUERY_PARAMETERS,
  SORT_DIRS,
  SORT_KEYS,
  SUPPORT_FLAGS,
  type ImageListQuery,
  type MemberStatus,
} from '../../../src/api/imageTypes';
import { PAGE_SIZE, scopeQuery, viewToQuery } from '../../../src/features/catalogue/viewQuery';
import {
  DEFAULT_VIEW,
  SCOPES,
  formatViewSearch,
  normalizeView,
  parseViewSearch,
  type ImageFilters,
  type Scope,
  type ViewState,
} from '../../../src/features/catalogue/viewState';
import { hostileSearchArb, viewArb } from './viewArbitraries';

type ViewOverrides = Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<ImageFilters> };

function view(overrides: ViewOverrides = {}): ViewState {
  return { ...DEFAULT_VIEW, ...overrides, filters: { ...DEFAULT_VIEW.filters, ...overrides.filters } };
}

/** What every view asks for besides its scope and facets. */
const PAGING = {
  sort_key: 'created_at',
  sort_dir: 'desc',
  limit: PAGE_SIZE,
} as const satisfies ImageListQuery;

/** Name/value pairs of a query string, sorted, so that two strings compare by meaning, not order. */
function pairsOf(search: string): string[][] {
  return [...new URLSearchParams(search)]
    .map(([name, value]) => [name, value])
    .sort((a, b) => String(a).localeCompare(String(b)));
}

/** The reference's "common query methods" (README of the reference, copied as published). */
const COMMON_QUERIES: readonly (readonly [Scope, MemberStatus, string])[] = [
  ['public', 'accepted', '__imagetype=gold&visibility=public&protected=true'],
  ['private', 'accepted', '__imagetype=private&protected=false'],
  ['shared', 'accepted', 'member_status=accepted&visibility=shared&__imagetype=shared'],
  ['shared', 'rejected', 'member_status=rejected&visibility=shared&__imagetype=shared'],
  ['shared', 'pending', 'member_status=pending&visibility=shared&__imagetype=shared'],
  ['market', 'accepted', '__imagetype=market'],
  ['all', 'accepted', ''],
];

/** The reference's "cannot co-exist" rules, by API property. */
const CANNOT_COEXIST: readonly (readonly [string, readonly string[]])[] = [
  ['__support_xen_gpu_type', ['__support_xen', '__support_kvm']],
  ['__support_kvm_gpu_type', ['__support_xen', '__support_kvm']],
  ['__support_xen_hana', ['__support_xen', '__support_kvm']],
  ['__support_kvm_infiniband', ['__support_xen']],
];

function expectSendable(query: ImageListQuery): void {
  for (const [name, value] of Object.entries(query)) {
    expect(SENT_QUERY_PARAMETERS as readonly string[]).toContain(name);
    expect(value).not.toBeUndefined();
    expect(value).not.toBe('');
  }
  const search = imageQueryString(query);
  for (const [name, value] of new URLSearchParams(search)) {
    expect(SENT_QUERY_PARAMETERS as readonly string[]).toContain(name);
    expect(value).not.toBe('');
  }
  for (const [first, others] of CANNOT_COEXIST) {
    if (first in query) for (const other of others) expect(query).not.toHaveProperty(other);
  }
}

describe('PAGE_SIZE', () => {
  it('is a whole page Glance will serve (1 to 1000)', () => {
    expect(Number.isInteger(PAGE_SIZE)).toBe(true);
    expect(PAGE_SIZE).toBeGreaterThanOrEqual(1);
    expect(PAGE_SIZE).toBeLessThanOrEqual(1000);
  });
});

describe('scopeQuery and viewToQuery: the reference common queries', () => {
  it('the table covers every scope and every member status of the shared scope', () => {
    expect(new Set(COMMON_QUERIES.map(([scope]) => scope))).toEqual(new Set(SCOPES));
    const shared = COMMON_QUERIES.filter(([scope]) => scope === 'shared').map(([, member]) => member);
    expect(new Set(shared)).toEqual(new Set(MEMBER_STATUSES));
  });

  it.each(COMMON_QUERIES)('%s (%s) asks exactly %j', (scope, memberStatus, reference) => {
    expect(pairsOf(imageQueryString(scopeQuery(scope, memberStatus)))).toEqual(pairsOf(reference));
    const query = viewToQuery(view({ scope, memberStatus }));
    expect(pairsOf(imageQueryString(query))).toEqual(
      pairsOf(`${reference}&sort_key=created_at&sort_dir=desc&limit=${PAGE_SIZE}`),
    );
  });

  it.each([
    ['all', {}],
    ['public', { __imagetype: 'gold', visibility: 'public', protected: true }],
    ['private', { __imagetype: 'private', protected: false }],
    ['market', { __imagetype: 'market' }],
  ] satisfies [Scope, ImageListQuery][])(
    'the %s scope is %j, whatever the member status',
    (scope, expected) => {
      for (const memberStatus of MEMBER_STATUSES) {
        expect(scopeQuery(scope, memberStatus)).toStrictEqual(expected);
        expect(viewToQuery(view({ scope, memberStatus }))).toStrictEqual({ ...expected, ...PAGING });
      }
    },
  );

  it.each(MEMBER_STATUSES)('the shared scope with %s images', (memberStatus) => {
    expect(viewToQuery(view({ scope: 'shared', memberStatus }))).toStrictEqual({
      member_status: memberStatus,
      visibility: 'shared',
      __imagetype: 'shared',
      ...PAGING,
    });
  });

  it('the default view asks for the newest images, one page at a time', () => {
    expect(viewToQuery(DEFAULT_VIEW)).toStrictEqual(PAGING);
    expect(imageQueryString(viewToQuery(DEFAULT_VIEW))).toBe(
      `limit=${PAGE_SIZE}&sort_key=created_at&sort_dir=desc`,
    );
  });
});

describe('viewToQuery: one documented parameter per facet', () => {
  it.each([
    [{ platform: 'Red Hat' }, { __platform: 'Red Hat' }, '__platform=Red%20Hat'],
    [{ osType: 'Windows' }, { __os_type: 'Windows' }, '__os_type=Windows'],
    [{ osBit: '32' }, { __os_bit: '32' }, '__os_bit=32'],
    [{ xenGpuType: 'M60_vGPU' }, { __support_xen_gpu_type: 'M60_vGPU' }, '__support_xen_gpu_type=M60_vGPU'],
    [{ kvmGpuType: 'V100' }, { __support_kvm_gpu_type: 'V100' }, '__support_kvm_gpu_type=V100'],
    [{ status: 'active' }, { status: 'active' }, 'status=active'],
    [{ diskFormat: 'qcow2' }, { disk_format: 'qcow2' }, 'disk_format=qcow2'],
    [{ containerFormat: 'bare' }, { container_format: 'bare' }, 'container_format=bare'],
    [{ envType: 'Ironic' }, { virtual_env_type: 'Ironic' }, 'virtual_env_type=Ironic'],
    [{ arm: true }, { __support_arm: true }, '__support_arm=true'],
    [{ tags: ['prod'] }, { tag: ['prod'] }, 'tag=prod'],
    [{ tags: ['a=b', 'prod', 'web'] }, { tag: ['a=b', 'prod', 'web'] }, 'tag=a%3Db&tag=prod&tag=web'],
    [{ name: 'CentOS 7.3' }, { name: 'CentOS 7.3' }, 'name=CentOS%207.3'],
    [{ owner: 'abc123' }, { owner: 'abc123' }, 'owner=abc123'],
    [{ minRam: 0 }, { min_ram: 0 }, 'min_ram=0'],
    [{ minRam: 2048 }, { min_ram: 2048 }, 'min_ram=2048'],
    [{ minDisk: 0 }, { min_disk: 0 }, 'min_disk=0'],
    [{ minDisk: 40 }, { min_disk: 40 }, 'min_disk=40'],
    [
      { created: { op: 'gt', value: '2024-01-01T00:00:00Z' } },
      { created_at: { op: 'gt', value: '2024-01-01T00:00:00Z' } },
      'created_at=gt:2024-01-01T00:00:00Z',
    ],
    [
      { updated: { op: 'lt', value: '2018-10-28T10:00:00Z' } },
      { updated_at: { op: 'lt', value: '2018-10-28T10:00:00Z' } },
      'updated_at=lt:2018-10-28T10:00:00Z',
    ],
  ] satisfies [Partial<ImageFilters>, ImageListQuery, string][])('%j → %j', (filters, expected, written) => {
    const query = viewToQuery(view({ filters }));
    expect(query).toStrictEqual({ ...expected, ...PAGING });
    expect(imageQueryString(query)).toContain(written);
  });

  it.each(SUPPORT_FLAGS)('the %s flag → %s=true', (flag) => {
    const query = viewToQuery(view({ filters: { flags: [flag] } }));
    expect(query).toStrictEqual({ [flag]: true, ...PAGING });
    expect(imageQueryString(query)).toContain(`${flag}=true`);
  });

  it('several compatible flags each ask for true', () => {
    const flags = ['__support_kvm', '__support_largememory', '__support_kvm_infiniband'] as const;
    expect(viewToQuery(view({ filters: { flags: [...flags] } }))).toStrictEqual({
      __support_kvm: true,
      __support_largememory: true,
      __support_kvm_infiniband: true,
      ...PAGING,
    });
  });

  it.each(SORT_KEYS.flatMap((key) => SORT_DIRS.map((dir) => [key, dir] as const)))(
    'sort %s %s → sort_key/sort_dir',
    (key, dir) => {
      const query = viewToQuery(view({ sort: { key, dir } }));
      expect(query).toStrictEqual({ sort_key: key, sort_dir: dir, limit: PAGE_SIZE });
      expect(imageQueryString(query)).toBe(`limit=${PAGE_SIZE}&sort_key=${key}&sort_dir=${dir}`);
    },
  );

  it('leaves the columns and the open image out of the server query', () => {
    expect(viewToQuery(view({ columns: ['name', 'id'], image: 'img-1' }))).toStrictEqual(PAGING);
  });

  it('writes a full view as one request', () => {
    const full = view({
      scope: 'private',
      filters: {
        platform: 'Ubuntu',
        osType: 'Linux',
        osBit: '64',
        flags: ['__support_kvm', '__support_highperformance'],
        kvmGpuType: undefined,
        status: 'active',
        diskFormat: 'zvhd2',
        containerFormat: 'bare',
        envType: 'FusionCompute',
        arm: true,
        tags: ['prod', 'web'],
        name: 'web',
        owner: 'o-1',
        minRam: 1024,
        minDisk: 40,
        created: { op: 'gte', value: '2024-01-01T00:00:00Z' },
        updated: { op: 'lt', value: '2024-06-30T12:00:00Z' },
      },
      sort: { key: 'name', dir: 'asc' },
    });
    expect(imageQueryString(viewToQuery(full))).toBe(
      '__imagetype=private&protected=false&owner=o-1&status=active&name=web&container_format=bare' +
        '&disk_format=zvhd2&min_ram=1024&min_disk=40&__os_bit=64&__platform=Ubuntu&limit=100' +
        '&sort_key=name&sort_dir=asc&__os_type=Linux&tag=prod&tag=web&__support_kvm=true' +
        '&__support_highperformance=true&created_at=gte:2024-01-01T00:00:00Z' +
        '&updated_at=lt:2024-06-30T12:00:00Z&virtual_env_type=FusionCompute&__support_arm=true',
    );
  });
});

describe('viewToQuery: cache keys', () => {
  /** The same view, written differently: explicit undefined members, keys in another order, fresh arrays. */
  function rewritten(v: ViewState): ViewState {
    const filters = Object.fromEntries(
      Object.entries({
        platform: undefined,
        osType: undefined,
        osBit: undefined,
        xenGpuType: undefined,
        kvmGpuType: undefined,
        status: undefined,
        diskFormat: undefined,
        containerFormat: undefined,
        envType: undefined,
        arm: undefined,
        name: undefined,
        owner: undefined,
        minRam: undefined,
        minDisk: undefined,
        created: undefined,
        updated: undefined,
        ...v.filters,
        flags: [...v.filters.flags],
        tags: [...v.filters.tags],
      }).reverse(),
    ) as unknown as ImageFilters;
    return {
      image: v.image,
      columns: v.columns && [...v.columns],
      sort: { ...v.sort },
      filters,
      memberStatus: v.memberStatus,
      scope: v.scope,
    };
  }

  it('has no undefined member and only parameters the API builder sends', () => {
    fc.assert(
      fc.property(viewArb.map(normalizeView), (v) => {
        const query = viewToQuery(v);
        expect(Object.values(query)).not.toContain(undefined);
        expectSendable(query);
        expect(query.limit).toBe(PAGE_SIZE);
      }),
      { numRuns: 300 },
    );
  });

  it('equal views give strictly equal queries, so equal React Query keys', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const copy = rewritten(v);
        expect(copy).toEqual(v);
        expect(viewToQuery(copy)).toStrictEqual(viewToQuery(v));
        expect(hashKey([viewToQuery(copy)])).toBe(hashKey([viewToQuery(v)]));
      }),
      { numRuns: 300 },
    );
  });

  it('views that differ in what the server is asked give different keys', () => {
    const base = viewToQuery(DEFAULT_VIEW);
    for (const other of [
      view({ scope: 'public' }),
      view({ scope: 'shared', memberStatus: 'pending' }),
      view({ filters: { tags: ['prod'] } }),
      view({ filters: { minRam: 0 } }),
      view({ filters: { arm: true } }),
      view({ sort: { key: 'created_at', dir: 'asc' } }),
    ]) {
      expect(hashKey([viewToQuery(other)])).not.toBe(hashKey([base]));
    }
  });

  it('a view asks the same after a trip through its URL (a reload hits the same cache entry)', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        expect(viewToQuery(parseViewSearch(formatViewSearch(v)).view)).toStrictEqual(
          viewToQuery(normalizeView(v)),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('viewToQuery of any parsed URL', () => {
  it('only ever holds parameters the API builder accepts, none empty, none conflicting', () => {
    fc.assert(
      fc.property(hostileSearchArb, (search) => {
        const query = viewToQuery(parseViewSearch(search).view);
        expect(Object.values(query)).not.toContain(undefined);
        expectSendable(query);
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    'scope=shared&member=pending&__imagetype=gold&visibility=public&limit=5&marker=x&sort_key=size',
    'support=kvm,xen,xenhana,infiniband&xengpu=M60&kvmgpu=V100',
    'minram=-1&mindisk=1.5&created=lt:2024-02-30&updated=yesterday&tag=&tag=%20&name=&owner=%20',
    '__proto__=1&constructor=2&toString=3&scope=__proto__&support=constructor',
  ])('%s', (search) => {
    const query = viewToQuery(parseViewSearch(search).view);
    expectSendable(query);
    expect(query).not.toHaveProperty('marker');
  });
});
