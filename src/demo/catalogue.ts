// A reproducible image catalogue as one project sees it in IMS: the provider's public images for every
// platform, KooGallery images, the viewer's own images, images other tenants share with it, and other
// tenants' images it must never see. Field values follow ../shared/reference/ims-v2-images-native.txt.
import {
  GPU_TYPE_FLAGS,
  IMAGE_FIELDS,
  SUPPORT_FLAGS,
  type DiskFormat,
  type Image,
  type ImageStatus,
  type ImageType,
  type MemberStatus,
  type Open,
  type VirtualEnvType,
  type Visibility,
} from '../api/imageTypes';
import {
  APPS,
  ENTERPRISE_PROJECTS,
  MARKET_PRODUCTS,
  PEER_TAGS,
  ROLES,
  UNTRUSTED_TEXT,
  VIEWER_DESCRIPTIONS,
  VIEWER_TAGS,
} from './catalogueText';
import { ALL_RELEASES, releaseForPublicImage, type OsRelease } from './osReleases';
import {
  chance,
  createRandom,
  hexId,
  intBetween,
  pick,
  pickSome,
  pickWeighted,
  uuid,
  type Random,
} from './random';

/** The project the demo user is signed in to (the project id of the compute API reference's example). */
export const DEMO_PROJECT_ID = '9c53a566cb3443ab910cf0daebca90c4';

/** Owner of the public images (the owner in the IMS reference's example response). */
const PROVIDER_PROJECT_ID = '1bed856811654c1cb661a6ca845ebc77';
const MARKET_PROJECT_ID = '7d1f3a9c5e0b4d2f8a6c4e2b0d9f7a5c';
/** Tenants that share images with the viewer, receive the viewer's images, and keep private ones. */
const PEER_PROJECT_IDS = [
  '2f8e6d4c2b0a49e8b6c4d2e0f8a6b4c2',
  '4a6c8e0b2d4f46a8ca0e2b4d6f8a0c2e',
  'b3d5f7a9c1e34b5d9f1a3c5e7b9d1f3a',
  'e0c2a4b6d8f04a1c8e2d4f6a8b0c2e4f',
] as const;

export interface Catalogue {
  viewerProjectId: string;
  images: Image[];
  /** Image id → member project id → that member's answer to the share. Only shared images have members. */
  members: Map<string, Map<string, MemberStatus>>;
}

export interface CatalogueOptions {
  /** Number of images, visible to the viewer or not. */
  size?: number;
  seed?: number;
}

// Times -----------------------------------------------------------------------------------------------

const CATALOGUE_START = Date.UTC(2016, 0, 1) / 1000;
const CATALOGUE_END = Date.UTC(2026, 10, 1) / 1000;
const DAY = 86_400;

/** `2018-09-06T` for each day seen: Date#toISOString is too slow to call for every time of 100,000 images. */
const dayPrefixes = new Map<number, string>();

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `2018-09-06T14:03:27Z`, as IMS writes times. */
function utcTime(epochSeconds: number): string {
  const day = Math.floor(epochSeconds / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY * 1000).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const second = epochSeconds - day * DAY;
  // The short time of day is a flat string; joined to the shared day prefix it costs one small rope.
  const timeOfDay = `${twoDigits(Math.floor(second / 3600))}:${twoDigits(Math.floor(second / 60) % 60)}:${twoDigits(second % 60)}Z`;
  return prefix + timeOfDay;
}

interface Timestamps {
  created: number;
  updated: number;
}

/** Images are often created in batches (a provider's release, a backup run): many share a created_at. */
function randomTimestamps(random: Random, batchTimes: readonly number[]): Timestamps {
  const created = chance(random, 0.35)
    ? pick(random, batchTimes)
    : intBetween(random, CATALOGUE_START, CATALOGUE_END - 1);
  const updated = chance(random, 0.3)
    ? created
    : Math.min(CATALOGUE_END, created + intBetween(random, 1, 400 * DAY));
  return { created, updated };
}

// Statuses ----------------------------------------------------------------------------------------------

