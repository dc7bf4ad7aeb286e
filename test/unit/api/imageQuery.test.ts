import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imageQueryString, imageUrl, imagesUrl, nextMarker, toImagePage } from '../../../src/api/imageQuery';
import type { ImageListResponse, ImageQuery, ImageQueryParameter } from '../../../src/api/imageTypes';
import {
  DATE_OPERATORS,
  IMAGE_QUERY_PARAMETERS,
  PROPERTY_FILTERS,
  SENT_QUERY_PARAMETERS,
  IMAGE_STATUSES,
  IMAGE_TYPES,
  SORT_DIRS,
  SORT_KEYS,
  SUPPORT_FLAGS,
  VISIBILITIES,
} from '../../../src/api/imageTypes';
import { createImageList, imageId } from '../../support/createImage';

const ENDPOINT = 'https://ims.example.com';

/** The parameter names of a query string, in order (a repeated parameter appears each time). */
function namesOf(queryString: string): string[] {
  return [...new URLSearchParams(queryString).keys()];
}

/** One query per documented parameter, and exactly what it must put in the URL. */
const ONE_PARAMETER_CASES: readonly (readonly [ImageQueryParameter, ImageQuery, string])[] = [
  ['__isregistered', { __isregistered: true }, '__isregistered=true'],
  ['__imagetype', { __imagetype: 'gold' }, '__imagetype=gold'],
  ['protected', { protected: true }, 'protected=true'],
  ['protected', { protected: false }, 'protected=false'],
  ['visibility', { visibility: 'shared' }, 'visibility=shared'],
  ['owner', { owner: '1bed856811654c1cb661a6ca845ebc77' }, 'owner=1bed856811654c1cb661a6ca845ebc77'],
  ['id', { id: 'bc6bed6e-ba3a-4447-afcc-449174a3eb52' }, 'id=bc6bed6e-ba3a-4447-afcc-449174a3eb52'],
  ['status', { status: 'active' }, 'status=active'],
  ['name', { name: 'CentOS 7.3 64bit vivado' }, 'name=CentOS%207.3%2064bit%20vivado'],
  // Glance would read `web:prod` as operator `web` and refuse it; `eq:` asks for the exact name.
  ['name', { name: 'web:prod' }, 'name=eq:web:prod'],
  ['name', { name: 'in:a,b' }, 'name=eq:in:a,b'],
  ['container_format', { container_format: 'bare' }, 'container_format=bare'],
  ['disk_format', { disk_format: 'zvhd2' }, 'disk_format=zvhd2'],
  ['min_ram', { min_ram: 2048 }, 'min_ram=2048'],
  ['min_ram', { min_ram: 0 }, 'min_ram=0'],
  ['min_disk', { min_disk: 40 }, 'min_disk=40'],
  ['__os_bit', { __os_bit: '64' }, '__os_bit=64'],
  ['__platform', { __platform: 'Red Hat' }, '__platform=Red%20Hat'],
  [
    'marker',
    { marker: '0328c25e-c840-4496-81ac-c4e01b214b1f' },
    'marker=0328c25e-c840-4496-81ac-c4e01b214b1f',
  ],
  ['limit', { limit: 25 }, 'limit=25'],
  ['limit', { limit: 1000 }, 'limit=1000'],
  ['sort_key', { sort_key: 'name' }, 'sort_key=name'],
  ['sort_key', { sort_key: ['name', 'created_at', 'id'] }, 'sort_key=name&sort_key=created_at&sort_key=id'],
  ['sort_dir', { sort_dir: 'asc' }, 'sort_dir=asc'],
  ['sort_dir', { sort_dir: ['desc', 'asc'] }, 'sort_dir=desc&sort_dir=asc'],
  ['__os_type', { __os_type: 'Windows' }, '__os_type=Windows'],
  ['tag', { tag: 'prod' }, 'tag=prod'],
  ['tag', { tag: ['prod', 'web', 'eu'] }, 'tag=prod&tag=web&tag=eu'],
  ['tag', { tag: 'a=b' }, 'tag=a%3Db'],
  ['member_status', { member_status: 'pending' }, 'member_status=pending'],
  ['__support_kvm', { __support_kvm: true }, '__support_kvm=true'],
  ['__support_xen', { __support_xen: true }, '__support_xen=true'],
  ['__support_largememory', { __support_largememory: true }, '__support_largememory=true'],
  ['__support_diskintensive', { __support_diskintensive: true }, '__support_diskintensive=true'],
  ['__support_highperformance', { __support_highperformance: true }, '__support_highperformance=true'],
  ['__support_xen_gpu_type', { __support_xen_gpu_type: 'M60_vGPU' }, '__support_xen_gpu_type=M60_vGPU'],
  ['__support_kvm_gpu_type', { __support_kvm_gpu_type: 'V100' }, '__support_kvm_gpu_type=V100'],
  ['__support_xen_hana', { __support_xen_hana: true }, '__support_xen_hana=true'],
  ['__support_kvm_infiniband', { __support_kvm_infiniband: true }, '__support_kvm_infiniband=true'],
  [
    'created_at',
    { created_at: { op: 'lt', value: '2018-10-28T10:00:00Z' } },
    'created_at=lt:2018-10-28T10:00:00Z',
  ],
  [
    'created_at',
    { created_at: { op: 'gte', value: '2018-10-28 10:00:00' } },
    'created_at=gte:2018-10-28%2010:00:00',
  ],
  [
    'updated_at',
    { updated_at: { op: 'neq', value: '2018-10-28T10:00:00Z' } },
    'updated_at=neq:2018-10-28T10:00:00Z',
  ],
];

