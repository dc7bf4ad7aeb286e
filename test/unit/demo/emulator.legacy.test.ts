// The discarded list APIs: compute GET /{v2|v2.1}/{project_id}/images[/detail] and Glance v1 detail.
import { describe, expect, it } from 'vitest';
import type { Image } from '../../../src/api/imageTypes';
import type { ComputeImage, ComputeImageDetail, GlanceV1Image, Link } from '../../../src/api/legacyTypes';
import {
  toComputeImage,
  toComputeImageDetail,
  toGlanceV1Image,
  type LegacyLinkContext,
} from '../../../src/api/legacyViews';
import {
  ORIGIN,
  VIEWER,
  call,
  catalogue,
  expectedIds,
  findImage,
  visibleToViewer,
  wire,
} from './demoTestKit';

interface ComputeList<T> {
  images: T[];
  images_links?: Link[];
}

function getJson<T>(path: string): T {
  const response = call(path);
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.body}`);
  return JSON.parse(response.body) as T;
}

const byId = new Map(catalogue.images.map((image) => [image.id, image]));
const imageOf = (id: string): Image => {
  const image = byId.get(id);
  if (!image) throw new Error(`no image ${id}`);
  return image;
};
const computeIds = (query: string, path = `/v2/${VIEWER}/images`) =>
  getJson<ComputeList<ComputeImage>>(`${path}?${query}`).images.map((image) => image.id);

describe('compute GET /{v2|v2.1}/{project_id}/images', () => {
  it.each(['v2', 'v2.1'] as const)(
    'lists the default listing newest first, mapped by toComputeImage (%s)',
    (version) => {
      const body = getJson<ComputeList<ComputeImage>>(`/${version}/${VIEWER}/images`);
      const expected = expectedIds();
      const context: LegacyLinkContext = {
        computeEndpoint: ORIGIN,
        imageEndpoint: ORIGIN,
        projectId: VIEWER,
        computeVersion: version,
      };
      // Up to the compute API's page size of 1,000, with a next link since the page is full.
      expect(body.images).toEqual(
        wire(expected.slice(0, 1000).map((id) => toComputeImage(imageOf(id), context))),
      );
      expect(body.images_links).toEqual([
        { rel: 'next', href: `${ORIGIN}/${version}/${VIEWER}/images?marker=${expected[999]}` },
      ]);
    },
  );

  it('maps /images/detail with toComputeImageDetail, links under the request’s prefix', () => {
    const body = getJson<ComputeList<ComputeImageDetail>>(`/compute/v2.1/${VIEWER}/images/detail?limit=50`);
    const context: LegacyLinkContext = {
      computeEndpoint: `${ORIGIN}/compute`,
      imageEndpoint: ORIGIN,
      projectId: VIEWER,
      computeVersion: 'v2.1',
    };
    expect(body.images).toEqual(
      wire(
        expectedIds()
          .slice(0, 50)
          .map((id) => toComputeImageDetail(imageOf(id), context)),
      ),
    );
    expect(body.images[0]?.links[0]?.href).toBe(
      `${ORIGIN}/compute/v2.1/${VIEWER}/images/${body.images[0]?.id}`,
    );
  });

  it('shows the server of a snapshot', () => {
    const snapshot = findImage(
      'a listed snapshot of a server',
      (image) => image.owner === VIEWER && image.instance_uuid !== undefined && image.status === 'active',
    );
    const body = getJson<ComputeList<ComputeImageDetail>>(
      `/v2/${VIEWER}/images/detail?name=${encodeURIComponent(String(snapshot.name))}`,
    );
    expect(body.images.find((image) => image.id === snapshot.id)?.server?.id).toBe(snapshot.instance_uuid);
  });

  it('refuses another project id, as Nova does', () => {
    const response = call('/v2/0123456789abcdef0123456789abcdef/images');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      badRequest: {
        message: `Malformed request URL: URL's project_id '0123456789abcdef0123456789abcdef' doesn't match Context's project_id '${VIEWER}'`,
        code: 400,
      },
    });
  });

  it('filters on name, exactly', () => {
    expect(computeIds('name=CentOS+7.9+64bit')).toEqual(
      expectedIds((image) => image.name === 'CentOS 7.9 64bit'),
    );
  });

  it.each([
    ['active', (image: Image) => image.status === 'active'],
    ['ACTIVE', (image: Image) => image.status === 'active'],
    ['SAVING', (image: Image) => image.status === 'queued' || image.status === 'saving'],
    ['saving', (image: Image) => image.status === 'queued' || image.status === 'saving'],
    ['queued', (image: Image) => image.status === 'queued'],
    ['UNKNOWN', (image: Image) => image.status === 'deactivated'],
    ['deactivated', (image: Image) => image.status === 'deactivated'],
    ['ERROR', () => false],
    ['deleted', () => false],
    ['DELETED', () => false],
  ])('filters on status=%s (Glance or Nova status, any case; deleted never)', (status, predicate) => {
    expect(computeIds(`status=${status}`, `/v2/${VIEWER}/images/detail`)).toEqual(
      expectedIds(predicate).slice(0, 1000),
    );
  });

  it('filters on changes-since (updated at or after), in both time formats', () => {
    const since = '2024-03-01T12:00:00Z';
    const expected = expectedIds((image) => image.updated_at >= since);
    expect(computeIds(`changes-since=${since}`)).toEqual(expected);
    expect(computeIds('changes-since=2024-03-01+12:00:00')).toEqual(expected);
  });

  it.each([
    ['minRam', 'min_ram', 2048],
    ['minDisk', 'min_disk', 100],
  ] as const)('filters on %s (at least the value)', (parameter, field, value) => {
    expect(computeIds(`${parameter}=${value}`)).toEqual(expectedIds((image) => image[field] >= value));
  });

  it('pages with limit and marker, with a next link only on a full page', () => {
    const expected = expectedIds();
    const first = getJson<ComputeList<ComputeImage>>(`/v2/${VIEWER}/images?limit=3&name=`);
    expect(first.images).toEqual([]);
    expect(first.images_links).toBeUndefined();
    const page = getJson<ComputeList<ComputeImage>>(`/v2/${VIEWER}/images?limit=3&marker=${expected[2]}`);
    expect(page.images.map((image) => image.id)).toEqual(expected.slice(3, 6));
    expect(page.images_links).toEqual([
      { rel: 'next', href: `${ORIGIN}/v2/${VIEWER}/images?limit=3&marker=${expected[5]}` },
    ]);
    expect(computeIds('limit=5000')).toHaveLength(1000);
  });

  it.each([
    ['changes-since=yesterday', 'Invalid changes-since value: yesterday'],
    ['minRam=big', 'Invalid minRam filter [big]'],
    ['minDisk=1.5', 'Invalid minDisk filter [1.5]'],
    ['limit=many', 'limit param must be an integer'],
    ['limit=-2', 'limit param must be positive'],
    ['marker=nope', 'marker [nope] not found'],
  ])('refuses %s in Nova’s error shape', (query, message) => {
    const response = call(`/v2/${VIEWER}/images/detail?${query}`);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ badRequest: { message, code: 400 } });
  });

  it('refuses as marker an image the viewer may not see', () => {
    const hidden = findImage('another tenant’s private image', (image) => !visibleToViewer(image));
    expect(call(`/v2/${VIEWER}/images?marker=${hidden.id}`).status).toBe(400);
  });
});

