// Pure mappings of a native v2 image to the records the discarded APIs give for it, following the rules
// of ../shared/reference/README.md ("Nova status mapping"). Shared by the drawer and the demo backend.
import { imageSizeBytes } from './imageFacts';
import type { Image } from './imageTypes';
import type {
  ComputeImage,
  ComputeImageDetail,
  ComputeVersion,
  GlanceV1Image,
  Link,
  NovaStatus,
} from './legacyTypes';

/** Fields of a Glance v2 image that are not properties; everything else is metadata / properties. */
export const GLANCE_BASE_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'name',
  'status',
  'visibility',
  'protected',
  'tags',
  'created_at',
  'updated_at',
  'self',
  'file',
  'schema',
  'min_disk',
  'min_ram',
  'owner',
  'size',
  'virtual_size',
  'checksum',
  'container_format',
  'disk_format',
  'os_hidden',
  'os_hash_algo',
  'os_hash_value',
  'direct_url',
  'locations',
  'stores',
]);

const NOVA_STATUS: ReadonlyMap<string, NovaStatus> = new Map([
  ['queued', 'SAVING'],
  ['saving', 'SAVING'],
  ['active', 'ACTIVE'],
  ['killed', 'ERROR'],
  ['deleted', 'DELETED'],
  ['pending_delete', 'DELETED'],
]);

export function novaStatus(glanceStatus: string): NovaStatus {
  return NOVA_STATUS.get(glanceStatus) ?? 'UNKNOWN';
}

const PROGRESS: ReadonlyMap<string, number> = new Map([
  ['queued', 25],
  ['saving', 50],
  ['active', 100],
]);

export function novaProgress(glanceStatus: string): number {
  return PROGRESS.get(glanceStatus) ?? 0;
}

/** The image's properties as the legacy APIs list them: every non-base field, as a string. */
export function imageProperties(image: Image): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(image)) {
    if (GLANCE_BASE_FIELDS.has(key) || value === null || value === undefined) continue;
    properties[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return properties;
}

/** Where the legacy records point: the compute endpoint, the image service and the project. */
export interface LegacyLinkContext {
  computeEndpoint: string;
  imageEndpoint: string;
  projectId: string;
  computeVersion?: ComputeVersion;
}

function resourceLinks(context: LegacyLinkContext, collection: 'images' | 'servers', id: string): Link[] {
  const { computeEndpoint, projectId, computeVersion = 'v2' } = context;
  return [
    { href: `${computeEndpoint}/${computeVersion}/${projectId}/${collection}/${id}`, rel: 'self' },
    { href: `${computeEndpoint}/${projectId}/${collection}/${id}`, rel: 'bookmark' },
  ];
}

/** The image as an entry of GET /v2/{project_id}/images. */
export function toComputeImage(image: Image, context: LegacyLinkContext): ComputeImage {
  return {
    id: image.id,
    links: [
      ...resourceLinks(context, 'images', image.id),
      {
        href: `${context.imageEndpoint}/${context.projectId}/images/${image.id}`,
        rel: 'alternate',
        type: 'application/vnd.openstack.image',
      },
    ],
    name: image.name,
  };
}

function integer(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : 0;
}

/** The image as an entry of GET /v2/{project_id}/images/detail. */
export function toComputeImageDetail(image: Image, context: LegacyLinkContext): ComputeImageDetail {
  const metadata = imageProperties(image);
  const instanceId = metadata.instance_uuid;
  return {
    ...toComputeImage(image, context),
    metadata,
    // IMS leaves `size` at 0 and keeps the bytes in `__image_size`.
    'OS-EXT-IMG-SIZE:size': imageSizeBytes(image) ?? 0,
    minDisk: integer(image.min_disk),
    minRam: integer(image.min_ram),
    progress: novaProgress(image.status),
    status: novaStatus(image.status),
    created: image.created_at,
    updated: image.updated_at,
    ...(instanceId
      ? { server: { id: instanceId, links: resourceLinks(context, 'servers', instanceId) } }
      : {}),
  };
}

/** Glance v1 writes times as naive UTC with microseconds: `2016-05-22T06:04:20.425843`. */
export function toGlanceV1Time(isoTime: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6})\d*)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(
    isoTime,
  );
  if (!match) return isoTime;
  const [, date, time, fraction = '', zone = 'Z'] = match;
  const utc = new Date(`${date}T${time}${zone.toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`);
  if (Number.isNaN(utc.getTime())) return isoTime;
  return `${utc.toISOString().slice(0, 19)}.${fraction.padEnd(6, '0')}`;
}

function nullableNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The image as an entry of Glance GET /v1.1/images/detail. */
export function toGlanceV1Image(image: Image): GlanceV1Image {
  const deleted = image.status === 'deleted';
  return {
    id: image.id,
    name: image.name,
    status: image.status,
    container_format: image.container_format ?? null,
    disk_format: image.disk_format ?? null,
    size: imageSizeBytes(image) ?? nullableNumber(image.size),
    virtual_size: nullableNumber(image.virtual_size),
    checksum: image.checksum ?? null,
    min_ram: integer(image.min_ram),
    min_disk: integer(image.min_disk),
    owner: image.owner ?? null,
    protected: image.protected,
    is_public: image.visibility === 'public',
    deleted,
    deleted_at: deleted ? toGlanceV1Time(image.updated_at) : null,
    created_at: toGlanceV1Time(image.created_at),
    updated_at: toGlanceV1Time(image.updated_at),
    properties: imageProperties(image),
  };
}
