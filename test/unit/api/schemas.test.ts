import { describe, expect, it } from 'vitest';
import { IMAGE_FIELDS } from '../../../src/api/imageTypes';
import {
  parseComputeImageDetailList,
  parseComputeImageList,
  parseGlanceV1ImageList,
  parseImage,
  parseImageList,
  type Parser,
} from '../../../src/api/schemas';
import { createImage } from '../../support/createImage';
import {
  GLANCE_V1_EXAMPLE_RESPONSE,
  IMS_V2_EXAMPLE_RESPONSE,
  NOVA_DETAIL_EXAMPLE_ENTRY,
  NOVA_LIST_EXAMPLE_RESPONSE,
} from '../../support/referenceExamples';

function problemOf(parser: Parser<unknown>, body: unknown): string {
  const result = parser(body);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.problem;
}

describe('IMAGE_FIELDS', () => {
  it('holds the 61 documented fields, each once', () => {
    expect(IMAGE_FIELDS).toHaveLength(61);
    expect(new Set(IMAGE_FIELDS).size).toBe(61);
  });

  it('holds every field of the reference example image', () => {
    for (const image of IMS_V2_EXAMPLE_RESPONSE.images) {
      for (const key of Object.keys(image)) expect(IMAGE_FIELDS).toContain(key);
    }
  });

  it.each([
    '__support_xen_hana',
    '__system__cmkid',
    '_sys_enterprise_project_id',
    'hw_vif_multiqueue_enabled',
    'max_ram',
  ])('includes %s', (field) => {
    expect(IMAGE_FIELDS).toContain(field);
  });
});

describe('parseImageList', () => {
  it("accepts the reference's example response as it is", () => {
    const result = parseImageList(IMS_V2_EXAMPLE_RESPONSE);
    expect(result).toEqual({ ok: true, value: IMS_V2_EXAMPLE_RESPONSE });
  });

  it('accepts an image with all 61 fields set', () => {
    const strings = Object.fromEntries(IMAGE_FIELDS.map((field) => [field, 'x']));
    const image = createImage({
      ...strings,
      protected: false,
      virtual_size: 1024,
      visibility: 'private',
      id: 'id-1',
      status: 'active',
      name: 'n',
      min_ram: 0,
      min_disk: 40,
      size: 1024,
      tags: ['a'],
    });
    expect(Object.keys(image).sort()).toEqual([...IMAGE_FIELDS].sort());
    expect(parseImageList({ images: [image] }).ok).toBe(true);
  });

  it('accepts the nulls Glance sends', () => {
    const image = createImage({
      name: null,
      owner: null,
      checksum: null,
      container_format: null,
      disk_format: null,
      size: null,
      virtual_size: null,
    });
    expect(parseImageList({ images: [image] }).ok).toBe(true);
  });

  it('keeps unknown fields', () => {
    const image = createImage({ __new_flag: 'true', os_hidden: false, nested: { a: [1] } });
    const result = parseImageList({ images: [image], extra: 1 });
    expect(result).toEqual({ ok: true, value: { images: [image], extra: 1 } });
  });

  it.each([
    ['id', { id: 5 }],
    ['visibility', { visibility: undefined }],
    ['min_ram', { min_ram: '2048' }],
    ['tags', { tags: null }],
    ['created_at', { created_at: undefined }],
    ['__os_version', { __os_version: 7 }],
  ])('rejects an image with a bad %s, naming it', (field, overrides) => {
    const problem = problemOf(parseImageList, { images: [createImage(overrides as never)] });
    expect(problem).toContain(`images.0.${field}`);
    expect(problem).toMatch(/^image list/);
  });
});

describe('parseImage', () => {
  it('accepts one image of the example', () => {
    const image = IMS_V2_EXAMPLE_RESPONSE.images[1];
    expect(parseImage(image)).toEqual({ ok: true, value: image });
  });

  it('rejects a list', () => {
    expect(problemOf(parseImage, IMS_V2_EXAMPLE_RESPONSE)).toMatch(/^image/);
  });
});

describe('legacy parsers', () => {
  it('accept the Nova list example', () => {
    expect(parseComputeImageList(NOVA_LIST_EXAMPLE_RESPONSE)).toEqual({
      ok: true,
      value: NOVA_LIST_EXAMPLE_RESPONSE,
    });
  });

  it('accept the Nova list with images_links', () => {
    const body = {
      ...NOVA_LIST_EXAMPLE_RESPONSE,
      images_links: [{ href: 'http://x/v2/p/images?marker=ee10f19c', rel: 'next' }],
    };
    expect(parseComputeImageList(body).ok).toBe(true);
  });

  it('accept the Nova detail example entry in an images list', () => {
    const body = { images: [NOVA_DETAIL_EXAMPLE_ENTRY] };
    expect(parseComputeImageDetailList(body)).toEqual({ ok: true, value: body });
  });

  it('accept the Nova detail example without a server', () => {
    const entry = Object.fromEntries(
      Object.entries(NOVA_DETAIL_EXAMPLE_ENTRY).filter(([key]) => key !== 'server'),
    );
    expect(entry).not.toHaveProperty('server');
    expect(parseComputeImageDetailList({ images: [entry] })).toEqual({
      ok: true,
      value: { images: [entry] },
    });
  });

  it('accept the Glance v1 example', () => {
    expect(parseGlanceV1ImageList(GLANCE_V1_EXAMPLE_RESPONSE)).toEqual({
      ok: true,
      value: GLANCE_V1_EXAMPLE_RESPONSE,
    });
  });

  const [novaImage] = NOVA_LIST_EXAMPLE_RESPONSE.images;
  const [glanceImage] = GLANCE_V1_EXAMPLE_RESPONSE.images;

  it.each<[string, Parser<unknown>, unknown, string]>([
    [
      'Nova list: an entry without links',
      parseComputeImageList,
      { images: [{ id: 'x', name: 'y' }] },
      'images.0.links',
    ],
    [
      'Nova list: a link without href',
      parseComputeImageList,
      { images: [{ ...novaImage, links: [{ rel: 'self' }] }] },
      'images.0.links.0.href',
    ],
    ['Nova list: no images', parseComputeImageList, { images_links: [] }, 'images'],
    [
      'Nova detail: the single-image form of the example',
      parseComputeImageDetailList,
      { image: NOVA_DETAIL_EXAMPLE_ENTRY },
      'images',
    ],
    [
      'Nova detail: a size that is a string',
      parseComputeImageDetailList,
      { images: [{ ...NOVA_DETAIL_EXAMPLE_ENTRY, 'OS-EXT-IMG-SIZE:size': '20578304' }] },
      'images.0.OS-EXT-IMG-SIZE:size',
    ],
    [
      'Nova detail: metadata with a number',
      parseComputeImageDetailList,
      { images: [{ ...NOVA_DETAIL_EXAMPLE_ENTRY, metadata: { instance_type_vcpus: 1 } }] },
      'images.0.metadata.instance_type_vcpus',
    ],
    [
      'Glance v1: is_public missing',
      parseGlanceV1ImageList,
      { images: [{ ...glanceImage, is_public: undefined }] },
      'images.0.is_public',
    ],
    [
      'Glance v1: deleted as a string',
      parseGlanceV1ImageList,
      { images: [{ ...glanceImage, deleted: 'false' }] },
      'images.0.deleted',
    ],
  ])('reject %s', (_label, parser, body, path) => {
    expect(problemOf(parser, body)).toContain(path);
  });
});
