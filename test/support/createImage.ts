// Test data: realistic, valid IMS images (GET /v2/images), based on the first image of the example
// response in shared/reference/ims-v2-images-native.txt.
import type { Image } from '../../src/api/imageTypes';

const BASE_IMAGE: Readonly<Image> = {
  schema: '/v2/schemas/image',
  min_disk: 100,
  created_at: '2018-09-06T14:03:27Z',
  __image_source_type: 'uds',
  container_format: 'bare',
  file: '/v2/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52/file',
  updated_at: '2018-09-06T15:17:33Z',
  protected: true,
  checksum: 'd41d8cd98f00b204e9800998ecf8427e',
  id: 'bc6bed6e-ba3a-4447-afcc-449174a3eb52',
  __isregistered: 'true',
  min_ram: 2048,
  __lazyloading: 'true',
  owner: '1bed856811654c1cb661a6ca845ebc77',
  __os_type: 'Linux',
  __imagetype: 'gold',
  visibility: 'public',
  virtual_env_type: 'FusionCompute',
  tags: [],
  __platform: 'CentOS',
  size: 0,
  __os_bit: '64',
  __os_version: 'CentOS 7.3 64bit',
  name: 'CentOS 7.3 64bit vivado',
  self: '/v2/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52',
  disk_format: 'zvhd2',
  virtual_size: null,
  hw_firmware_type: 'bios',
  status: 'active',
};

/**
 * One image: the reference's first example image with `overrides` applied. `self` and `file` follow an
 * overridden `id` unless they are overridden too; a key overridden with `undefined` is removed, so
 * `createImage({ __platform: undefined })` is an image without that property. Every call returns fresh
 * objects (tags included), so a test may mutate what it gets.
 */
export function createImage(overrides: Partial<Image> = {}): Image {
  const id = overrides.id ?? BASE_IMAGE.id;
  const image: Image = {
    ...BASE_IMAGE,
    tags: [...BASE_IMAGE.tags],
    self: `/v2/images/${id}`,
    file: `/v2/images/${id}/file`,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(image).filter(([, value]) => value !== undefined)) as Image;
}

/** A UUID-shaped id that is unique per index: `00000000-0000-4000-8000-000000000001` for 1. */
export function imageId(index: number): string {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`;
}

/**
 * `count` distinct images (ids from `imageId(1)` on, names `image 1`, `image 2`...), each with the
 * overrides (an object, or a function of the 0-based index) applied on top.
 */
export function createImageList(
  count: number,
  overrides: Partial<Image> | ((index: number) => Partial<Image>) = {},
): Image[] {
  return Array.from({ length: count }, (_, index) =>
    createImage({
      id: imageId(index + 1),
      name: `image ${index + 1}`,
      ...(typeof overrides === 'function' ? overrides(index) : overrides),
    }),
  );
}