/** A query that sets all 32 parameters. */
const FULL_QUERY: Required<Omit<ImageQuery, (typeof PROPERTY_FILTERS)[number]>> = {
  __isregistered: true,
  __imagetype: 'private',
  protected: false,
  visibility: 'private',
  owner: 'owner-1',
  id: 'id-1',
  status: 'active',
  name: 'web',
  container_format: 'bare',
  disk_format: 'qcow2',
  min_ram: 1024,
  min_disk: 40,
  __os_bit: '64',
  __platform: 'Ubuntu',
  marker: 'marker-1',
  limit: 50,
  sort_key: ['name', 'size'],
  sort_dir: ['asc', 'desc'],
  __os_type: 'Linux',
  tag: ['t1', 't2'],
  member_status: 'accepted',
  __support_kvm: true,
  __support_xen: true,
  __support_largememory: true,
  __support_diskintensive: true,
  __support_highperformance: true,
  __support_xen_gpu_type: 'M60',
  __support_kvm_gpu_type: 'V100',
  __support_xen_hana: true,
  __support_kvm_infiniband: true,
  created_at: { op: 'gt', value: '2018-01-01T00:00:00Z' },
  updated_at: { op: 'lte', value: '2019-01-01 00:00:00' },
};

describe('imageQueryString: each documented parameter', () => {
  it('the table below covers every one of the 32 parameters', () => {
    expect(IMAGE_QUERY_PARAMETERS).toHaveLength(32);
    expect(new Set(ONE_PARAMETER_CASES.map(([name]) => name))).toEqual(new Set(IMAGE_QUERY_PARAMETERS));
  });

  it.each(ONE_PARAMETER_CASES)('%s: %j → %s', (_name, query, expected) => {
    expect(imageQueryString(query)).toBe(expected);
  });

  it('writes nothing for an empty query, and imagesUrl then has no "?"', () => {
    expect(imageQueryString({})).toBe('');
    expect(imagesUrl(ENDPOINT, {})).toBe('https://ims.example.com/v2/images');
    expect(imagesUrl('', {})).toBe('/v2/images');
  });

  it.each([
    [
      'public images',
      { __imagetype: 'gold', visibility: 'public', protected: true } satisfies ImageQuery,
      '__imagetype=gold&protected=true&visibility=public',
    ],
    [
      'private images',
      { __imagetype: 'private', protected: false } satisfies ImageQuery,
      '__imagetype=private&protected=false',
    ],
    [
      'accepted shared images',
      { member_status: 'accepted', visibility: 'shared', __imagetype: 'shared' } satisfies ImageQuery,
      '__imagetype=shared&visibility=shared&member_status=accepted',
    ],
  ])('writes the common query for %s', (_label, query, expected) => {
    expect(imagesUrl(ENDPOINT, query)).toBe(`${ENDPOINT}/v2/images?${expected}`);
  });
});

