import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
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
  type SupportFlag,
} from '../../../src/api/imageTypes';
import {
  COLUMN_IDS,
  DEFAULT_VIEW,
  FLAG_LABELS,
  FLAG_URL_NAMES,
  SCOPES,
  flagConflict,
  formatDateCondition,
  formatViewSearch,
  normalizeView,
  parseDateCondition,
  parseViewSearch,
  type FlagKey,
  type ImageFilters,
  type ViewState,
} from '../../../src/features/catalogue/viewState';
import {
  URL_PARAMETERS,
  dateFilterArb,
  hostileSearchArb,
  textArb,
  utcMidnightArb,
  utcSecondArb,
  viewArb,
} from './viewArbitraries';

type ViewOverrides = Partial<Omit<ViewState, 'filters'>> & { filters?: Partial<ImageFilters> };

/** The default view with some fields changed. */
function view(overrides: ViewOverrides = {}): ViewState {
  return { ...DEFAULT_VIEW, ...overrides, filters: { ...DEFAULT_VIEW.filters, ...overrides.filters } };
}

/** Every flag key that a set of filters has chosen. */
function chosenKeys(filters: ImageFilters): FlagKey[] {
  const keys: FlagKey[] = [...filters.flags];
  if (filters.xenGpuType) keys.push('xenGpuType');
  if (filters.kvmGpuType) keys.push('kvmGpuType');
  return keys;
}

/** Filters with exactly these flag keys chosen. */
function filtersWith(...keys: FlagKey[]): ImageFilters {
  const filters: ImageFilters = { flags: [], tags: [] };
  for (const key of keys) {
    if (key === 'xenGpuType') filters.xenGpuType = 'M60_vGPU';
    else if (key === 'kvmGpuType') filters.kvmGpuType = 'V100';
    else filters.flags.push(key);
  }
  return filters;
}

const ALL_FLAG_KEYS: readonly FlagKey[] = [...SUPPORT_FLAGS, 'xenGpuType', 'kvmGpuType'];

/** The API property each flag key filters on. */
const API_NAME: Readonly<Record<FlagKey, string>> = {
  __support_kvm: '__support_kvm',
  __support_xen: '__support_xen',
  __support_largememory: '__support_largememory',
  __support_diskintensive: '__support_diskintensive',
  __support_highperformance: '__support_highperformance',
  __support_xen_hana: '__support_xen_hana',
  __support_kvm_infiniband: '__support_kvm_infiniband',
  xenGpuType: '__support_xen_gpu_type',
  kvmGpuType: '__support_kvm_gpu_type',
};

/** The reference's "This attribute cannot co-exist with …" sentences, word for word. */
const CANNOT_COEXIST: readonly (readonly [string, readonly string[]])[] = [
  ['__support_xen_gpu_type', ['__support_xen', '__support_kvm']],
  ['__support_kvm_gpu_type', ['__support_xen', '__support_kvm']],
  ['__support_xen_hana', ['__support_xen', '__support_kvm']],
  ['__support_kvm_infiniband', ['__support_xen']],
];

