// Types of the IMS "Querying Images (Native OpenStack API)" GET /v2/images: Glance v2 plus the
// `__`-prefixed IMS extension properties. Source: ../shared/reference/ims-v2-images-native.txt and its README.

/** A documented value, or any other string a newer server may send (responses are never rejected for it). */
export type Open<T extends string> = T | (string & {});

export const PLATFORMS = [
  'Windows',
  'Ubuntu',
  'Red Hat',
  'SUSE',
  'CentOS',
  'Debian',
  'OpenSUSE',
  'Oracle Linux',
  'Fedora',
  'Other',
  'CoreOS',
  'EulerOS',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const OS_TYPES = ['Linux', 'Windows', 'Other'] as const;
export type OsType = (typeof OS_TYPES)[number];

export const OS_BITS = ['32', '64'] as const;
export type OsBit = (typeof OS_BITS)[number];

/** gold = public image, market = KooGallery (marketplace) image. */
export const IMAGE_TYPES = ['gold', 'private', 'shared', 'market'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const VISIBILITIES = ['public', 'private', 'shared'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Documented statuses; Glance also reports `deactivated`, `pending_delete`, `importing` and `uploading`. */
export const IMAGE_STATUSES = ['queued', 'saving', 'active', 'killed', 'deleted', 'deactivated'] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

export const MEMBER_STATUSES = ['accepted', 'pending', 'rejected'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const DISK_FORMATS = ['zvhd2', 'vhd', 'zvhd', 'raw', 'iso', 'qcow2'] as const;
export type DiskFormat = (typeof DISK_FORMATS)[number];

/** ECS system disk, BMS, data disk and ISO images. */
export const VIRTUAL_ENV_TYPES = ['FusionCompute', 'Ironic', 'DataImage', 'IsoImage'] as const;
export type VirtualEnvType = (typeof VIRTUAL_ENV_TYPES)[number];

export const FIRMWARE_TYPES = ['bios', 'uefi'] as const;
export type FirmwareType = (typeof FIRMWARE_TYPES)[number];

/** Sort keys accepted by GET /v2/images (the reference lists all but updated_at, which Glance also sorts by). */
export const SORT_KEYS = [
  'name',
  'container_format',
  'disk_format',
  'status',
  'id',
  'size',
  'created_at',
  'updated_at',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_DIRS = ['asc', 'desc'] as const;
export type SortDir = (typeof SORT_DIRS)[number];

export const DATE_OPERATORS = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;
export type DateOperator = (typeof DATE_OPERATORS)[number];

/** `created_at=lt:2018-10-28T10:00:00Z`: the operator and a UTC time (`yyyy-MM-ddThh:mm:ssZ` or `yyyy-MM-dd hh:mm:ss`). */
export interface DateFilter {
  op: DateOperator;
  value: string;
}

/** The support flags that filter with the value `true`. */
export const SUPPORT_FLAGS = [
  '__support_kvm',
  '__support_xen',
  '__support_largememory',
  '__support_diskintensive',
  '__support_highperformance',
  '__support_xen_hana',
  '__support_kvm_infiniband',
] as const;
export type SupportFlag = (typeof SUPPORT_FLAGS)[number];

/** The support properties whose value is a GPU type rather than `true`. */
export const GPU_TYPE_FLAGS = ['__support_xen_gpu_type', '__support_kvm_gpu_type'] as const;
export type GpuTypeFlag = (typeof GPU_TYPE_FLAGS)[number];

/**
 * Every query parameter of GET /v2/images, and nothing else: a real Glance takes any unknown parameter
 * for a property filter and silently answers an empty list.
 */
export interface ImageQuery {
  /** Only `true` is meaningful: common users see registered images only. */
  __isregistered?: true;
  __imagetype?: ImageType;
  protected?: boolean;
  visibility?: Visibility;
  owner?: string;
  id?: string;
  status?: ImageStatus;
  /** Exact match. */
  name?: string;
  container_format?: string;
  disk_format?: DiskFormat;
  min_ram?: number;
  min_disk?: number;
  __os_bit?: OsBit;
  __platform?: Platform;
  /** The id of the last image of the previous page. */
  marker?: string;
  limit?: number;
  /** Several keys sort by each in turn; Glance pairs them with `sort_dir` by position. */
  sort_key?: SortKey | readonly SortKey[];
  sort_dir?: SortDir | readonly SortDir[];
  __os_type?: OsType;
  /** Several tags select images that carry all of them. */
  tag?: string | readonly string[];
  member_status?: MemberStatus;
  /** Support flags filter on `true` only ("otherwise, this parameter is not required"). */
  __support_kvm?: true;
  __support_xen?: true;
  __support_largememory?: true;
  __support_diskintensive?: true;
  __support_highperformance?: true;
  __support_xen_gpu_type?: string;
  __support_kvm_gpu_type?: string;
  __support_xen_hana?: true;
  __support_kvm_infiniband?: true;
  created_at?: DateFilter;
  updated_at?: DateFilter;
  // Property filters (see PROPERTY_FILTERS):
  virtual_env_type?: VirtualEnvType;
  /** Arm images only; x86 images carry `false` or nothing, so `false` is never asked for. */
  __support_arm?: true;
}

export type ImageQueryParameter = keyof ImageQuery;

/** The 32 documented parameters, in the reference's order (the order the request URL is written in). */
export const IMAGE_QUERY_PARAMETERS = [
  '__isregistered',
  '__imagetype',
  'protected',
  'visibility',
  'owner',
  'id',
  'status',
  'name',
  'container_format',
  'disk_format',
  'min_ram',
  'min_disk',
  '__os_bit',
  '__platform',
  'marker',
  'limit',
  'sort_key',
  'sort_dir',
  '__os_type',
  'tag',
  'member_status',
  '__support_kvm',
  '__support_xen',
  '__support_largememory',
  '__support_diskintensive',
  '__support_highperformance',
  '__support_xen_gpu_type',
  '__support_kvm_gpu_type',
  '__support_xen_hana',
  '__support_kvm_infiniband',
  'created_at',
  'updated_at',
] as const satisfies readonly ImageQueryParameter[];

/**
 * Documented image properties (Table 2) that are not among the 32 query parameters but that Glance filters
 * on server-side by exact match, as it does every non-base key (reference README, "Glance v2 behaviour").
 */
export const PROPERTY_FILTERS = [
  'virtual_env_type',
  '__support_arm',
] as const satisfies readonly ImageQueryParameter[];

/** Everything the URL builder may write, in the order it writes it. */
export const SENT_QUERY_PARAMETERS = [...IMAGE_QUERY_PARAMETERS, ...PROPERTY_FILTERS] as const;

/** A list query without the page cursor: what identifies a view (and a cache entry). */
export type ImageListQuery = Omit<ImageQuery, 'marker'>;

/** String booleans as IMS writes them (`__lazyloading` also comes as `True`/`False`). */
export type StringBoolean = Open<'true' | 'false'>;

/** One image of GET /v2/images (Table 2 of the reference): all 61 documented fields. */
export interface Image {
  __backup_id?: string;
  __data_origin?: string;
  __description?: string;
  __image_location?: string;
  /** Bytes, as a string. */
  __image_size?: string;
  __image_source_type?: string;
  __is_config_init?: StringBoolean;
  __isregistered?: StringBoolean;
  __lazyloading?: StringBoolean;
  /** The parent image id. */
  __originalimagename?: string;
  __imagetype?: Open<ImageType>;
  protected: boolean;
  virtual_env_type?: Open<VirtualEnvType>;
  virtual_size?: number | null;
  visibility: Open<Visibility>;
  owner?: string | null;
  id: string;
  status: Open<ImageStatus>;
  name: string | null;
  container_format?: string | null;
  disk_format?: Open<DiskFormat> | null;
  min_ram: number;
  max_ram?: string;
  min_disk: number;
  __os_bit?: Open<OsBit>;
  /** A JSON list of advanced features, as a string. */
  __os_feature_list?: string;
  __platform?: Open<Platform>;
  schema?: string;
  self?: string;
  size?: number | null;
  __os_type?: Open<OsType>;
  __os_version?: string;
  tags: string[];
  __support_kvm?: StringBoolean;
  __support_xen?: StringBoolean;
  __support_largememory?: StringBoolean;
  __support_diskintensive?: StringBoolean;
  __support_highperformance?: StringBoolean;
  __support_xen_gpu_type?: string;
  __support_kvm_gpu_type?: string;
  __support_xen_hana?: StringBoolean;
  __support_kvm_infiniband?: StringBoolean;
  /** KooGallery product id. */
  __productcode?: string;
  __root_origin?: string;
  __sequence_num?: string;
  /** `true` means Cloud-Init password/key injection is NOT supported. */
  __support_fc_inject?: StringBoolean;
  __is_offshelved?: StringBoolean;
  created_at: string;
  updated_at: string;
  active_at?: string;
  checksum?: string | null;
  hw_firmware_type?: Open<FirmwareType>;
  file?: string;
  enterprise_project_id?: string;
  _sys_enterprise_project_id?: string;
  __support_arm?: StringBoolean;
  /** Comma-separated agents: `hss` (server security), `ces` (host monitoring). */
  __support_agent_list?: string;
  __account_code?: string;
  __support_amd?: StringBoolean;
  /** The KMS key that encrypts the image. */
  __system__cmkid?: string;
  hw_vif_multiqueue_enabled?: StringBoolean;
  /** Undocumented properties are kept as the server sent them. */
  [property: string]: unknown;
}

/** The 61 fields of Table 2 of the reference, in its order. */
export const IMAGE_FIELDS = [
  '__backup_id',
  '__data_origin',
  '__description',
  '__image_location',
  '__image_size',
  '__image_source_type',
  '__is_config_init',
  '__isregistered',
  '__lazyloading',
  '__originalimagename',
  '__imagetype',
  'protected',
  'virtual_env_type',
  'virtual_size',
  'visibility',
  'owner',
  'id',
  'status',
  'name',
  'container_format',
  'disk_format',
  'min_ram',
  'max_ram',
  'min_disk',
  '__os_bit',
  '__os_feature_list',
  '__platform',
  'schema',
  'self',
  'size',
  '__os_type',
  '__os_version',
  'tags',
  '__support_kvm',
  '__support_xen',
  '__support_largememory',
  '__support_diskintensive',
  '__support_highperformance',
  '__support_xen_gpu_type',
  '__support_kvm_gpu_type',
  '__support_xen_hana',
  '__support_kvm_infiniband',
  '__productcode',
  '__root_origin',
  '__sequence_num',
  '__support_fc_inject',
  '__is_offshelved',
  'created_at',
  'updated_at',
  'active_at',
  'checksum',
  'hw_firmware_type',
  'file',
  'enterprise_project_id',
  '_sys_enterprise_project_id',
  '__support_arm',
  '__support_agent_list',
  '__account_code',
  '__support_amd',
  '__system__cmkid',
  'hw_vif_multiqueue_enabled',
] as const;
export type ImageField = (typeof IMAGE_FIELDS)[number];

/** The response of GET /v2/images. */
export interface ImageListResponse {
  images: Image[];
  first?: string;
  next?: string;
  schema?: string;
}

/** What a list call gives the app: one page and the cursor of the next, if any. */
export interface ImagePage {
  images: Image[];
  nextMarker: string | undefined;
}