describe('imageQueryString: documented property filters', () => {
  it('writes virtual_env_type and __support_arm after the 32 parameters', () => {
    expect(SENT_QUERY_PARAMETERS).toEqual([...IMAGE_QUERY_PARAMETERS, 'virtual_env_type', '__support_arm']);
    expect(
      imageQueryString({ __support_arm: true, virtual_env_type: 'IsoImage', __platform: 'Debian' }),
    ).toBe('__platform=Debian&virtual_env_type=IsoImage&__support_arm=true');
  });

  it('never asks for __support_arm=false', () => {
    expect(imageQueryString({ __support_arm: false } as unknown as ImageQuery)).toBe('');
  });
});

describe('imageQueryString: canonical order', () => {
  it('writes all 32 parameters in the reference order', () => {
    const names = namesOf(imageQueryString(FULL_QUERY));
    const distinct = names.filter((name, index) => names[index - 1] !== name);
    expect(distinct).toEqual([...IMAGE_QUERY_PARAMETERS]);
  });

  it('writes the same string whatever the order of the keys', () => {
    const reversed = Object.fromEntries(Object.entries(FULL_QUERY).reverse()) as ImageQuery;
    expect(Object.keys(reversed)[0]).toBe('updated_at');
    expect(imageQueryString(reversed)).toBe(imageQueryString(FULL_QUERY));

    fc.assert(
      fc.property(fc.shuffledSubarray(Object.entries(FULL_QUERY)), (entries) => {
        const query = Object.fromEntries(entries) as ImageQuery;
        const sorted = Object.fromEntries(
          [...entries].sort(
            ([a], [b]) =>
              IMAGE_QUERY_PARAMETERS.indexOf(a as (typeof IMAGE_QUERY_PARAMETERS)[number]) -
              IMAGE_QUERY_PARAMETERS.indexOf(b as (typeof IMAGE_QUERY_PARAMETERS)[number]),
          ),
        ) as ImageQuery;
        expect(imageQueryString(query)).toBe(imageQueryString(sorted));
      }),
    );
  });

  it('keeps repeated tag, sort_key and sort_dir values in the order given', () => {
    const query: ImageQuery = { sort_dir: ['desc', 'asc'], tag: ['z', 'a', 'm'], sort_key: ['size', 'name'] };
    const params = new URLSearchParams(imageQueryString(query));
    expect(params.getAll('tag')).toEqual(['z', 'a', 'm']);
    expect(params.getAll('sort_key')).toEqual(['size', 'name']);
    expect(params.getAll('sort_dir')).toEqual(['desc', 'asc']);
    expect(imageQueryString(query)).toBe(
      'sort_key=size&sort_key=name&sort_dir=desc&sort_dir=asc&tag=z&tag=a&tag=m',
    );
  });
});

describe('imageQueryString: empty values are never sent', () => {
  it.each<[string, ImageQuery]>([
    [
      'empty strings',
      { name: '', owner: '', marker: '', __platform: '' as 'CentOS', __support_kvm_gpu_type: '' },
    ],
    ['empty arrays', { tag: [], sort_key: [], sort_dir: [] }],
    ['arrays of empty strings', { tag: ['', ''] }],
    ['undefined values', { name: undefined, limit: undefined, protected: undefined, tag: undefined }],
    ['a date filter with an empty value', { created_at: { op: 'lt', value: '' } }],
    ['null values', { name: null, owner: null, tag: null } as unknown as ImageQuery],
  ])('drops %s', (_label, query) => {
    expect(imageQueryString(query)).toBe('');
    expect(imagesUrl(ENDPOINT, query)).toBe(`${ENDPOINT}/v2/images`);
  });

  it('drops the empty items of a list and keeps the others', () => {
    expect(imageQueryString({ tag: ['', 'a', ''], name: '', limit: 10 })).toBe('limit=10&tag=a');
  });
});