function documentedConflict(a: FlagKey, b: FlagKey): boolean {
  return CANNOT_COEXIST.some(
    ([first, others]) =>
      (API_NAME[a] === first && others.includes(API_NAME[b])) ||
      (API_NAME[b] === first && others.includes(API_NAME[a])),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The parameter names of a query string, in order (a repeated parameter appears each time). */
function namesOf(search: string): string[] {
  return [...new URLSearchParams(search).keys()];
}

/** Views as the app writes them: useViewState formats normalizeView(view). */
const canonicalViewArb = viewArb.map(normalizeView);

describe('formatViewSearch ⇄ parseViewSearch: round trips', () => {
  it('the default view is the empty query string, and back', () => {
    expect(formatViewSearch(DEFAULT_VIEW)).toBe('');
    expect(parseViewSearch('')).toEqual({ view: DEFAULT_VIEW, notices: [] });
    expect(parseViewSearch('?')).toEqual({ view: DEFAULT_VIEW, notices: [] });
  });

  it('writes a full view readably, in canonical order', () => {
    const full = view({
      scope: 'shared',
      memberStatus: 'pending',
      filters: {
        platform: 'Red Hat',
        osType: 'Linux',
        osBit: '64',
        flags: ['__support_kvm', '__support_largememory', '__support_kvm_infiniband'],
        status: 'active',
        diskFormat: 'zvhd2',
        containerFormat: 'bare',
        envType: 'FusionCompute',
        tags: ['a=b', 'prod'],
        name: 'CentOS 7.3 64bit',
        owner: '1bed856811654c1cb661a6ca845ebc77',
        minRam: 0,
        minDisk: 40,
        created: { op: 'gt', value: '2024-01-01T00:00:00Z' },
        updated: { op: 'lt', value: '2018-10-28T10:00:00Z' },
      },
      sort: { key: 'name', dir: 'asc' },
      columns: ['name', 'created', 'id'],
      image: 'bc6bed6e-ba3a-4447-afcc-449174a3eb52',
    });
    const search = formatViewSearch(full);
    expect(search).toBe(
      'scope=shared&member=pending&platform=Red+Hat&os=Linux&bit=64&support=kvm,largememory,infiniband' +
        '&status=active&disk=zvhd2&container=bare&env=FusionCompute&tag=a%3Db&tag=prod' +
        '&name=CentOS+7.3+64bit&owner=1bed856811654c1cb661a6ca845ebc77&minram=0&mindisk=40' +
        '&created=gt:2024-01-01&updated=lt:2018-10-28T10:00:00Z&sort=name:asc&cols=name,created,id' +
        '&image=bc6bed6e-ba3a-4447-afcc-449174a3eb52',
    );
    expect(parseViewSearch(search)).toEqual({ view: full, notices: [] });
  });

  it('writes the GPU types and reads them back', () => {
    const gpu = view({
      filters: { xenGpuType: 'M60_vGPU', kvmGpuType: 'V100', flags: ['__support_xen_hana'] },
    });
    expect(formatViewSearch(gpu)).toBe('support=xenhana&xengpu=M60_vGPU&kvmgpu=V100');
    expect(parseViewSearch(formatViewSearch(gpu))).toEqual({ view: gpu, notices: [] });
  });

  it('keeps the Arm filter through the URL (arch=arm)', () => {
    const arm = view({ filters: { arm: true } });
    expect(formatViewSearch(arm)).toBe('arch=arm');
    expect(parseViewSearch('arch=arm')).toEqual({ view: arm, notices: [] });
  });

  it('a view comes back from its URL as its canonical form', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        expect(parseViewSearch(formatViewSearch(v)).view).toEqual(normalizeView(v));
      }),
      { numRuns: 500 },
    );
  });

  it('a canonical view comes back from its URL unchanged, with no notice', () => {
    fc.assert(
      fc.property(canonicalViewArb, (v) => {
        expect(parseViewSearch(formatViewSearch(v))).toEqual({ view: v, notices: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('formatViewSearch is idempotent through parseViewSearch', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const canonical = formatViewSearch(normalizeView(v));
        expect(formatViewSearch(parseViewSearch(canonical).view)).toBe(canonical);
        expect(formatViewSearch(parseViewSearch(formatViewSearch(v)).view)).toBe(canonical);
      }),
      { numRuns: 500 },
    );
  });

  it('two views with the same canonical form have the same URL', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const reordered: ViewState = {
          ...v,
          columns: v.columns && [...v.columns].reverse(),
          filters: {
            ...v.filters,
            flags: [...v.filters.flags].reverse(),
            tags: [...v.filters.tags].reverse(),
          },
        };
        expect(formatViewSearch(normalizeView(reordered))).toBe(formatViewSearch(normalizeView(v)));
      }),
    );
  });

  it('writes only known parameters, in canonical order, only tag repeated', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const names = namesOf(formatViewSearch(v));
        const positions = names.map((name) => (URL_PARAMETERS as readonly string[]).indexOf(name));
        expect(positions.every((position) => position >= 0)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        const repeated = names.filter((name, index) => names.indexOf(name) !== index);
        expect(repeated.every((name) => name === 'tag')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never writes an empty parameter, list item or default', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const search = formatViewSearch(v);
        if (search === '') return;
        for (const part of search.split('&')) expect(part).toMatch(/^[a-z]+=[^=&]+$/);
        const params = new URLSearchParams(search);
        for (const [name, value] of params) {
          expect(value.trim()).not.toBe('');
          if (name === 'support' || name === 'cols') expect(value.split(',')).not.toContain('');
        }
        expect(params.get('scope')).not.toBe('all');
        expect(params.get('member')).not.toBe('accepted');
        expect(params.get('sort')).not.toBe('created_at:desc');
        if (v.scope !== 'shared') expect(params.has('member')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a midnight date as the bare date and any other time in full', () => {
    fc.assert(
      fc.property(fc.constantFrom('created', 'updated'), dateFilterArb, (param, condition) => {
        const filters = param === 'created' ? { created: condition } : { updated: condition };
        const written = new URLSearchParams(formatViewSearch(view({ filters }))).get(param);
        const midnight = condition.value.endsWith('T00:00:00Z');
        expect(written).toBe(`${condition.op}:${midnight ? condition.value.slice(0, 10) : condition.value}`);
      }),
    );
  });
});

