// The images a real Glance is seeded with for the live tests, and the same images as the demo emulator
// would hold them. Deterministic: a fixed seed, fixed ids, no clock. Values follow IMS
// (../shared/reference/ims-v2-images-native.txt): properties are strings, as Glance stores them.
import { createHash } from 'node:crypto';
import type { Image, MemberStatus, Visibility } from '../../src/api/imageTypes';
import { osProperties, type Catalogue } from '../../src/demo/catalogue';
import { ALL_RELEASES, releaseForPublicImage, type OsRelease } from '../../src/demo/osReleases';
import { createRandom, intBetween, pick, pickSome, uuid, type Random } from '../../src/demo/random';

/** The three tenants of the seed: the signed-in project, a tenant sharing with it, the public-image owner. */
export const SEED_PROJECTS = {
  viewer: '9c53a566cb3443ab910cf0daebca90c4',
  peer: '2f8e6d4c2b0a49e8b6c4d2e0f8a6b4c2',
  provider: '1bed856811654c1cb661a6ca845ebc77',
} as const;
export type SeedProject = keyof typeof SEED_PROJECTS;

export interface SeedImage {
  /** A fixed UUID. */
  id: string;
  owner: SeedProject;
  name: string;
  visibility: Extract<Visibility, 'public' | 'private' | 'shared'>;
  disk_format: string;
  container_format: string;
  min_ram: number;
  min_disk: number;
  protected: boolean;
  tags: string[];
  /** IMS `__` properties, `virtual_env_type`, `hw_firmware_type`…: strings only, as Glance accepts them. */
  properties: Record<string, string>;
  /** Bytes uploaded so that the image becomes active; absent: it stays queued (size null). */
  data?: string;
  /** The projects the image is shared with and each one's answer. Only shared images have members. */
  members?: Partial<Record<SeedProject, MemberStatus>>;
}

const MARKET_PRODUCTS = [
  'WordPress 6.4',
  'LAMP Stack',
  'GitLab CE 16.5',
  'Docker CE 24',
  'MySQL 8.0',
  '宝塔Linux面板 8.0',
];
const APPS = ['billing', 'checkout', 'search', 'crm', 'kafka', 'redis', 'mysql', 'nginx', '订单系统'];
const ROLES = ['web', 'api', 'worker', 'db', 'cache', 'base'];
const VIEWER_TAGS = ['env=prod', 'env=dev', 'team=web', 'owner=alice', 'needs review', 'cost-center=4711'];
const PEER_TAGS = ['env=prod', 'team=ml', 'source=partner', '项目=演示', 'a&b=c', 'needs review'];
const KVM_GPU_TYPES = ['V100', 'T4', 'A100', 'P4'];

/**
 * Names the app must render as text, not markup; both on images shared with the viewer. Glance refuses
 * 4-byte UTF-8 (emoji) in names: "Name can't contain 4 byte unicode characters." (400).
 */
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
export const UNICODE_NAME = '共享镜像 ✓ 测试环境 – “ünïcode” ☁';
/** A name several of the viewer's images carry, for sort tie-breaks. */
export const DUPLICATE_NAME = 'web-base';
export const SPACED_TAG = 'needs review';

// Builders ------------------------------------------------------------------------------------------

/** Deterministic printable bytes: `length` characters of a short text repeated. */
function seedData(random: Random, id: string): string {
  const length = random() < 0.3 ? intBetween(random, 1, 64) : intBetween(random, 200, 4096);
  const line = `ims-catalogue seed image ${id}\n`;
  return line.repeat(Math.ceil(length / line.length)).slice(0, length);
}

/** Support flags by hardware profile; GPU types never come with __support_kvm or __support_xen. */
function supportProperties(random: Random, os: OsRelease): Record<string, string> {
  if (os.arm) return { __support_kvm: 'true', __support_arm: 'true' };
  const roll = random();
  if (roll < 0.12) return { __support_kvm_gpu_type: pick(random, KVM_GPU_TYPES) };
  const flags: Record<string, string> = {};
  if (roll < 0.8) flags.__support_kvm = 'true';
  if (roll >= 0.55) flags.__support_xen = 'true';
  if (random() < 0.5) flags.__support_arm = 'false';
  if (random() < 0.2) flags.__support_highperformance = 'true';
  if (random() < 0.15) flags.__support_largememory = 'true';
  return flags;
}

