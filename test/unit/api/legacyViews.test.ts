import { describe, expect, it } from 'vitest';
import type { Image } from '../../../src/api/imageTypes';
import { IMAGE_FIELDS } from '../../../src/api/imageTypes';
import {
  GLANCE_BASE_FIELDS,
  imageProperties,
  novaProgress,
  novaStatus,
  toComputeImage,
  toComputeImageDetail,
  toGlanceV1Image,
  toGlanceV1Time,
  type LegacyLinkContext,
} from '../../../src/api/legacyViews';
import { createImage } from '../../support/createImage';
import {
  GLANCE_V1_EXAMPLE_RESPONSE,
  NOVA_DETAIL_EXAMPLE_ENTRY,
  NOVA_LIST_EXAMPLE_RESPONSE,
} from '../../support/referenceExamples';

const CONTEXT: LegacyLinkContext = {
  computeEndpoint: 'https://ecs.example.com',
  imageEndpoint: 'https://ims.example.com',
  projectId: 'p1',
};

/** A v2 image with only base fields, plus `extra`. */
function bareImage(extra: Partial<Image> = {}): Image {
  return {
    id: 'ee10f19c-503c-44af-af2f-73d5e42f7a17',
    name: 'image1',
    status: 'active',
    visibility: 'private',
    protected: false,
    tags: [],
    min_disk: 0,
    min_ram: 0,
    created_at: '2014-02-10T17:05:01Z',
    updated_at: '2014-02-10T17:05:07Z',
    ...extra,
  };
}

/** The documented fields that are not Glance base fields: the IMS extensions and a few more. */
const NON_BASE_FIELDS = IMAGE_FIELDS.filter((field) => !GLANCE_BASE_FIELDS.has(field));

describe('novaStatus / novaProgress', () => {
  it.each([
    ['queued', 'SAVING', 25],
    ['saving', 'SAVING', 50],
    ['active', 'ACTIVE', 100],
    ['killed', 'ERROR', 0],
    ['deleted', 'DELETED', 0],
    ['pending_delete', 'DELETED', 0],
    ['deactivated', 'UNKNOWN', 0],
    ['importing', 'UNKNOWN', 0],
    ['uploading', 'UNKNOWN', 0],
    ['something-new', 'UNKNOWN', 0],
    ['', 'UNKNOWN', 0],
    ['ACTIVE', 'UNKNOWN', 0],
  ])('Glance %j → Nova %s, progress %i', (glance, nova, progress) => {
    expect(novaStatus(glance)).toBe(nova);
    expect(novaProgress(glance)).toBe(progress);
  });
});

describe('imageProperties', () => {
  it('lists 42 documented non-base fields, every __ one among them', () => {
    const extensions = IMAGE_FIELDS.filter((field) => field.startsWith('__'));
    expect(extensions).toHaveLength(35);
    for (const field of extensions) expect(NON_BASE_FIELDS).toContain(field);
    expect(NON_BASE_FIELDS).toEqual(
      expect.arrayContaining([
        'virtual_env_type',
        'max_ram',
        'active_at',
        'hw_firmware_type',
        'enterprise_project_id',
        '_sys_enterprise_project_id',
        'hw_vif_multiqueue_enabled',
      ]),
    );
    expect(NON_BASE_FIELDS).toHaveLength(42);
  });

  it('holds every non-base field of an image with all 61 fields, and no base field', () => {
    const all = createImage(Object.fromEntries(IMAGE_FIELDS.map((field) => [field, `value of ${field}`])));
    const properties = imageProperties(all);
    expect(Object.keys(properties).sort()).toEqual([...NON_BASE_FIELDS].sort());
    for (const field of NON_BASE_FIELDS) expect(properties[field]).toBe(`value of ${field}`);
  });

  it('maps the reference example image', () => {
    expect(imageProperties(createImage())).toEqual({
      __image_source_type: 'uds',
      __isregistered: 'true',
      __lazyloading: 'true',
      __os_type: 'Linux',
      __imagetype: 'gold',
      virtual_env_type: 'FusionCompute',
      __platform: 'CentOS',
      __os_bit: '64',
      __os_version: 'CentOS 7.3 64bit',
      hw_firmware_type: 'bios',
    });
  });

  it.each([
    ['a number', 0, '0'],
    ['a boolean', true, 'true'],
    ['an array', ['a', 'b'], '["a","b"]'],
    ['an object', { a: 1 }, '{"a":1}'],
    ['an empty string', '', ''],
    ['a JSON string', '["onekey_resetpasswd"]', '["onekey_resetpasswd"]'],
  ])('writes %s as a string', (_label, value, expected) => {
    expect(imageProperties(bareImage({ custom: value }))).toEqual({ custom: expected });
  });

  it('drops null and undefined', () => {
    expect(
      imageProperties(
        bareImage({ __description: null as unknown as string, __backup_id: undefined, a: 'b' }),
      ),
    ).toEqual({
      a: 'b',
    });
  });

  it.each([...GLANCE_BASE_FIELDS])('leaves out the base field %s', (field) => {
    expect(imageProperties(bareImage({ [field]: 'x' }))).toEqual({});
  });
});