describe('normalizeView', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const once = normalizeView(v);
        expect(normalizeView(once)).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });

  it('never leaves conflicting flags, and drops a flag only for a conflict', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const { filters } = normalizeView(v);
        for (const key of chosenKeys(filters)) expect(flagConflict(filters, key)).toBeUndefined();
        for (const flag of v.filters.flags) {
          if (!filters.flags.includes(flag)) expect(flagConflict(filters, flag)).toBeDefined();
        }
      }),
      { numRuns: 500 },
    );
  });

  it('orders flags as documented, sorts tags once each, and keeps the member status for shared only', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const normal = normalizeView(v);
        expect(normal.filters.flags).toEqual(
          SUPPORT_FLAGS.filter((flag) => normal.filters.flags.includes(flag)),
        );
        expect(normal.filters.tags).toEqual([...new Set(v.filters.tags)].sort());
        expect(normal.memberStatus).toBe(v.scope === 'shared' ? v.memberStatus : 'accepted');
      }),
    );
  });

  it('puts the chosen columns in their fixed order, and no column at all means the default columns', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const { columns } = normalizeView(v);
        if (!v.columns || v.columns.length === 0) expect(columns).toBeUndefined();
        else expect(columns).toEqual(COLUMN_IDS.filter((column) => v.columns?.includes(column)));
      }),
    );
    expect(normalizeView(view({ columns: [] })).columns).toBeUndefined();
    expect(normalizeView(view({ columns: ['id', 'name', 'id'] })).columns).toEqual(['name', 'id']);
  });

  it('writes a messy view, once normalized, as the canonical URL', () => {
    const messy = view({
      scope: 'public',
      memberStatus: 'rejected',
      filters: {
        flags: ['__support_largememory', '__support_kvm', '__support_xen_hana'],
        tags: ['web', 'prod', 'web'],
      },
      columns: ['id', 'name'],
    });
    expect(formatViewSearch(normalizeView(messy))).toBe(
      'scope=public&support=kvm,largememory&tag=prod&tag=web&cols=name,id',
    );
  });

  it('changes nothing else', () => {
    fc.assert(
      fc.property(viewArb, (v) => {
        const normal = normalizeView(v);
        const rest = (x: ViewState) => ({
          ...x,
          memberStatus: undefined,
          columns: undefined,
          filters: { ...x.filters, flags: undefined, tags: undefined },
        });
        expect(rest(normal)).toEqual(rest(v));
      }),
    );
  });

  it.each([
    [['__support_kvm', '__support_xen_hana'], {}, ['__support_kvm']],
    [['__support_xen_hana', '__support_kvm'], {}, ['__support_kvm']],
    [['__support_xen', '__support_kvm_infiniband'], {}, ['__support_xen']],
    [['__support_kvm', '__support_xen', '__support_kvm_infiniband'], {}, ['__support_kvm', '__support_xen']],
    [['__support_kvm', '__support_kvm_infiniband'], {}, ['__support_kvm', '__support_kvm_infiniband']],
    [['__support_kvm', '__support_largememory'], { xenGpuType: 'M60_vGPU' }, ['__support_largememory']],
    [['__support_xen', '__support_kvm_infiniband'], { kvmGpuType: 'V100' }, ['__support_kvm_infiniband']],
    [
      ['__support_xen_hana', '__support_highperformance'],
      {},
      ['__support_highperformance', '__support_xen_hana'],
    ],
  ] satisfies [SupportFlag[], Partial<ImageFilters>, SupportFlag[]][])(
    'flags %j with %j keep %j (earlier documented flag and GPU types win)',
    (flags, gpu, kept) => {
      const normal = normalizeView(view({ filters: { flags, ...gpu } }));
      expect(normal.filters).toEqual({ flags: kept, tags: [], ...gpu });
    },
  );
});