const PUBLIC_STATUSES: readonly (readonly [ImageStatus, number])[] = [
  ['active', 90],
  ['deactivated', 6],
  ['deleted', 2],
  ['killed', 2],
];
const TENANT_STATUSES: readonly (readonly [ImageStatus, number])[] = [
  ['active', 80],
  ['queued', 4],
  ['saving', 4],
  ['killed', 4],
  ['deleted', 4],
  ['deactivated', 4],
];
const MEMBER_ANSWERS: readonly (readonly [MemberStatus, number])[] = [
  ['accepted', 60],
  ['pending', 25],
  ['rejected', 15],
];

/** Only these statuses have an uploaded file, hence a size, a checksum and an active_at. */
function hasData(status: ImageStatus): boolean {
  return status === 'active' || status === 'deactivated' || status === 'deleted';
}

// Hardware and support flags ------------------------------------------------------------------------------

const XEN_GPU_TYPES = ['M60_GPU', 'M60_vGPU', 'P100', 'V100_vGPU'] as const;
const KVM_GPU_TYPES = ['V100_vGPU', 'V100', 'P100', 'T4', 'A100', 'P4'] as const;

type HardwareProfile =
  'xen' | 'kvm' | 'xen+kvm' | 'kvm-infiniband' | 'xen-gpu' | 'kvm-gpu' | 'xen-hana' | 'arm';

function hardwareProfile(random: Random, release: OsRelease): HardwareProfile {
  if (release.arm) return 'arm';
  if (release.sap && chance(random, 0.6)) return 'xen-hana';
  return pickWeighted<HardwareProfile>(random, [
    ['xen+kvm', 30],
    ['kvm', 30],
    ['xen', 15],
    ['kvm-gpu', 10],
    ['xen-gpu', 7],
    ['kvm-infiniband', 8],
  ]);
}

/**
 * The support properties of a profile. GPU and HANA types never come with __support_xen/__support_kvm,
 * and InfiniBand never with __support_xen: the documented "cannot co-exist" rules.
 */
function supportProperties(random: Random, profile: HardwareProfile): Partial<Image> {
  switch (profile) {
    case 'xen-gpu':
      return { __support_xen_gpu_type: pick(random, XEN_GPU_TYPES) };
    case 'kvm-gpu':
      return { __support_kvm_gpu_type: pick(random, KVM_GPU_TYPES) };
    case 'xen-hana':
      return { __support_xen_hana: 'true', __support_largememory: 'true' };
    case 'kvm-infiniband':
      return { __support_kvm: 'true', __support_kvm_infiniband: 'true', __support_highperformance: 'true' };
    case 'arm':
      return { __support_kvm: 'true', __support_arm: 'true' };
    default:
      return {
        ...(profile === 'xen' ? {} : { __support_kvm: 'true' }),
        ...(profile === 'kvm' ? {} : { __support_xen: 'true' }),
        ...(profile === 'kvm' && chance(random, 0.4) ? { __support_amd: 'true' } : {}),
        ...(chance(random, 0.5) ? { __support_arm: 'false' } : {}),
        ...(chance(random, 0.2) ? { __support_largememory: 'true' } : {}),
        ...(chance(random, 0.2) ? { __support_diskintensive: 'true' } : {}),
        ...(chance(random, 0.2) ? { __support_highperformance: 'true' } : {}),
      };
  }
}

/** Properties a copy of an image (snapshot, backup) keeps from its parent. */
const INHERITED_PROPERTIES = [
  '__os_type',
  '__os_bit',
  '__platform',
  '__os_version',
  '__os_feature_list',
  '__support_arm',
  '__support_amd',
  'hw_firmware_type',
  ...SUPPORT_FLAGS,
  ...GPU_TYPE_FLAGS,
] as const;

function inheritedProperties(parent: Image): Partial<Image> {
  const inherited: Partial<Image> = {};
  for (const key of INHERITED_PROPERTIES) {
    if (parent[key] !== undefined) inherited[key] = parent[key];
  }
  return inherited;
}

// Operating-system and file properties ------------------------------------------------------------------

const OS_FEATURES = ['onekey_resetpasswd', 'virtio_blk', 'nvme', 'sriov', 'cloudinit'] as const;

