// Test data: realistic, valid IMS images (GET /v2/images), based on the first image of the example
// response in shared/reference/ims-v2-images-native.txt.
import type { Image } from '../../src/api/imageTypes';
import { IMS_V2_EXAMPLE_RESPONSE } from './referenceExamples';

/** The first image of the reference's example response, exactly as published. */
const BASE_IMAGE: Readonly<Image> = firstExampleImage();

function firstExampleImage(): Image {
  const [image] = IMS_V2_EXAMPLE_RESPONSE.images;
  if (!image) throw new Error('The reference example lists no image.');
  return image;
}

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
