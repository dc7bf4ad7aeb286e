import { describe, expect, it } from 'vitest';
import { computeImagesUrl, glanceV1ImagesUrl } from '../../../src/api/legacyQuery';
import type { ComputeImageQuery, GlanceV1ImageQuery } from '../../../src/api/legacyTypes';

const COMPUTE = 'https://ecs.example.com';
const IMS = 'https://ims.example.com';
const PROJECT = '9c53a566cb3443ab910cf0daebca90c4';

describe('computeImagesUrl', () => {
  it.each([
    ['list', 'v2', `${COMPUTE}/v2/${PROJECT}/images`],
    ['list', 'v2.1', `${COMPUTE}/v2.1/${PROJECT}/images`],
    ['detail', 'v2', `${COMPUTE}/v2/${PROJECT}/images/detail`],
    ['detail', 'v2.1', `${COMPUTE}/v2.1/${PROJECT}/images/detail`],
  ] as const)('writes the documented path of the %s view under %s', (kind, version, expected) => {
    expect(computeImagesUrl(COMPUTE, PROJECT, {}, kind, version)).toBe(expected);
  });

  it('defaults to the v2 list', () => {
    expect(computeImagesUrl(COMPUTE, PROJECT, {})).toBe(`${COMPUTE}/v2/${PROJECT}/images`);
    expect(computeImagesUrl('', PROJECT, {})).toBe(`/v2/${PROJECT}/images`);
  });

  it.each<[string, ComputeImageQuery, string]>([
    ['name', { name: 'image 1' }, 'name=image%201'],
    ['status', { status: 'ACTIVE' }, 'status=ACTIVE'],
    ['status', { status: 'active' }, 'status=active'],
    ['changes-since', { 'changes-since': '2013-06-09T06:42:18Z' }, 'changes-since=2013-06-09T06:42:18Z'],
    ['minRam', { minRam: 512 }, 'minRam=512'],
    ['minDisk', { minDisk: 2 }, 'minDisk=2'],
    ['limit', { limit: 10 }, 'limit=10'],
    [
      'marker',
      { marker: 'ee10f19c-503c-44af-af2f-73d5e42f7a17' },
      'marker=ee10f19c-503c-44af-af2f-73d5e42f7a17',
    ],
  ])('writes the %s filter', (_name, query, expected) => {
    expect(computeImagesUrl(COMPUTE, PROJECT, query, 'detail')).toBe(
      `${COMPUTE}/v2/${PROJECT}/images/detail?${expected}`,
    );
  });

  it('writes the filters in the documented order, whatever the key order, and leaves out empty ones', () => {
    const query: ComputeImageQuery = {
      marker: 'm',
      limit: 5,
      minDisk: 20,
      minRam: 1024,
      'changes-since': '2013-06-09T06:42:18Z',
      status: 'SAVING',
      name: 'web',
    };
    expect(computeImagesUrl(COMPUTE, PROJECT, query, 'list', 'v2.1')).toBe(
      `${COMPUTE}/v2.1/${PROJECT}/images?name=web&status=SAVING&changes-since=2013-06-09T06:42:18Z&minRam=1024&minDisk=20&limit=5&marker=m`,
    );
    expect(computeImagesUrl(COMPUTE, PROJECT, { name: '', status: undefined })).toBe(
      `${COMPUTE}/v2/${PROJECT}/images`,
    );
  });

  it('never sends an undocumented key', () => {
    const query = { name: 'web', sort_key: 'name', tag: 'x', __platform: 'CentOS' } as ComputeImageQuery;
    expect(computeImagesUrl(COMPUTE, PROJECT, query)).toBe(`${COMPUTE}/v2/${PROJECT}/images?name=web`);
  });

  it('encodes the project id and the values', () => {
    const url = computeImagesUrl(COMPUTE, 'a/b?c', { name: 'a&b=c#d+e' });
    expect(url).toBe(`${COMPUTE}/v2/a%2Fb%3Fc/images?name=a%26b%3Dc%23d%2Be`);
    expect(new URL(url).searchParams.get('name')).toBe('a&b=c#d+e');
  });

  it('refuses a number that is not a number', () => {
    expect(() => computeImagesUrl(COMPUTE, PROJECT, { minRam: Number.NaN })).toThrow(RangeError);
  });
});