function guestProperties(random: Random): Record<string, string> {
  return {
    __is_config_init: random() < 0.85 ? 'true' : 'false',
    __lazyloading: pick(random, ['true', 'true', 'false', 'True']),
  };
}

const MIN_RAMS = [0, 0, 0, 1024, 2048, 4096, 8192];
const LINUX_MIN_DISKS = [10, 20, 40, 40, 40, 50, 80, 100];
const WINDOWS_MIN_DISKS = [40, 40, 50, 60, 100];

interface Collector {
  random: Random;
  images: SeedImage[];
}

function add(collector: Collector, image: Omit<SeedImage, 'id'>, withData: boolean): SeedImage {
  const id = uuid(collector.random);
  const seeded: SeedImage = { id, ...image };
  if (withData) seeded.data = seedData(collector.random, id);
  collector.images.push(seeded);
  return seeded;
}

function publicImages(collector: Collector): void {
  const { random } = collector;
  for (let i = 0; i < 155; i += 1) {
    const os = releaseForPublicImage(i);
    const envType = i % 11 === 5 ? 'Ironic' : 'FusionCompute';
    const support =
      envType === 'Ironic' ? (os.arm ? { __support_arm: 'true' } : {}) : supportProperties(random, os);
    const gpu = support.__support_kvm_gpu_type !== undefined;
    const name =
      envType === 'Ironic'
        ? `${os.version} for BareMetal`
        : gpu
          ? `${os.version} with GPU Driver`
          : // Every release comes several times under the same name (different dates, builds).
            os.version;
    add(
      collector,
      {
        owner: 'provider',
        name,
        visibility: 'public',
        disk_format: i % 7 === 3 ? 'zvhd' : i % 13 === 4 ? 'qcow2' : 'zvhd2',
        container_format: 'bare',
        min_ram: pick(random, MIN_RAMS),
        min_disk: pick(random, os.osType === 'Windows' ? WINDOWS_MIN_DISKS : LINUX_MIN_DISKS),
        protected: i % 10 !== 9,
        tags: i % 17 === 0 ? ['recommended'] : [],
        properties: {
          __imagetype: 'gold',
          __isregistered: 'true',
          __image_source_type: 'uds',
          virtual_env_type: envType,
          ...osProperties(random, os),
          ...guestProperties(random),
          ...support,
          ...(os.bit === '32' ? { max_ram: '4096' } : {}),
        },
      },
      i % 5 === 0,
    );
  }
  for (let i = 0; i < 15; i += 1) {
    const os = releaseForPublicImage(i * 5);
    add(
      collector,
      {
        owner: 'provider',
        name: `${MARKET_PRODUCTS[i % MARKET_PRODUCTS.length] as string} | ${os.version}`,
        visibility: 'public',
        disk_format: 'zvhd2',
        container_format: 'bare',
        min_ram: pick(random, MIN_RAMS),
        min_disk: 40,
        protected: true,
        tags: ['marketplace'],
        properties: {
          __imagetype: 'market',
          __isregistered: 'true',
          virtual_env_type: 'FusionCompute',
          __productcode: `00301-${100_000 + i * 7919}-0--0`,
          __is_offshelved: i % 6 === 0 ? 'true' : 'false',
          ...osProperties(random, os),
          ...guestProperties(random),
          ...supportProperties(random, os),
        },
      },
      i % 5 === 2,
    );
  }
}

type TenantSource = 'server' | 'file' | 'data' | 'iso' | 'docker';

const SOURCES: readonly TenantSource[] = ['server', 'server', 'file', 'file', 'data', 'iso', 'docker'];