/** The OS properties of a system-disk image (all strings, as Glance stores them; the live tests seed these too). */
export function osProperties(random: Random, release: OsRelease) {
  return {
    __os_type: release.osType,
    __os_bit: release.bit,
    __platform: release.platform,
    __os_version: release.version,
    __os_feature_list: JSON.stringify(pickSome(random, OS_FEATURES, intBetween(random, 0, 3))),
    // Arm servers only boot UEFI.
    hw_firmware_type: release.arm || chance(random, 0.2) ? 'uefi' : 'bios',
  };
}

/** Guest tooling flags of a system-disk image. */
function guestProperties(random: Random): Partial<Image> {
  return {
    __is_config_init: chance(random, 0.9) ? 'true' : 'false',
    __support_fc_inject: chance(random, 0.15) ? 'true' : 'false',
    __lazyloading: pickWeighted(random, [
      ['true', 6],
      ['false', 2],
      ['True', 1],
      ['False', 1],
    ]),
    hw_vif_multiqueue_enabled: chance(random, 0.7) ? 'true' : 'false',
    ...(chance(random, 0.6) ? { __support_agent_list: pick(random, ['hss,ces', 'hss', 'ces']) } : {}),
  };
}

const LINUX_MIN_DISKS = [10, 20, 40, 40, 40, 50, 60, 80, 100, 200, 500, 1024] as const;
const WINDOWS_MIN_DISKS = [20, 40, 40, 50, 60, 80, 100, 200, 1024] as const;
const MIN_RAMS = [1024, 2048, 4096, 8192] as const;
const GIB = 1024 ** 3;

function minDisk(random: Random, release: OsRelease | undefined): number {
  return pick(random, release?.osType === 'Windows' ? WINDOWS_MIN_DISKS : LINUX_MIN_DISKS);
}

function minRam(random: Random): number {
  return chance(random, 0.6) ? 0 : pick(random, MIN_RAMS);
}

/** A 32-bit OS addresses 4 GB at most; some 64-bit images cap the flavor memory too. */
function maxRam(random: Random, release: OsRelease | undefined): Partial<Image> {
  if (release?.bit === '32') return { max_ram: '4096' };
  return chance(random, 0.1) ? { max_ram: pick(random, ['65536', '262144', '524288']) } : {};
}

/** The file is compressed: from a few hundred MB up to the disk it restores (at most 40 GB). */
function fileBytes(random: Random, minDiskGb: number): number {
  return intBetween(random, 256 * 1024 ** 2, Math.min(minDiskGb, 40) * GIB);
}

function yyyymmdd(epochSeconds: number): string {
  return utcTime(epochSeconds).slice(0, 10).replaceAll('-', '');
}

// Image records -----------------------------------------------------------------------------------------

interface Draft {
  owner: string;
  name: string | null;
  tags: string[];
  imageType: ImageType;
  visibility: Visibility;
  protected: boolean;
  status: ImageStatus;
  envType: Open<VirtualEnvType>;
  diskFormat: DiskFormat;
  minDisk: number;
  timestamps: Timestamps;
}

/**
 * Every documented field (and the snapshot's `instance_uuid`), unset. All images start from it so they
 * share one hidden class: 100,000 of them build in a fraction of the time and scan faster in the emulator.
 * Unset fields stay `undefined`, which JSON leaves out.
 */
const BLANK_IMAGE: Partial<Image> = Object.fromEntries(
  // The fields a reader looks for first lead, as in the reference's example.
  [...new Set(['id', 'name', 'status', 'visibility', 'owner', ...IMAGE_FIELDS, 'instance_uuid'])].map(
    (field) => [field, undefined],
  ),
);

