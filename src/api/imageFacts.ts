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

/** An IMS string boolean (`true`, `True`, `false`...) as a boolean; undefined when it is anything else. */
export function propertyFlag(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const lower = value.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

/** Arm, or x86 (AMD's when `__support_amd` says so); undefined when neither property is sent. */
export function imageArchitecture(image: Image): string | undefined {
  const arm = propertyFlag(image.__support_arm);
  const amd = propertyFlag(image.__support_amd);
  if (arm) return 'Arm';
  if (amd) return 'x86 (AMD)';
  return arm === false || amd === false ? 'x86' : undefined;
}