describe('imageQueryString: encoding', () => {
  it.each([
    ['&', 'a&b', 'a%26b'],
    ['=', 'a=b', 'a%3Db'],
    ['#', 'a#b', 'a%23b'],
    ['+', 'a+b', 'a%2Bb'],
    ['a space', 'a b', 'a%20b'],
    ['/', 'a/b', 'a%2Fb'],
    ['?', 'a?b', 'a%3Fb'],
    ['%', '100%', '100%25'],
    ['non-ASCII', 'Überprüfung 镜像', '%C3%9Cberpr%C3%BCfung%20%E9%95%9C%E5%83%8F'],
    ['an emoji', '🐧', '%F0%9F%90%A7'],
  ])('encodes %s in a value', (_label, value, encoded) => {
    const url = imagesUrl(ENDPOINT, { name: value, tag: [value, value] });
    expect(url).toBe(`${ENDPOINT}/v2/images?name=${encoded}&tag=${encoded}&tag=${encoded}`);
    const params = new URL(url).searchParams;
    expect(params.get('name')).toBe(value);
    expect(params.getAll('tag')).toEqual([value, value]);
    expect([...params.keys()]).toEqual(['name', 'tag', 'tag']);
  });

  it('writes the date filter colon literally and round-trips both time formats', () => {
    const url = imagesUrl(ENDPOINT, {
      created_at: { op: 'lt', value: '2018-10-28T10:00:00Z' },
      updated_at: { op: 'gte', value: '2018-10-28 10:00:00' },
    });
    expect(url).toContain('created_at=lt:2018-10-28T10:00:00Z');
    expect(url).toContain('updated_at=gte:2018-10-28%2010:00:00');
    expect(url).not.toContain('%3A');
    expect(url).not.toContain('+');
    const params = new URL(url).searchParams;
    expect(params.get('created_at')).toBe('lt:2018-10-28T10:00:00Z');
    expect(params.get('updated_at')).toBe('gte:2018-10-28 10:00:00');
  });

  it('round-trips any string value through URL.searchParams (property)', () => {
    const value = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(value, fc.array(value, { maxLength: 4 }), value, (name, tags, owner) => {
        const url = imagesUrl(ENDPOINT, { name, tag: tags, owner });
        const params = new URL(url).searchParams;
        expect(params.get('name')).toBe(name);
        expect(params.get('owner')).toBe(owner);
        expect(params.getAll('tag')).toEqual(tags);
        expect(url).not.toMatch(/[\s#]/);
      }),
    );
  });
});

describe('imageQueryString: numbers', () => {
  it.each([
    ['limit', -1],
    ['limit', 2.5],
    ['limit', Number.NaN],
    ['limit', Number.POSITIVE_INFINITY],
    ['min_ram', -1],
    ['min_ram', 0.5],
    ['min_ram', Number.NaN],
    ['min_disk', -40],
    ['min_disk', 10.1],
    ['min_disk', Number.NaN],
  ] as const)('rejects %s = %s with a RangeError naming the parameter', (name, value) => {
    const query = { [name]: value } as ImageQuery;
    expect(() => imageQueryString(query)).toThrow(RangeError);
    expect(() => imageQueryString(query)).toThrow(name);
    expect(() => imagesUrl(ENDPOINT, query)).toThrow(RangeError);
  });
});

describe('imageQueryString: only documented parameters are sent', () => {
  it.each(['foo', 'sort', '__foo', 'page', 'sort_keys', 'Name', 'tags', 'changes-since', 'is_public'])(
    'never sends the undocumented key %s',
    (key) => {
      const query = { name: 'web', [key]: 'x' } as ImageQuery;
      expect(imageQueryString(query)).toBe('name=web');
    },
  );

  /** Values of the right type for each documented parameter. */
  const documentedValue: Record<ImageQueryParameter, fc.Arbitrary<unknown>> = {
    __isregistered: fc.constant(true),
    __imagetype: fc.constantFrom(...IMAGE_TYPES),
    protected: fc.boolean(),
    visibility: fc.constantFrom(...VISIBILITIES),
    owner: fc.string(),
    id: fc.string(),
    status: fc.constantFrom(...IMAGE_STATUSES),
    name: fc.string({ unit: 'grapheme' }),
    container_format: fc.string(),
    disk_format: fc.constantFrom('zvhd2', 'qcow2', ''),
    min_ram: fc.nat(),
    min_disk: fc.nat(),
    __os_bit: fc.constantFrom('32', '64'),
    __platform: fc.constantFrom('CentOS', 'Red Hat', ''),
    marker: fc.string(),
    limit: fc.nat({ max: 1000 }),
    sort_key: fc.oneof(fc.constantFrom(...SORT_KEYS), fc.array(fc.constantFrom(...SORT_KEYS))),
    sort_dir: fc.oneof(fc.constantFrom(...SORT_DIRS), fc.array(fc.constantFrom(...SORT_DIRS))),
    __os_type: fc.constantFrom('Linux', 'Windows', 'Other'),
    tag: fc.oneof(fc.string(), fc.array(fc.string())),
    member_status: fc.constantFrom('accepted', 'pending', 'rejected'),
    ...(Object.fromEntries(SUPPORT_FLAGS.map((flag) => [flag, fc.constant(true)])) as Record<
      (typeof SUPPORT_FLAGS)[number],
      fc.Arbitrary<true>
    >),
    __support_xen_gpu_type: fc.string(),
    __support_kvm_gpu_type: fc.string(),
    created_at: fc.record({ op: fc.constantFrom(...DATE_OPERATORS), value: fc.string() }),
    updated_at: fc.record({ op: fc.constantFrom(...DATE_OPERATORS), value: fc.string() }),
    virtual_env_type: fc.constantFrom('FusionCompute', 'Ironic', 'DataImage', 'IsoImage'),
    __support_arm: fc.constant(true),
  };
  const documented: ReadonlySet<string> = new Set(SENT_QUERY_PARAMETERS);
  const undocumentedKey = fc
    .oneof(
      fc.constantFrom(
        'foo',
        'sort',
        '__foo',
        'page',
        'sort_keys',
        'tags',
        '__support_amd',
        '__os_version',
        'size',
      ),
      fc.string({ minLength: 1 }),
    )
    .filter((key) => !documented.has(key) && key !== '__proto__');
  const undocumentedValue = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.array(fc.string()),
    fc.constant(''),
    fc.constant(null),
  );

  it('writes only documented parameter names and never an empty value, whatever else the object holds (property)', () => {
    fc.assert(
      fc.property(
        fc.record(documentedValue, { requiredKeys: [] }),
        fc.dictionary(undocumentedKey, undocumentedValue),
        fc.boolean(),
        (known, unknown, unknownFirst) => {
          const query = (unknownFirst ? { ...unknown, ...known } : { ...known, ...unknown }) as ImageQuery;
          const queryString = imageQueryString(query);
          const params = [...new URLSearchParams(queryString)];
          for (const [name, value] of params) {
            expect(SENT_QUERY_PARAMETERS).toContain(name);
            expect(value).not.toBe('');
          }
          // Nothing undocumented slips in by another spelling either: the written names are in canonical order.
          const order = params.map(([name]) => SENT_QUERY_PARAMETERS.indexOf(name as ImageQueryParameter));
          expect(order).toEqual([...order].sort((a, b) => a - b));
          expect(imageQueryString(known as ImageQuery)).toBe(queryString);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('imageUrl', () => {
  it('puts the id in the path', () => {
    expect(imageUrl(ENDPOINT, 'bc6bed6e-ba3a-4447-afcc-449174a3eb52')).toBe(
      'https://ims.example.com/v2/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52',
    );
    expect(imageUrl('', 'abc')).toBe('/v2/images/abc');
  });

  it.each([
    ['a/b', 'a%2Fb'],
    ['a?b=1', 'a%3Fb%3D1'],
    ['a#b', 'a%23b'],
    ['a b', 'a%20b'],
    ['a%2Fb', 'a%252Fb'],
    ['镜像', '%E9%95%9C%E5%83%8F'],
  ])('encodes the id %j so it stays one path segment', (id, encoded) => {
    const url = imageUrl(ENDPOINT, id);
    expect(url).toBe(`${ENDPOINT}/v2/images/${encoded}`);
    const parsed = new URL(url);
    expect(parsed.search).toBe('');
    expect(parsed.hash).toBe('');
    expect(parsed.pathname.split('/')).toHaveLength(4);
    expect(decodeURIComponent(parsed.pathname.split('/').at(-1) ?? '')).toBe(id);
  });

  // URL parsers (and so fetch) resolve `.` and `..` segments, encoded or not: `/v2/images/..` is `/v2/`.
  it.each(['.', '..'])('never lets the id %j leave /v2/images/ (it is refused or stays a segment)', (id) => {
    const attempt = () => new URL(imageUrl(ENDPOINT, id)).pathname;
    const pathname = (() => {
      try {
        return attempt();
      } catch (error) {
        return error instanceof RangeError ? 'refused' : `threw ${String(error)}`;
      }
    })();
    expect(pathname === 'refused' || /^\/v2\/images\/[^/]+$/.test(pathname), pathname).toBe(true);
  });
});

function listResponse(
  overrides: Partial<ImageListResponse> & Pick<ImageListResponse, 'images'>,
): ImageListResponse {
  return { schema: '/v2/schemas/images', first: '/v2/images?limit=2', ...overrides };
}

describe('nextMarker / toImagePage', () => {
  const page = createImageList(2);

  it('reads the marker from a relative next link', () => {
    const response = listResponse({ images: page, next: '/v2/images?limit=2&marker=m-from-link&tag=a' });
    expect(nextMarker(response)).toBe('m-from-link');
    expect(toImagePage(response)).toEqual({ images: page, nextMarker: 'm-from-link' });
  });

  it('reads the marker from an absolute next link', () => {
    const response = listResponse({
      images: page,
      next: 'https://ims.cn-north-4.myhuaweicloud.com/v2/images?marker=abs-marker&limit=2',
    });
    expect(nextMarker(response)).toBe('abs-marker');
  });

  it("reads the reference example's next link", () => {
    const response = listResponse({
      images: page,
      next: '/v2/images?__isregistered=true&marker=0328c25e-c840-4496-81ac-c4e01b214b1f&__imagetype=gold&limit=2',
    });
    expect(nextMarker(response)).toBe('0328c25e-c840-4496-81ac-c4e01b214b1f');
  });

  it('decodes an encoded marker', () => {
    expect(nextMarker(listResponse({ images: page, next: '/v2/images?marker=a%2Fb%20c' }))).toBe('a/b c');
  });

  it('has no next page without a next link', () => {
    const response = listResponse({ images: page });
    expect(nextMarker(response)).toBeUndefined();
    expect(toImagePage(response, imageId(9))).toEqual({ images: page, nextMarker: undefined });
  });

  it('ends the list on an empty page, even after a full one that had a next link', () => {
    const response = listResponse({ images: [], next: `/v2/images?limit=2&marker=${imageId(2)}` });
    expect(nextMarker(response, imageId(2))).toBeUndefined();
    expect(nextMarker(response)).toBeUndefined();
    expect(toImagePage(response, imageId(2))).toEqual({ images: [], nextMarker: undefined });
  });

  it.each([
    ['a next link without a marker', '/v2/images?limit=2'],
    ['a next link with an empty marker', '/v2/images?limit=2&marker='],
    ['a next link that is not a URL', 'http://['],
  ])('falls back to the last id on %s', (_label, next) => {
    expect(nextMarker(listResponse({ images: page, next }))).toBe(imageId(2));
  });

  it('ends the list when the next link asks for the page just asked for', () => {
    const response = listResponse({ images: page, next: `/v2/images?marker=${imageId(7)}` });
    expect(nextMarker(response, imageId(7))).toBeUndefined();
    expect(nextMarker(response, imageId(6))).toBe(imageId(7));
  });

  it('ends the list when the fallback last id is the marker just asked for', () => {
    const response = listResponse({ images: createImageList(1), next: '/v2/images?limit=1' });
    expect(nextMarker(response, imageId(1))).toBeUndefined();
  });

  it('ignores repeated tag and sort values in the next link', () => {
    const response = listResponse({
      images: page,
      next: '/v2/images?tag=a&tag=b&sort_key=name&sort_key=id&sort_dir=asc&marker=m2&marker=m3',
    });
    expect(nextMarker(response)).toBe('m2');
  });
});