/** The fields every image has, with size, checksum and active_at only when the file was uploaded. */
function imageRecord(random: Random, id: string, draft: Draft, ...properties: Partial<Image>[]): Image {
  const { created, updated } = draft.timestamps;
  const bytes = hasData(draft.status) ? fileBytes(random, draft.minDisk) : undefined;
  const image: Image = {
    ...BLANK_IMAGE,
    schema: '/v2/schemas/image',
    id,
    name: draft.name,
    status: draft.status,
    visibility: draft.visibility,
    protected: draft.protected,
    owner: draft.owner,
    tags: draft.tags,
    container_format: 'bare',
    disk_format: draft.diskFormat,
    min_disk: draft.minDisk,
    min_ram: minRam(random),
    size: bytes ?? (draft.status === 'queued' ? null : 0),
    virtual_size: null,
    checksum: bytes === undefined ? null : hexId(random),
    created_at: utcTime(created),
    updated_at: utcTime(updated),
    self: `/v2/images/${id}`,
    file: `/v2/images/${id}/file`,
    __imagetype: draft.imageType,
    __isregistered: 'true',
    __image_source_type: 'uds',
    __image_location: `ims-${draft.owner.slice(0, 8)}/${id}.${draft.diskFormat}`,
    virtual_env_type: draft.envType,
  };
  if (bytes !== undefined) {
    image.active_at = utcTime(created + Math.min(intBetween(random, 60, 3600), updated - created));
    image.__image_size = String(bytes);
  }
  return Object.assign(image, ...properties);
}

/** What every image of one catalogue draws from. */
interface Generation {
  random: Random;
  batchTimes: readonly number[];
  publicImages: Image[];
}

function publicImage(gen: Generation, index: number): Image {
  const { random } = gen;
  const release = releaseForPublicImage(index);
  const envType: VirtualEnvType = chance(random, 0.1) ? 'Ironic' : 'FusionCompute';
  const profile = hardwareProfile(random, release);
  return imageRecord(
    random,
    uuid(random),
    {
      owner: PROVIDER_PROJECT_ID,
      name: publicImageName(random, release, envType, profile),
      tags: [],
      imageType: 'gold',
      visibility: 'public',
      protected: true,
      status: pickWeighted(random, PUBLIC_STATUSES),
      envType,
      diskFormat: chance(random, 0.85) ? 'zvhd2' : 'zvhd',
      minDisk: minDisk(random, release),
      timestamps: randomTimestamps(random, gen.batchTimes),
    },
    osProperties(random, release),
    guestProperties(random),
    envType === 'Ironic' ? bareMetalProperties(release) : supportProperties(random, profile),
    maxRam(random, release),
  );
}

/** Bare-metal images run on no hypervisor: only the architecture is worth saying. */
function bareMetalProperties(release: OsRelease): Partial<Image> {
  return release.arm ? { __support_arm: 'true' } : {};
}

function publicImageName(
  random: Random,
  release: OsRelease,
  envType: VirtualEnvType,
  profile: HardwareProfile,
): string {
  if (envType === 'Ironic') return `${release.version} for BareMetal`;
  if (profile === 'kvm-gpu' || profile === 'xen-gpu') return `${release.version} with GPU Driver`;
  if (profile === 'kvm-infiniband') return `${release.version} with InfiniBand`;
  return chance(random, 0.15) ? `${release.version}(40GB)` : release.version;
}

function marketImage(gen: Generation): Image {
  const { random } = gen;
  const release = pick(random, ALL_RELEASES);
  return imageRecord(
    random,
    uuid(random),
    {
      owner: MARKET_PROJECT_ID,
      name: `${pick(random, MARKET_PRODUCTS)} | ${release.version}`,
      tags: [],
      imageType: 'market',
      visibility: 'public',
      protected: true,
      status: pickWeighted(random, PUBLIC_STATUSES),
      envType: 'FusionCompute',
      diskFormat: 'zvhd2',
      minDisk: minDisk(random, release),
      timestamps: randomTimestamps(random, gen.batchTimes),
    },
    osProperties(random, release),
    guestProperties(random),
    supportProperties(random, hardwareProfile(random, release)),
    {
      __productcode: `00301-${intBetween(random, 100_000, 999_999)}-0--0`,
      __account_code: hexId(random),
      __is_offshelved: chance(random, 0.15) ? 'true' : 'false',
    },
  );
}

/** Whose image it is and how it is exposed; tenant images otherwise look alike. */
interface Tenancy {
  owner: string;
  imageType: ImageType;
  visibility: Visibility;
  /** Other tenants' names, tags and descriptions may be hostile. */
  untrusted: boolean;
}

type TenantImageSource = 'server' | 'backup' | 'file' | 'data' | 'iso';