describe('glanceV1ImagesUrl', () => {
  it('writes the documented path', () => {
    expect(glanceV1ImagesUrl(IMS, {})).toBe(`${IMS}/v1.1/images/detail`);
    expect(glanceV1ImagesUrl('', {})).toBe('/v1.1/images/detail');
  });

  it.each<[string, GlanceV1ImageQuery, string]>([
    ['name', { name: 'cirros' }, 'name=cirros'],
    ['container_format', { container_format: 'bare' }, 'container_format=bare'],
    ['disk_format', { disk_format: 'qcow2' }, 'disk_format=qcow2'],
    ['status', { status: 'active' }, 'status=active'],
    ['size_min', { size_min: 1024 }, 'size_min=1024'],
    ['size_max', { size_max: 13167616 }, 'size_max=13167616'],
    ['changes-since', { 'changes-since': '2016-05-22T06:04:20Z' }, 'changes-since=2016-05-22T06:04:20Z'],
    ['min_ram', { min_ram: 0 }, 'min_ram=0'],
    ['min_disk', { min_disk: 40 }, 'min_disk=40'],
    ['is_public', { is_public: true }, 'is_public=true'],
    ['is_public', { is_public: false }, 'is_public=false'],
    ['protected', { protected: false }, 'protected=false'],
    ['a property', { properties: { __os_type: 'Linux' } }, 'property-__os_type=Linux'],
    [
      'several properties',
      { properties: { __platform: 'Red Hat', __imagetype: 'gold' } },
      'property-__platform=Red%20Hat&property-__imagetype=gold',
    ],
    ['an encoded property key', { properties: { 'a b&c': 'x=y' } }, 'property-a%20b%26c=x%3Dy'],
    ['limit', { limit: 20 }, 'limit=20'],
    [
      'marker',
      { marker: '3c3d1d01-b48a-4639-8a88-08be3b9b5d78' },
      'marker=3c3d1d01-b48a-4639-8a88-08be3b9b5d78',
    ],
  ])('writes the %s filter', (_name, query, expected) => {
    expect(glanceV1ImagesUrl(IMS, query)).toBe(`${IMS}/v1.1/images/detail?${expected}`);
  });

  it('writes every filter in order, properties before the paging, and skips empty ones', () => {
    const query: GlanceV1ImageQuery = {
      marker: 'm',
      limit: 2,
      properties: { __os_type: 'Linux', empty: '' },
      protected: true,
      is_public: false,
      min_disk: 1,
      min_ram: 2,
      'changes-since': '2016-05-22T06:04:20Z',
      size_max: 4,
      size_min: 3,
      status: 'active',
      disk_format: 'qcow2',
      container_format: 'bare',
      name: 'cirros',
    };
    const url = glanceV1ImagesUrl(IMS, query);
    expect([...new URL(url).searchParams.keys()]).toEqual([
      'name',
      'container_format',
      'disk_format',
      'status',
      'size_min',
      'size_max',
      'changes-since',
      'min_ram',
      'min_disk',
      'is_public',
      'protected',
      'property-__os_type',
      'limit',
      'marker',
    ]);
    expect(new URL(url).searchParams.get('property-__os_type')).toBe('Linux');
  });

  it('never sends an undocumented key', () => {
    const query = { name: 'cirros', sort_key: 'name', visibility: 'public' } as GlanceV1ImageQuery;
    expect(glanceV1ImagesUrl(IMS, query)).toBe(`${IMS}/v1.1/images/detail?name=cirros`);
  });
});