describe('toComputeImage', () => {
  it('links self (with version), bookmark (without) and alternate (the image service)', () => {
    expect(toComputeImage(createImage({ id: 'img-1', name: 'web' }), CONTEXT)).toEqual({
      id: 'img-1',
      name: 'web',
      links: [
        { href: 'https://ecs.example.com/v2/p1/images/img-1', rel: 'self' },
        { href: 'https://ecs.example.com/p1/images/img-1', rel: 'bookmark' },
        {
          href: 'https://ims.example.com/p1/images/img-1',
          rel: 'alternate',
          type: 'application/vnd.openstack.image',
        },
      ],
    });
  });

  it('puts the compute version in the self link only', () => {
    const links = toComputeImage(createImage({ id: 'img-1' }), { ...CONTEXT, computeVersion: 'v2.1' }).links;
    expect(links.map((link) => link.href)).toEqual([
      'https://ecs.example.com/v2.1/p1/images/img-1',
      'https://ecs.example.com/p1/images/img-1',
      'https://ims.example.com/p1/images/img-1',
    ]);
  });

  it('keeps a null name', () => {
    expect(toComputeImage(createImage({ name: null }), CONTEXT).name).toBeNull();
  });

  it('reproduces the Nova list example', () => {
    const [expected] = NOVA_LIST_EXAMPLE_RESPONSE.images;
    const context = {
      computeEndpoint: 'http://172.25.150.84:8774',
      imageEndpoint: 'http://172.25.150.84:9292',
      projectId: 'd9ebe43510414ef590a4aa158605329e',
    };
    expect(toComputeImage(bareImage(), context)).toEqual(expected);
  });
});

describe('toComputeImageDetail', () => {
  it('maps the reference example image', () => {
    const image = createImage();
    const detail = toComputeImageDetail(image, CONTEXT);
    expect(detail).toEqual({
      ...toComputeImage(image, CONTEXT),
      metadata: imageProperties(image),
      'OS-EXT-IMG-SIZE:size': 0,
      minDisk: 100,
      minRam: 2048,
      progress: 100,
      status: 'ACTIVE',
      created: '2018-09-06T14:03:27Z',
      updated: '2018-09-06T15:17:33Z',
    });
    expect(detail).not.toHaveProperty('server');
    expect(detail.metadata.__imagetype).toBe('gold');
  });

  it.each([
    ['queued', 'SAVING', 25],
    ['saving', 'SAVING', 50],
    ['killed', 'ERROR', 0],
    ['pending_delete', 'DELETED', 0],
    ['deactivated', 'UNKNOWN', 0],
  ])('maps status %s to %s with progress %i', (status, nova, progress) => {
    const detail = toComputeImageDetail(createImage({ status }), CONTEXT);
    expect(detail.status).toBe(nova);
    expect(detail.progress).toBe(progress);
  });

  it.each<[string, Partial<Image>, number, number, number]>([
    ['a null size', { size: null }, 0, 100, 2048],
    ['no size', { size: undefined }, 0, 100, 2048],
    ['a size', { size: 13167616 }, 13167616, 100, 2048],
    ['fractional minimums', { min_disk: 40.7, min_ram: 1024.2 }, 0, 40, 1024],
    ['unset minimums', { min_disk: null as unknown as number, min_ram: undefined }, 0, 0, 0],
  ])('writes integers for %s', (_label, overrides, size, minDisk, minRam) => {
    const detail = toComputeImageDetail(createImage(overrides), CONTEXT);
    expect(detail['OS-EXT-IMG-SIZE:size']).toBe(size);
    expect(detail.minDisk).toBe(minDisk);
    expect(detail.minRam).toBe(minRam);
    for (const value of [detail['OS-EXT-IMG-SIZE:size'], detail.minDisk, detail.minRam]) {
      expect(Number.isInteger(value)).toBe(true);
    }
  });

  it('adds the server only when the image has an instance_uuid', () => {
    const image = createImage({ instance_uuid: 'srv-1' });
    expect(toComputeImageDetail(image, { ...CONTEXT, computeVersion: 'v2.1' }).server).toEqual({
      id: 'srv-1',
      links: [
        { href: 'https://ecs.example.com/v2.1/p1/servers/srv-1', rel: 'self' },
        { href: 'https://ecs.example.com/p1/servers/srv-1', rel: 'bookmark' },
      ],
    });
    expect(toComputeImageDetail(createImage({ instance_uuid: '' }), CONTEXT)).not.toHaveProperty('server');
  });

  it('reproduces the Nova detail example', () => {
    const image = bareImage({ size: 20578304, min_disk: 2, ...NOVA_DETAIL_EXAMPLE_ENTRY.metadata });
    const context = {
      computeEndpoint: 'http://xxx',
      imageEndpoint: 'http://xxx',
      projectId: 'd9ebe43510414ef590a4aa158605329e',
    };
    expect(toComputeImageDetail(image, context)).toEqual(NOVA_DETAIL_EXAMPLE_ENTRY);
  });
});