/** A tenant's image: a server snapshot or backup of a public image, an import, a data disk or an ISO. */
function tenantImage(gen: Generation, tenancy: Tenancy): Image {
  const { random } = gen;
  const id = uuid(random);
  const source = pickWeighted<TenantImageSource>(random, [
    ['server', 40],
    ['backup', 15],
    ['file', 20],
    ['data', 15],
    ['iso', 10],
  ]);
  const parent = source === 'server' || source === 'backup' ? pick(random, gen.publicImages) : undefined;
  const release = source === 'data' ? undefined : pick(random, ALL_RELEASES);
  const timestamps = randomTimestamps(random, gen.batchTimes);
  const status = pickWeighted(random, TENANT_STATUSES);
  const draft: Draft = {
    owner: tenancy.owner,
    imageType: tenancy.imageType,
    visibility: tenancy.visibility,
    name: tenantImageName(random, tenancy, source, timestamps, status),
    tags: tenantTags(random, tenancy),
    protected: false,
    status,
    envType: parent?.virtual_env_type ?? tenantEnvType(source),
    diskFormat: tenantDiskFormat(random, source),
    minDisk: parent ? Math.max(parent.min_disk, minDisk(random, undefined)) : minDisk(random, release),
    timestamps,
  };
  return imageRecord(
    random,
    id,
    draft,
    parent ? inheritedProperties(parent) : {},
    release && !parent ? osProperties(random, release) : {},
    maxRam(random, parent ? undefined : release),
    source === 'data' || source === 'iso' ? {} : guestProperties(random),
    originProperties(random, source, parent),
    tenantProperties(random, tenancy),
  );
}

function tenantEnvType(source: TenantImageSource): VirtualEnvType {
  if (source === 'data') return 'DataImage';
  return source === 'iso' ? 'IsoImage' : 'FusionCompute';
}

function tenantDiskFormat(random: Random, source: TenantImageSource): DiskFormat {
  if (source === 'iso') return 'iso';
  if (source === 'file') return pick(random, ['zvhd2', 'zvhd2', 'vhd', 'raw', 'qcow2']);
  return chance(random, 0.9) ? 'zvhd2' : 'zvhd';
}

function tenantImageName(
  random: Random,
  tenancy: Tenancy,
  source: TenantImageSource,
  { created }: Timestamps,
  status: ImageStatus,
): string | null {
  // Glance lets an image be registered without a name; it then stays queued until uploaded.
  if (status === 'queued' && chance(random, 0.1)) return null;
  if (tenancy.untrusted && chance(random, 0.1)) return pick(random, UNTRUSTED_TEXT);
  const app = pick(random, APPS);
  switch (source) {
    case 'data':
      return `${app}-data-disk-${yyyymmdd(created)}`;
    case 'iso':
      return `${app}-installer-${yyyymmdd(created)}.iso`;
    case 'server':
      return chance(random, 0.3)
        ? `ecs-${hexId(random).slice(0, 4)}-snapshot-${yyyymmdd(created)}`
        : `${app}-${pick(random, ROLES)}-${yyyymmdd(created)}`;
    default:
      return `${app}-${pick(random, ROLES)}-${yyyymmdd(created)}`;
  }
}

/** Where the image came from: `__data_origin`, and the server, backup or file behind it. */
function originProperties(
  random: Random,
  source: TenantImageSource,
  parent: Image | undefined,
): Partial<Image> {
  const parentId = parent ? { __originalimagename: parent.id } : {};
  switch (source) {
    case 'server': {
      const serverId = uuid(random);
      return { ...parentId, instance_uuid: serverId, __data_origin: `instance,${serverId}` };
    }
    case 'backup': {
      const backupId = uuid(random);
      return { ...parentId, __backup_id: backupId, __data_origin: `server_backup,${backupId}` };
    }
    case 'data':
      return { __data_origin: `volume,${uuid(random)}` };
    default:
      return {
        __root_origin: 'file',
        __data_origin: `file,obs://image-uploads/${hexId(random).slice(0, 12)}`,
      };
  }
}

