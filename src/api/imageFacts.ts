// Small readings of an image that several views share.
import type { Image, ImageType } from './imageTypes';

/** Bytes of the image file: IMS puts them in `__image_size` (a string); Glance in `size`. */
export function imageSizeBytes(image: Image): number | undefined {
  const imsSize = Number(image.__image_size);
  if (image.__image_size && Number.isFinite(imsSize) && imsSize > 0) return imsSize;
  return typeof image.size === 'number' && image.size > 0 ? image.size : undefined;
}

export const IMAGE_TYPE_LABELS: Readonly<Record<ImageType, string>> = {
  gold: 'Public',
  private: 'Private',
  shared: 'Shared',
  market: 'Marketplace',
};

export function imageTypeLabel(image: Image): string | undefined {
  const type = image.__imagetype;
  if (!type) return undefined;
  return IMAGE_TYPE_LABELS[type as ImageType] ?? type;
}
