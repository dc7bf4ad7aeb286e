// Types of the three discarded APIs the drawer shows an image in: the compute API's
// GET /v2/{project_id}/images and /images/detail (also under /v2.1) and Glance GET /v1.1/images/detail.

export interface Link {
  href: string;
  rel: string;
  type?: string;
}

/** Nova's own image status (see the status mapping in the reference README). */
export type NovaStatus = 'SAVING' | 'ACTIVE' | 'ERROR' | 'DELETED' | 'UNKNOWN';

/** One entry of GET /v2/{project_id}/images. */
export interface ComputeImage {
  id: string;
  links: Link[];
  name: string | null;
}

/** One entry of GET /v2/{project_id}/images/detail. */
export interface ComputeImageDetail extends ComputeImage {
  metadata: Record<string, string>;
  'OS-EXT-IMG-SIZE:size': number;
  minDisk: number;
  minRam: number;
  progress: number;
  status: NovaStatus | (string & {});
  created: string;
  updated: string;
  server?: { id: string; links: Link[] };
}

export interface ComputeImageList<T extends ComputeImage> {
  images: T[];
  images_links?: Link[];
}

/** One entry of Glance GET /v1.1/images/detail. */
export interface GlanceV1Image {
  id: string;
  name: string | null;
  status: string;
  container_format: string | null;
  disk_format: string | null;
  size: number | null;
  virtual_size: number | null;
  checksum: string | null;
  min_ram: number;
  min_disk: number;
  owner: string | null;
  protected: boolean;
  is_public: boolean;
  deleted: boolean;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
  properties: Record<string, string>;
}

export interface GlanceV1ImageList {
  images: GlanceV1Image[];
}

export type ComputeVersion = 'v2' | 'v2.1';

/** Filters of the compute image lists (plus Nova's `limit`/`marker` paging). */
export interface ComputeImageQuery {
  name?: string;
  /** A Glance status (`active`) or a Nova one (`ACTIVE`, `SAVING`). */
  status?: string;
  'changes-since'?: string;
  minRam?: number;
  minDisk?: number;
  limit?: number;
  marker?: string;
}

/** Filters of Glance GET /v1.1/images/detail; `properties` become `property-<key>` parameters. */
export interface GlanceV1ImageQuery {
  name?: string;
  container_format?: string;
  disk_format?: string;
  status?: string;
  size_min?: number;
  size_max?: number;
  'changes-since'?: string;
  min_ram?: number;
  min_disk?: number;
  is_public?: boolean;
  protected?: boolean;
  properties?: Readonly<Record<string, string>>;
  limit?: number;
  marker?: string;
}