function tenantProperties(random: Random, tenancy: Tenancy): Partial<Image> {
  const enterpriseProject = pick(random, ENTERPRISE_PROJECTS);
  const descriptions = tenancy.untrusted ? UNTRUSTED_TEXT : VIEWER_DESCRIPTIONS;
  return {
    enterprise_project_id: enterpriseProject,
    _sys_enterprise_project_id: enterpriseProject,
    ...(chance(random, 0.3) ? { __description: pick(random, descriptions) } : {}),
    ...(chance(random, 0.08) ? { __system__cmkid: uuid(random) } : {}),
  };
}

function tenantTags(random: Random, tenancy: Tenancy): string[] {
  const pool = tenancy.untrusted ? PEER_TAGS : VIEWER_TAGS;
  return pickSome(
    random,
    pool,
    pickWeighted(random, [
      [0, 3],
      [1, 3],
      [2, 2],
      [3, 2],
    ]),
  );
}

// The catalogue -----------------------------------------------------------------------------------------

/** Share of each kind of image; the viewer's private images take the rest. */
const KIND_SHARES = {
  public: 0.2,
  market: 0.05,
  viewerSharedOut: 0.05,
  sharedWithViewer: 0.18,
  othersPrivate: 0.15,
  othersSharedElsewhere: 0.05,
} as const;

function shareOf(size: number, kind: keyof typeof KIND_SHARES): number {
  return Math.floor(size * KIND_SHARES[kind]);
}

/** `size` images, identical for identical options: everything comes from the seeded random source. */
export function generateCatalogue({ size = 2000, seed = 1 }: CatalogueOptions = {}): Catalogue {
  const random = createRandom(seed);
  const gen: Generation = {
    random,
    batchTimes: Array.from({ length: Math.max(8, Math.ceil(size / 50)) }, () =>
      intBetween(random, CATALOGUE_START, CATALOGUE_END - 1),
    ),
    publicImages: [],
  };
  const members = new Map<string, Map<string, MemberStatus>>();
  const images: Image[] = [];
  const repeat = (count: number, create: () => Image) => {
    for (let i = 0; i < count; i += 1) images.push(create());
  };
  /** Shares the image with the projects, each of which has answered (about 60% accepted). */
  const share = (image: Image, projects: readonly string[]) => {
    members.set(
      image.id,
      new Map(projects.map((project) => [project, pickWeighted(random, MEMBER_ANSWERS)])),
    );
    return image;
  };
  const peers = (count: number, except?: string) =>
    pickSome(
      random,
      PEER_PROJECT_IDS.filter((peer) => peer !== except),
      count,
    );

  // A one-image catalogue still gets a public image for snapshots to descend from.
  const publicCount = Math.max(1, shareOf(size, 'public'));
  for (let i = 0; i < publicCount; i += 1) gen.publicImages.push(publicImage(gen, i));
  images.push(...gen.publicImages);
  repeat(shareOf(size, 'market'), () => marketImage(gen));

  const viewer: Tenancy = {
    owner: DEMO_PROJECT_ID,
    imageType: 'private',
    visibility: 'private',
    untrusted: false,
  };
  repeat(shareOf(size, 'viewerSharedOut'), () =>
    share(tenantImage(gen, { ...viewer, visibility: 'shared' }), peers(intBetween(random, 1, 3))),
  );
  repeat(shareOf(size, 'sharedWithViewer'), () => {
    const owner = pick(random, PEER_PROJECT_IDS);
    const image = tenantImage(gen, { owner, imageType: 'shared', visibility: 'shared', untrusted: true });
    return share(image, [...peers(intBetween(random, 0, 2), owner), DEMO_PROJECT_ID]);
  });
  repeat(shareOf(size, 'othersPrivate'), () =>
    tenantImage(gen, {
      owner: pick(random, PEER_PROJECT_IDS),
      imageType: 'private',
      visibility: 'private',
      untrusted: true,
    }),
  );
  repeat(shareOf(size, 'othersSharedElsewhere'), () => {
    const owner = pick(random, PEER_PROJECT_IDS);
    const image = tenantImage(gen, { owner, imageType: 'private', visibility: 'shared', untrusted: true });
    return share(image, peers(intBetween(random, 1, 2), owner));
  });
  repeat(Math.max(0, size - images.length), () => tenantImage(gen, viewer));

  return { viewerProjectId: DEMO_PROJECT_ID, images: images.slice(0, size), members };
}