describe('Glance GET /v1.1/images/detail', () => {
  const v1Ids = (query: string, path = '/v1.1/images/detail') =>
    getJson<{ images: GlanceV1Image[] }>(`${path}?limit=1000&${query}`).images.map((image) => image.id);
  const first1000 = (predicate?: (image: Image) => boolean) => expectedIds(predicate).slice(0, 1000);

  it.each(['/v1.1/images/detail', '/v1/images/detail'])(
    'lists 25 images mapped by toGlanceV1Image (%s)',
    (path) => {
      const body = getJson<{ images: GlanceV1Image[] }>(path);
      expect(body).toEqual({
        images: wire(
          expectedIds()
            .slice(0, 25)
            .map((id) => toGlanceV1Image(imageOf(id))),
        ),
      });
    },
  );

  it.each([
    ['name=Debian+11.1.0+64bit', (image: Image) => image.name === 'Debian 11.1.0 64bit'],
    ['container_format=bare', () => true],
    ['disk_format=qcow2', (image: Image) => image.disk_format === 'qcow2'],
    ['status=deactivated', (image: Image) => image.status === 'deactivated'],
    [
      'size_min=10000000000',
      (image: Image) => typeof image.size === 'number' && image.size >= 10_000_000_000,
    ],
    ['size_max=1000000000', (image: Image) => typeof image.size === 'number' && image.size <= 1_000_000_000],
    ['changes-since=2025-01-01T00:00:00Z', (image: Image) => image.updated_at >= '2025-01-01T00:00:00Z'],
    ['min_ram=4096', (image: Image) => image.min_ram >= 4096],
    ['min_disk=200', (image: Image) => image.min_disk >= 200],
    ['is_public=true', (image: Image) => image.visibility === 'public'],
    ['is_public=false', (image: Image) => image.visibility !== 'public'],
    ['protected=false', (image: Image) => !image.protected],
    ['property-__platform=Fedora', (image: Image) => image.__platform === 'Fedora'],
    [
      'property-__support_kvm=true&property-__os_bit=64',
      (image: Image) => image.__support_kvm === 'true' && image.__os_bit === '64',
    ],
    ['unknown_parameter=1', () => true],
  ])('filters on %s', (query, predicate) => {
    const result = v1Ids(query);
    expect(result).toEqual(first1000(predicate));
  });

  it('pages with a marker', () => {
    const expected = expectedIds();
    expect(v1Ids(`limit=4&marker=${expected[10]}`).slice(0, 4)).toEqual(expected.slice(11, 15));
  });

  it.each([
    ['size_min=big', 'Unable to filter on a range with a non-numeric value.'],
    ['size_max=1e9', 'Unable to filter on a range with a non-numeric value.'],
    ['changes-since=soon', 'Unrecognized changes-since value'],
    ['min_disk=x', 'Invalid min_disk filter [x]'],
    ['is_public=maybe', 'Invalid value for is_public: maybe. It must be true or false.'],
    ['protected=2', 'Invalid value for protected: 2. It must be true or false.'],
    ['limit=x', 'limit param must be an integer'],
    ['marker=nope', 'Invalid marker. Image nope could not be found.'],
  ])('refuses %s in Glance’s error shape', (query, message) => {
    const response = call(`/v1.1/images/detail?${query}`);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      message: `${message}<br /><br />\n\n\n`,
      code: '400 Bad Request',
      title: 'Bad Request',
    });
  });
});