describe('toGlanceV1Time', () => {
  it.each([
    ['2018-09-06T14:03:27Z', '2018-09-06T14:03:27.000000'],
    ['2016-05-22T06:04:20.425843', '2016-05-22T06:04:20.425843'],
    ['2016-05-22T06:04:20.425843Z', '2016-05-22T06:04:20.425843'],
    ['2018-09-06T14:03:27.5Z', '2018-09-06T14:03:27.500000'],
    ['2018-09-06T14:03:27.123Z', '2018-09-06T14:03:27.123000'],
    ['2018-09-06T14:03:27.1234567Z', '2018-09-06T14:03:27.123456'],
    ['2018-10-28 10:00:00', '2018-10-28T10:00:00.000000'],
    ['not a time', 'not a time'],
    ['', ''],
  ])('writes %j as %j', (iso, v1) => {
    expect(toGlanceV1Time(iso)).toBe(v1);
  });

  it('writes the v1 form: naive, with microseconds', () => {
    expect(toGlanceV1Time(new Date(Date.UTC(2016, 4, 22, 6, 4, 20, 425)).toISOString())).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/,
    );
  });

  it.each([
    ['2018-09-06T16:03:27+02:00', '2018-09-06T14:03:27.000000'],
    ['2018-09-06T09:33:27.5-04:30', '2018-09-06T14:03:27.500000'],
  ])('converts an offset time %j to UTC', (iso, v1) => {
    expect(toGlanceV1Time(iso)).toBe(v1);
  });
});

describe('toGlanceV1Image', () => {
  it('maps the reference example image', () => {
    expect(toGlanceV1Image(createImage())).toEqual({
      id: 'bc6bed6e-ba3a-4447-afcc-449174a3eb52',
      name: 'CentOS 7.3 64bit vivado',
      status: 'active',
      container_format: 'bare',
      disk_format: 'zvhd2',
      size: 0,
      virtual_size: null,
      checksum: 'd41d8cd98f00b204e9800998ecf8427e',
      min_ram: 2048,
      min_disk: 100,
      owner: '1bed856811654c1cb661a6ca845ebc77',
      protected: true,
      is_public: true,
      deleted: false,
      deleted_at: null,
      created_at: '2018-09-06T14:03:27.000000',
      updated_at: '2018-09-06T15:17:33.000000',
      properties: imageProperties(createImage()),
    });
  });

  it.each([
    ['public', true],
    ['private', false],
    ['shared', false],
  ])('is_public for visibility %s is %s', (visibility, isPublic) => {
    expect(toGlanceV1Image(createImage({ visibility })).is_public).toBe(isPublic);
  });

  it('marks a deleted image, deleted at its last update', () => {
    const v1 = toGlanceV1Image(createImage({ status: 'deleted', updated_at: '2019-01-02T03:04:05Z' }));
    expect(v1).toMatchObject({ deleted: true, deleted_at: '2019-01-02T03:04:05.000000', status: 'deleted' });
  });

  it.each(['active', 'queued', 'killed', 'pending_delete'])('does not mark a %s image deleted', (status) => {
    expect(toGlanceV1Image(createImage({ status }))).toMatchObject({ deleted: false, deleted_at: null });
  });

  it('writes null for what the image lacks', () => {
    const v1 = toGlanceV1Image(
      createImage({
        size: null,
        virtual_size: undefined,
        checksum: undefined,
        owner: undefined,
        container_format: undefined,
        disk_format: null,
      }),
    );
    expect(v1).toMatchObject({
      size: null,
      virtual_size: null,
      checksum: null,
      owner: null,
      container_format: null,
      disk_format: null,
    });
  });

  it('reproduces the Glance v1 example', () => {
    const [expected] = GLANCE_V1_EXAMPLE_RESPONSE.images;
    const image = bareImage({
      id: '3c3d1d01-b48a-4639-8a88-08be3b9b5d78',
      name: 'cirros',
      container_format: 'bare',
      disk_format: 'qcow2',
      created_at: '2016-05-22T06:04:20.425843Z',
      updated_at: '2016-05-22T06:04:22.719791Z',
      checksum: '64d7c1cd2b6f60c92c14662941cb7913',
      owner: '23f4cb75768d4febb39542ef6fe169f3',
      visibility: 'public',
      virtual_size: null,
      size: 13167616,
    });
    expect(toGlanceV1Image(image)).toEqual(expected);
  });
});

describe('legacy sizes of an IMS image', () => {
  // IMS leaves `size` at 0 ("unavailable currently") and gives the bytes in `__image_size`
  // (imageFacts.imageSizeBytes reads it first); the legacy records document a size > 0.
  const image = createImage({ size: 0, __image_size: '13167616' });

  it('gives the IMS size as OS-EXT-IMG-SIZE:size', () => {
    expect(toComputeImageDetail(image, CONTEXT)['OS-EXT-IMG-SIZE:size']).toBe(13167616);
  });

  it('gives the IMS size as the Glance v1 size', () => {
    expect(toGlanceV1Image(image).size).toBe(13167616);
  });
});