/** A tenant's image: a server snapshot, an imported file, a data disk, an ISO or a container image. */
function tenantImage(
  collector: Collector,
  index: number,
  owner: 'viewer' | 'peer' | 'provider',
  visibility: 'private' | 'shared',
  imageType: 'private' | 'shared',
  name: string | undefined,
  members?: Partial<Record<SeedProject, MemberStatus>>,
): SeedImage {
  const { random } = collector;
  const source = SOURCES[index % SOURCES.length] as TenantSource;
  const os = pick(random, ALL_RELEASES);
  const app = pick(random, APPS);
  const [diskFormat, containerFormat, envType] = (
    {
      server: ['zvhd2', 'bare', 'FusionCompute'],
      file: [pick(random, ['qcow2', 'vhd', 'raw', 'zvhd', 'zvhd2']), 'bare', 'FusionCompute'],
      data: ['zvhd2', 'bare', 'DataImage'],
      iso: ['iso', 'bare', 'IsoImage'],
      docker: ['raw', pick(random, ['docker', 'ovf']), 'FusionCompute'],
    } as const
  )[source];
  const system = source !== 'data' && source !== 'iso';
  const image: Omit<SeedImage, 'id'> = {
    owner,
    name:
      name ??
      `${app}-${source === 'data' ? 'data-disk' : pick(random, ROLES)}-${String(index).padStart(3, '0')}`,
    visibility,
    disk_format: diskFormat,
    container_format: containerFormat,
    min_ram: system ? pick(random, MIN_RAMS) : 0,
    min_disk: pick(random, [20, 40, 40, 50, 100, 200]),
    protected: false,
    tags: pickSome(random, owner === 'viewer' ? VIEWER_TAGS : PEER_TAGS, intBetween(random, 0, 2)),
    properties: {
      __imagetype: imageType,
      __isregistered: 'true',
      virtual_env_type: envType,
      ...(system ? osProperties(random, os) : {}),
      ...(system ? guestProperties(random) : {}),
      ...(system ? supportProperties(random, os) : {}),
      ...(source === 'file' ? { __root_origin: 'file' } : {}),
      ...(random() < 0.3 ? { __description: `${app} image ${index}` } : {}),
    },
    ...(members ? { members } : {}),
  };
  return add(collector, image, index % 5 === 1);
}

function tenantImages(collector: Collector): void {
  // The viewer's own images; every ninth shared with the peer, and a few under one name.
  for (let i = 0; i < 90; i += 1) {
    const sharedOut = i % 9 === 4;
    tenantImage(
      collector,
      i,
      'viewer',
      sharedOut ? 'shared' : 'private',
      'private',
      i % 15 === 7 ? DUPLICATE_NAME : undefined,
      sharedOut ? { peer: i % 2 === 0 ? 'accepted' : 'pending' } : undefined,
    );
  }
  // The peer's images shared with the viewer: 24 accepted, 10 pending, 6 rejected.
  for (let i = 0; i < 40; i += 1) {
    const answer: MemberStatus = i % 20 < 12 ? 'accepted' : i % 20 < 17 ? 'pending' : 'rejected';
    const name = i === 3 ? HOSTILE_NAME : i === 8 ? UNICODE_NAME : undefined;
    tenantImage(collector, 200 + i, 'peer', 'shared', 'shared', name, {
      viewer: answer,
      ...(i % 4 === 0 ? { provider: 'accepted' as const } : {}),
    });
  }
  // The peer's private images and images it shares with someone else: never the viewer's to see.
  for (let i = 0; i < 20; i += 1) tenantImage(collector, 300 + i, 'peer', 'private', 'private', undefined);
  for (let i = 0; i < 5; i += 1)
    tenantImage(collector, 330 + i, 'peer', 'shared', 'private', undefined, { provider: 'accepted' });
  // The provider's unreleased images.
  for (let i = 0; i < 5; i += 1)
    tenantImage(collector, 340 + i, 'provider', 'private', 'private', `staging-${DUPLICATE_NAME}`);
}

function buildPlan(): SeedImage[] {
  const collector: Collector = { random: createRandom(20_240_601), images: [] };
  publicImages(collector);
  tenantImages(collector);
  return collector.images;
}