describe('parseViewSearch: hostile and invalid URLs', () => {
  const BASE = 'name=web&tag=prod&image=img-1';
  const baseView = view({ filters: { name: 'web', tags: ['prod'] }, image: 'img-1' });

  /** What is read besides BASE, and the notices, in order. */
  const CASES: readonly (readonly [string, ViewOverrides, readonly RegExp[]])[] = [
    ['foo=bar', {}, [/unknown parameter "foo"/]],
    ['foo=1&foo=2', {}, [/unknown parameter "foo"/]],
    ['Scope=public', {}, [/unknown parameter "Scope"/]],
    ['__imagetype=gold', {}, [/unknown parameter "__imagetype"/]],
    ['=orphan', {}, [/unknown parameter ""/]],
    ['scope=gold', {}, [/scope "gold"/]],
    ['scope=', {}, []],
    ['platform=ubuntu', {}, [/platform "ubuntu"/]],
    ['platform=Windows%2011', {}, [/platform "Windows 11"/]],
    ['os=macOS', {}, [/OS type "macOS"/]],
    ['bit=16', {}, [/OS bit "16"/]],
    ['status=pending_delete', {}, [/status "pending_delete"/]],
    ['disk=vmdk', {}, [/disk format "vmdk"/]],
    ['env=Docker', {}, [/environment "Docker"/]],
    ['arch=x86', {}, [/architecture "x86"/]],
    ['sort=size:up', {}, [/sort "size:up"/]],
    ['sort=checksum:asc', {}, [/sort "checksum:asc"/]],
    ['sort=:desc', {}, [/sort ":desc"/]],
    ['sort=name', { sort: { key: 'name', dir: 'asc' } }, []],
    ['minram=-1', {}, [/min RAM "-1"/]],
    ['minram=1.5', {}, [/min RAM "1.5"/]],
    ['minram=1e3', {}, [/min RAM "1e3"/]],
    ['minram=0x10', {}, [/min RAM "0x10"/]],
    ['minram=%2B5', {}, [/min RAM "\+5"/]],
    ['minram=007', { filters: { minRam: 7 } }, []],
    ['mindisk=-40', {}, [/min disk "-40"/]],
    ['mindisk=forty', {}, [/min disk "forty"/]],
    ['created=gt:2024-13-01', {}, [/created date "gt:2024-13-01"/]],
    ['created=2024-01-01', {}, [/created date "2024-01-01"/]],
    ['updated=after:2024-01-01', {}, [/updated date "after:2024-01-01"/]],
    ['updated=gt:2024-02-30', {}, [/updated date "gt:2024-02-30"/]],
    ['cols=name,bogus,id', { columns: ['name', 'id'] }, [/column "bogus"/]],
    ['cols=name,name', { columns: ['name'] }, []],
    ['cols=id,name', { columns: ['name', 'id'] }, []],
    ['support=kvm,bogus', { filters: { flags: ['__support_kvm'] } }, [/support flag "bogus"/]],
    ['support=KVM', {}, [/support flag "KVM"/]],
    ['support=__support_kvm', {}, [/support flag "__support_kvm"/]],
    ['member=pending', {}, [/member status/]],
    ['scope=public&member=rejected', { scope: 'public' }, [/member status/]],
    ['scope=shared&member=maybe', { scope: 'shared' }, [/member status "maybe"/]],
    [
      'support=xen,infiniband',
      { filters: { flags: ['__support_xen'] } },
      [/support flag "infiniband": cannot be combined with Xen\W*$/],
    ],
    [
      'support=infiniband,xen',
      { filters: { flags: ['__support_xen'] } },
      [/support flag "infiniband": cannot be combined with Xen\W*$/],
    ],
    [
      'support=xenhana,kvm',
      { filters: { flags: ['__support_kvm'] } },
      [/support flag "xenhana": cannot be combined with KVM\W*$/],
    ],
    [
      'xengpu=M60&support=kvm,xen,largememory',
      { filters: { xenGpuType: 'M60', flags: ['__support_largememory'] } },
      [
        /support flag "kvm": cannot be combined with Xen GPU/,
        /support flag "xen": cannot be combined with Xen GPU/,
      ],
    ],
    [
      'kvmgpu=V100&support=xen',
      { filters: { kvmGpuType: 'V100' } },
      [/support flag "xen": cannot be combined with KVM GPU/],
    ],
  ];

  it.each(CASES)(
    '%s: drops what is invalid with a notice naming it, and keeps the rest',
    (search, read, notices) => {
      const parsed = parseViewSearch(`${search}&${BASE}`);
      const expected = view({
        ...read,
        filters: { name: 'web', tags: ['prod'], ...read.filters },
        image: 'img-1',
      });
      expect(parsed.view).toEqual(expected);
      expect(parsed.notices).toHaveLength(notices.length);
      notices.forEach((notice, index) => expect(parsed.notices[index]).toMatch(notice));
    },
  );

  it('reports every invalid value of one URL, each once', () => {
    const singles = CASES.filter(([search, read, notices]) => {
      const names = namesOf(search);
      return notices.length === 1 && names.length === 1 && Object.keys(read).length === 0;
    }).filter(
      ([search], index, all) =>
        all.findIndex(([other]) => namesOf(other)[0] === namesOf(search)[0]) === index,
    );
    expect(singles.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.shuffledSubarray([...singles], { minLength: 1 }), (chosen) => {
        const parsed = parseViewSearch([...chosen.map(([search]) => search), BASE].join('&'));
        expect(parsed.view).toEqual(baseView);
        expect(parsed.notices).toHaveLength(chosen.length);
        for (const [, , [notice]] of chosen) {
          expect(parsed.notices.filter((text) => notice && notice.test(text))).toHaveLength(1);
        }
      }),
    );
  });

  it('never throws, and always reads a canonical view that formats back to itself', () => {
    fc.assert(
      fc.property(hostileSearchArb, (search) => {
        const { view: read, notices } = parseViewSearch(search);
        expect(normalizeView(read)).toEqual(read);
        for (const key of chosenKeys(read.filters)) expect(flagConflict(read.filters, key)).toBeUndefined();
        expect(notices.every((notice) => typeof notice === 'string' && notice !== '')).toBe(true);
        expect(parseViewSearch(formatViewSearch(read))).toEqual({ view: read, notices: [] });
      }),
      { numRuns: 1000 },
    );
  });

  it('drops each unknown parameter with one notice naming it, and reads the rest as if it were not there', () => {
    const unknownName = fc
      .oneof(textArb, fc.constantFrom('', 'Scope', 'TAG', 'tags', 'limit', 'marker', '__platform', 'scope '))
      .filter((name) => !(URL_PARAMETERS as readonly string[]).includes(name));
    fc.assert(
      fc.property(
        viewArb,
        fc.uniqueArray(unknownName, { minLength: 1, maxLength: 4 }),
        fc.array(textArb, { minLength: 4, maxLength: 4 }),
        (v, names, values) => {
          const known = formatViewSearch(v);
          const unknown = names.map(
            (name, i) => `${encodeURIComponent(name)}=${encodeURIComponent(values[i] ?? '')}`,
          );
          const expected = parseViewSearch(known);
          const parsed = parseViewSearch([known, ...unknown].filter(Boolean).join('&'));
          expect(parsed.view).toEqual(expected.view);
          expect(parsed.notices).toHaveLength(expected.notices.length + names.length);
          for (const name of names) {
            expect(parsed.notices.some((notice) => notice.includes(`unknown parameter "${name}"`))).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  const sortIsValid = (text: string) => {
    const [key, dir = 'asc'] = text.split(':');
    return (
      (SORT_KEYS as readonly string[]).includes(key ?? '') && (SORT_DIRS as readonly string[]).includes(dir)
    );
  };
  const notIn = (values: readonly string[]) => (text: string) => !values.includes(text);

  /** Parameters that take one value from a closed set or syntax, and what is not valid for them. */
  const SINGLE_VALUE_CASES: readonly (readonly [string, string, (text: string) => boolean, string])[] = [
    ['scope', 'scope', notIn(SCOPES), ''],
    ['member', 'member status', notIn(MEMBER_STATUSES), 'scope=shared'],
    ['platform', 'platform', notIn(PLATFORMS), ''],
    ['os', 'OS type', notIn(OS_TYPES), ''],
    ['bit', 'OS bit', notIn(OS_BITS), ''],
    ['status', 'status', notIn(IMAGE_STATUSES), ''],
    ['disk', 'disk format', notIn(DISK_FORMATS), ''],
    ['env', 'environment', notIn(VIRTUAL_ENV_TYPES), ''],
    ['arch', 'architecture', notIn(['arm']), ''],
    ['sort', 'sort', (text) => !sortIsValid(text), ''],
    ['minram', 'min RAM', (text) => !/^\d+$/.test(text), ''],
    ['mindisk', 'min disk', (text) => !/^\d+$/.test(text), ''],
    ['created', 'created date', (text) => !/\d{4}-\d{2}-\d{2}/.test(text), ''],
    ['updated', 'updated date', (text) => !/\d{4}-\d{2}-\d{2}/.test(text), ''],
  ];

  it.each(SINGLE_VALUE_CASES)(
    'any invalid %s is dropped with a notice naming it',
    (param, label, invalid, context) => {
      const values = fc.oneof(
        textArb,
        fc.constantFrom(
          '-1',
          '1.5',
          'gt:tomorrow',
          'name:',
          'ARM',
          'x86_64',
          'Accepted',
          'null',
          'undefined',
        ),
      );
      fc.assert(
        fc.property(values.filter(invalid), (value) => {
          const parsed = parseViewSearch(
            [context, `${param}=${encodeURIComponent(value)}`, BASE].filter(Boolean).join('&'),
          );
          expect(parsed.view).toEqual(context ? parseViewSearch(`${context}&${BASE}`).view : baseView);
          expect(parsed.notices).toHaveLength(1);
          expect(parsed.notices[0]).toContain(`${label} "${value}"`);
        }),
        { numRuns: 200 },
      );
    },
  );

  it.each([
    // Flags that never conflict, so that every notice is about an unknown name.
    [
      'support',
      'support flag',
      Object.values(FLAG_URL_NAMES),
      ['kvm', 'largememory', 'diskintensive', 'infiniband'],
    ],
    ['cols', 'column', COLUMN_IDS, COLUMN_IDS],
  ] as const)(
    'every unknown item of %s is dropped with a notice naming it; the known ones stay',
    (param, label, known, picked) => {
      const item = fc.oneof(
        fc.constantFrom(...picked),
        textArb.filter((text) => !text.includes(',')),
      );
      fc.assert(
        fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), (items) => {
          const parsed = parseViewSearch(`${param}=${items.map(encodeURIComponent).join(',')}`);
          const unknown = items.filter((text) => !(known as readonly string[]).includes(text));
          expect(parsed.notices).toHaveLength(unknown.length);
          unknown.forEach((text, index) => expect(parsed.notices[index]).toContain(`${label} "${text}"`));
          const kept =
            param === 'support'
              ? parsed.view.filters.flags.map((flag) => FLAG_URL_NAMES[flag])
              : (parsed.view.columns ?? []);
          expect(new Set(kept)).toEqual(
            new Set(items.filter((text) => (known as readonly string[]).includes(text))),
          );
        }),
        { numRuns: 200 },
      );
    },
  );
});

describe('parseDateCondition', () => {
  it.each([
    ['gt:2024-01-01', { op: 'gt', value: '2024-01-01T00:00:00Z' }],
    ['gte:2024-02-29', { op: 'gte', value: '2024-02-29T00:00:00Z' }],
    ['lt:2018-10-28T10:00', { op: 'lt', value: '2018-10-28T10:00:00Z' }],
    ['lte:2018-10-28T10:00:00', { op: 'lte', value: '2018-10-28T10:00:00Z' }],
    ['eq:2018-10-28T10:00:00Z', { op: 'eq', value: '2018-10-28T10:00:00Z' }],
    ['neq:2018-10-28T23:59:59Z', { op: 'neq', value: '2018-10-28T23:59:59Z' }],
    ['lt:2018-10-28T10:00Z', { op: 'lt', value: '2018-10-28T10:00:00Z' }],
    ['gt:2000-12-31T00:00:00Z', { op: 'gt', value: '2000-12-31T00:00:00Z' }],
  ] satisfies [string, DateFilter][])('%s → %j', (text, expected) => {
    expect(parseDateCondition(text)).toEqual(expected);
  });

  it.each([
    ['2024-01-01', 'no operator'],
    [':2024-01-01', 'an empty operator'],
    ['GT:2024-01-01', 'an upper-case operator'],
    ['ge:2024-01-01', 'an unknown operator'],
    ['between:2024-01-01', 'an unknown operator'],
    ['gt:', 'no date'],
    ['gt', 'neither colon nor date'],
    ['', 'nothing'],
    ['gt:2024-13-01', 'month 13'],
    ['gt:2024-00-10', 'month 0'],
    ['gt:2024-01-00', 'day 0'],
    ['gt:2024-01-32', 'day 32'],
    ['gt:2024-02-30', '30 February'],
    ['gt:2023-02-29', '29 February of a common year'],
    ['gt:2024-04-31', '31 April'],
    ['gt:2024-1-1', 'unpadded month and day'],
    ['gt:24-01-01', 'a two-digit year'],
    ['gt:2024-01-01Z', 'a zone without a time'],
    ['gt:2024-01-01T10', 'an hour without minutes'],
    ['gt:2024-01-01T25:00:00Z', 'hour 25'],
    ['gt:2024-01-01T10:60:00Z', 'minute 60'],
    ['gt:2024-01-01T10:00:00+08:00', 'an offset other than Z'],
    ['gt:2024-01-01T10:00:00.000Z', 'milliseconds'],
    ['gt: 2024-01-01', 'a space after the operator'],
    ['gt:yesterday', 'words'],
  ])('rejects %j (%s)', (text) => {
    expect(parseDateCondition(text)).toBeUndefined();
  });

  it('reads back what formatDateCondition writes, for any whole second', () => {
    fc.assert(
      fc.property(dateFilterArb, (condition) => {
        expect(parseDateCondition(formatDateCondition(condition))).toEqual(condition);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the API format and the bare date the same way', () => {
    fc.assert(
      fc.property(utcMidnightArb, (midnight) => {
        const date = midnight.slice(0, 10);
        expect(parseDateCondition(`eq:${date}`)).toEqual(parseDateCondition(`eq:${midnight}`));
        expect(parseDateCondition(`eq:${date}T00:00`)).toEqual({ op: 'eq', value: midnight });
      }),
    );
  });
});

describe('formatDateCondition', () => {
  it.each([
    [{ op: 'gt', value: '2024-01-01T00:00:00Z' }, 'gt:2024-01-01'],
    [{ op: 'neq', value: '1999-12-31T00:00:00Z' }, 'neq:1999-12-31'],
    [{ op: 'lt', value: '2018-10-28T10:00:00Z' }, 'lt:2018-10-28T10:00:00Z'],
    [{ op: 'gte', value: '2024-01-01T00:00:01Z' }, 'gte:2024-01-01T00:00:01Z'],
    [{ op: 'lte', value: '2024-01-01T12:00:00Z' }, 'lte:2024-01-01T12:00:00Z'],
  ] satisfies [DateFilter, string][])('%j → %s', (condition, expected) => {
    expect(formatDateCondition(condition)).toBe(expected);
  });

  it('writes a bare date exactly for midnights', () => {
    fc.assert(
      fc.property(fc.oneof(utcSecondArb, utcMidnightArb), (value) => {
        const written = formatDateCondition({ op: 'eq', value });
        expect(written === `eq:${value.slice(0, 10)}`).toBe(value.endsWith('T00:00:00Z'));
        expect(written === `eq:${value}`).toBe(!value.endsWith('T00:00:00Z'));
      }),
    );
  });
});

describe('flagConflict', () => {
  const RULE_PAIRS = ALL_FLAG_KEYS.flatMap((key) =>
    ALL_FLAG_KEYS.filter((other) => other !== key).map((other) => [key, other] as const),
  );

  it('the documented rules come to seven pairs, fourteen ordered', () => {
    expect(RULE_PAIRS.filter(([a, b]) => documentedConflict(a, b))).toHaveLength(14);
  });

  it.each(RULE_PAIRS.filter(([a, b]) => documentedConflict(a, b)))(
    '%s cannot be chosen with %s',
    (key, other) => {
      const reason = flagConflict(filtersWith(other), key);
      expect(reason).toBeDefined();
      expect(reason).toMatch(new RegExp(`${escapeRegExp(FLAG_LABELS[other])}$`));
    },
  );

  it.each(RULE_PAIRS.filter(([a, b]) => !documentedConflict(a, b)))(
    '%s can be chosen with %s',
    (key, other) => {
      expect(flagConflict(filtersWith(other), key)).toBeUndefined();
    },
  );

  it.each(ALL_FLAG_KEYS)('%s conflicts with nothing when nothing else is chosen', (key) => {
    expect(flagConflict(filtersWith(), key)).toBeUndefined();
    expect(flagConflict(filtersWith(key), key)).toBeUndefined();
  });

  it('an empty GPU type is not chosen', () => {
    const filters: ImageFilters = { flags: [], tags: [], xenGpuType: '', kvmGpuType: '' };
    expect(flagConflict(filters, '__support_kvm')).toBeUndefined();
    expect(flagConflict(filters, '__support_xen')).toBeUndefined();
  });

  it('reports a conflict exactly when a documented partner is chosen', () => {
    fc.assert(
      fc.property(fc.subarray([...ALL_FLAG_KEYS]), fc.constantFrom(...ALL_FLAG_KEYS), (chosen, key) => {
        const partners = chosen.filter((other) => other !== key && documentedConflict(key, other));
        const reason = flagConflict(filtersWith(...chosen), key);
        expect(reason !== undefined).toBe(partners.length > 0);
        if (reason) expect(partners.some((other) => reason.endsWith(FLAG_LABELS[other]))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