/** About 335 images, in the order they are created. */
export const SEED_IMAGES: readonly SeedImage[] = buildPlan();

/** Whether `project` may see the image at all (Glance shows a member a shared image whatever its answer). */
export function seedImageVisibleTo(image: SeedImage, project: SeedProject): boolean {
  return image.visibility === 'public' || image.owner === project || image.members?.[project] !== undefined;
}

/** What `GET /v2/images` lists for `project` with no filter: public, its own, and shares it accepted. */
export function defaultListingOf(
  project: SeedProject,
  images: readonly SeedImage[] = SEED_IMAGES,
): SeedImage[] {
  return images.filter(
    (image) =>
      image.visibility === 'public' || image.owner === project || image.members?.[project] === 'accepted',
  );
}

// The catalogue ---------------------------------------------------------------------------------------

const START_SECONDS = Date.UTC(2024, 5, 1, 8, 0, 0) / 1000;

function isoSeconds(epochSeconds: number): string {
  return `${new Date(epochSeconds * 1000).toISOString().slice(0, 19)}Z`;
}

function md5(data: string): string {
  return createHash('md5').update(data, 'utf8').digest('hex');
}

function sha512(data: string): string {
  return createHash('sha512').update(data, 'utf8').digest('hex');
}

/**
 * Glance records times in seconds: images created together share created_at. Images go in groups of 1 to
 * 4 per second, so every sort by time has ties to break.
 */
function creationSeconds(count: number): number[] {
  const random = createRandom(7);
  const seconds: number[] = [];
  let second = START_SECONDS;
  while (seconds.length < count) {
    const group = intBetween(random, 1, 4);
    for (let i = 0; i < group && seconds.length < count; i += 1) seconds.push(second);
    second += intBetween(random, 1, 90);
  }
  return seconds;
}

/** One seed image as Glance answers it (v2.15): base fields, then the properties flattened in. */
export function seedImageRecord(image: SeedImage, createdSecond: number): Image {
  const bytes = image.data === undefined ? undefined : Buffer.byteLength(image.data, 'utf8');
  const active = image.data !== undefined;
  const created = isoSeconds(createdSecond);
  const record: Image = {
    id: image.id,
    name: image.name,
    status: active ? 'active' : 'queued',
    visibility: image.visibility,
    owner: SEED_PROJECTS[image.owner],
    protected: image.protected,
    tags: [...image.tags],
    container_format: image.container_format,
    disk_format: image.disk_format,
    min_ram: image.min_ram,
    min_disk: image.min_disk,
    size: bytes ?? null,
    // Glance's in-flight inspection measures raw files only; these bytes match no other format.
    virtual_size:
      active && image.disk_format === 'raw' && image.container_format === 'bare' ? (bytes ?? null) : null,
    checksum: active ? md5(image.data ?? '') : null,
    os_hash_algo: active ? 'sha512' : null,
    os_hash_value: active ? sha512(image.data ?? '') : null,
    os_hidden: false,
    created_at: created,
    updated_at: active ? isoSeconds(createdSecond + 1) : created,
    self: `/v2/images/${image.id}`,
    file: `/v2/images/${image.id}/file`,
    schema: '/v2/schemas/image',
    ...image.properties,
  };
  return record;
}

/** The seed as the demo emulator would hold it, for the viewer. */
export function seedCatalogue(images: readonly SeedImage[] = SEED_IMAGES): Catalogue {
  const seconds = creationSeconds(images.length);
  const members = new Map<string, Map<string, MemberStatus>>();
  for (const image of images) {
    if (!image.members) continue;
    members.set(
      image.id,
      new Map(
        Object.entries(image.members).map(([project, status]) => [
          SEED_PROJECTS[project as SeedProject],
          status as MemberStatus,
        ]),
      ),
    );
  }
  return {
    viewerProjectId: SEED_PROJECTS.viewer,
    images: images.map((image, index) => seedImageRecord(image, seconds[index] ?? START_SECONDS)),
    members,
  };
}
