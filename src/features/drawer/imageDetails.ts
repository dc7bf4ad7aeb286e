// What the drawer says about an image, as plain data: labelled, readable sections, and nothing the server
// sent left out (whatever no section shows lands in "Other properties").
import { imageArchitecture, imageSizeBytes, imageTypeLabel, propertyFlag } from '../../api/imageFacts';
import {
  GPU_TYPE_FLAGS,
  SUPPORT_FLAGS,
  type GpuTypeFlag,
  type Image,
  type SupportFlag,
} from '../../api/imageTypes';
import { formatBytes, formatCount, formatDateTime } from '../../lib/format';

export interface DetailField {
  /** The property shown, or a name for a row that combines several. */
  key: string;
  label: string;
  value: string;
  /** Ids, hashes, paths: shown in a monospace font. */
  mono?: boolean;
}

export interface DetailSection {
  id: string;
  title: string;
  fields: DetailField[];
}

export interface ImageBadge {
  key: string;
  label: string;
}

interface FieldSpec {
  key: string;
  label: string;
  /** The properties the row shows, when not just `key`: they stay out of "Other properties". */
  reads?: readonly string[];
  mono?: boolean;
  /** The text of the row, or undefined to leave the row out. */
  value: (image: Image) => string | undefined;
}

interface SectionSpec {
  id: string;
  title: string;
  fields: readonly FieldSpec[];
}

/** The drawer shows tags as a list of their own, outside the sections. */
const SHOWN_OUTSIDE_SECTIONS: ReadonlySet<string> = new Set(['tags']);

function text(image: Image, key: string): string | undefined {
  const value = image[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** IMS writes booleans as strings, `__lazyloading` also capitalised. */

/** A string boolean in words; a value that is neither true nor false is shown as it came. */
function flagText(image: Image, key: string, yes: string, no: string): string | undefined {
  const parsed = propertyFlag(image[key]);
  return parsed === undefined ? text(image, key) : parsed ? yes : no;
}

function plain(key: string, label: string, mono = false): FieldSpec {
  return { key, label, mono, value: (image) => text(image, key) };
}

function yesNo(key: string, label: string): FieldSpec {
  return { key, label, value: (image) => flagText(image, key, 'Yes', 'No') };
}

function supported(key: string, label: string): FieldSpec {
  return { key, label, value: (image) => flagText(image, key, 'Supported', 'Not supported') };
}

function withRaw(readable: string, raw: string): string {
  return readable === raw ? raw : `${readable} (${raw})`;
}

function bytesText(bytes: number): string {
  return `${formatBytes(bytes)} (${formatCount(bytes)} bytes)`;
}

function dateField(key: string, label: string): FieldSpec {
  return {
    key,
    label,
    value: (image) => {
      const raw = text(image, key);
      return raw === undefined ? undefined : withRaw(formatDateTime(raw), raw);
    },
  };
}

const ENV_TYPE_LABELS: Readonly<Record<string, string>> = {
  FusionCompute: 'ECS system disk image',
  Ironic: 'BMS image',
  DataImage: 'Data disk image',
  IsoImage: 'ISO image',
};

const FIRMWARE_LABELS: Readonly<Record<string, string>> = { bios: 'BIOS', uefi: 'UEFI' };

const AGENT_LABELS: Readonly<Record<string, string>> = {
  hss: 'Server security (HSS)',
  ces: 'Host monitoring (CES)',
};

const SUPPORT_FLAG_LABELS: Readonly<Record<SupportFlag, string>> = {
  __support_kvm: 'KVM',
  __support_xen: 'Xen',
  __support_largememory: 'Large-memory ECSs',
  __support_diskintensive: 'Disk-intensive ECSs',
  __support_highperformance: 'High-performance ECSs',
  __support_xen_hana: 'HANA ECSs (Xen)',
  __support_kvm_infiniband: 'InfiniBand NICs (KVM)',
};

const GPU_PLATFORMS: Readonly<Record<GpuTypeFlag, string>> = {
  __support_xen_gpu_type: 'Xen',
  __support_kvm_gpu_type: 'KVM',
};

function agentsOf(image: Image): string[] {
  return (text(image, '__support_agent_list') ?? '')
    .split(',')
    .map((agent) => agent.trim())
    .filter((agent) => agent !== '');
}

/** '0' or blank means the default enterprise project; the two properties normally agree. */
function enterpriseProject(image: Image): string | undefined {
  const name = (id: unknown) =>
    typeof id !== 'string' ? undefined : id === '' || id === '0' ? 'default' : id;
  const project = name(image.enterprise_project_id);
  const system = name(image._sys_enterprise_project_id);
  if (project !== undefined && system !== undefined && project !== system) {
    return `${project} (system property: ${system})`;
  }
  return project ?? system;
}

const SECTIONS: readonly SectionSpec[] = [
  {
    id: 'overview',
    title: 'Overview',
    fields: [
      plain('name', 'Name'),
      plain('id', 'ID', true),
      plain('status', 'Status'),
      plain('__description', 'Description'),
      plain('owner', 'Owner (project)', true),
      plain('visibility', 'Visibility'),
      {
        key: '__imagetype',
        label: 'Image type',
        value: (image) => {
          const label = imageTypeLabel(image);
          return label && image.__imagetype ? withRaw(label, image.__imagetype) : undefined;
        },
      },
      {
        key: 'virtual_env_type',
        label: 'Used for',
        value: (image) => {
          const raw = text(image, 'virtual_env_type');
          return raw === undefined ? undefined : withRaw(ENV_TYPE_LABELS[raw] ?? raw, raw);
        },
      },
      { key: 'protected', label: 'Protected', value: (image) => flagText(image, 'protected', 'Yes', 'No') },
    ],
  },
  {
    id: 'os',
    title: 'Operating system',
    fields: [
      plain('__platform', 'Platform'),
      plain('__os_type', 'OS type'),
      plain('__os_version', 'OS version'),
      {
        key: '__os_bit',
        label: 'Bit',
        value: (image) => {
          const bit = text(image, '__os_bit');
          return bit && /^\d+$/.test(bit) ? `${bit}-bit` : bit;
        },
      },
      {
        key: 'architecture',
        label: 'Architecture',
        reads: ['__support_arm', '__support_amd'],
        value: imageArchitecture,
      },
      {
        key: 'hw_firmware_type',
        label: 'Boot mode',
        value: (image) => {
          const raw = text(image, 'hw_firmware_type');
          return raw === undefined ? undefined : (FIRMWARE_LABELS[raw.toLowerCase()] ?? raw);
        },
      },
    ],
  },
  {
    id: 'capabilities',
    title: 'Capabilities',
    fields: [
      ...SUPPORT_FLAGS.map((key) => supported(key, SUPPORT_FLAG_LABELS[key])),
      ...GPU_TYPE_FLAGS.map((key) => plain(key, `GPU type (${GPU_PLATFORMS[key]})`)),
      {
        key: '__support_agent_list',
        label: 'Agents',
        value: (image) => {
          const agents = agentsOf(image);
          return agents.length > 0
            ? agents.map((agent) => AGENT_LABELS[agent] ?? agent).join(', ')
            : undefined;
        },
      },
      supported('hw_vif_multiqueue_enabled', 'NIC multi-queue'),
      // Inverted by the API: `true` means Cloud-Init password/key injection is NOT supported.
      {
        key: '__support_fc_inject',
        label: 'Password/key injection (Cloud-Init)',
        value: (image) => flagText(image, '__support_fc_inject', 'Not supported', 'Supported'),
      },
      {
        key: '__is_config_init',
        label: 'Initial configuration',
        value: (image) => flagText(image, '__is_config_init', 'Complete', 'Not complete'),
      },
      plain('__os_feature_list', 'OS features', true),
    ],
  },
  {
    id: 'storage',
    title: 'Storage',
    fields: [
      plain('container_format', 'Container format'),
      plain('disk_format', 'Disk format'),
      {
        key: 'size',
        label: 'Size',
        reads: ['__image_size', 'size'],
        value: (image) => {
          const bytes = imageSizeBytes(image);
          return bytes === undefined ? undefined : bytesText(bytes);
        },
      },
      {
        key: 'virtual_size',
        label: 'Virtual size',
        value: (image) =>
          typeof image.virtual_size === 'number' && image.virtual_size > 0
            ? bytesText(image.virtual_size)
            : undefined,
      },
      {
        key: 'min_disk',
        label: 'Minimum disk',
        value: (image) =>
          typeof image.min_disk === 'number' ? `${formatCount(image.min_disk)} GB` : undefined,
      },
      {
        key: 'min_ram',
        label: 'Minimum memory',
        value: (image) =>
          typeof image.min_ram === 'number' ? `${formatCount(image.min_ram)} MB` : undefined,
      },
      {
        key: 'max_ram',
        label: 'Maximum memory',
        value: (image) => {
          const raw = text(image, 'max_ram');
          return raw && /^\d+$/.test(raw) ? `${formatCount(Number(raw))} MB` : raw;
        },
      },
      plain('__image_location', 'Location', true),
      plain('__image_source_type', 'Storage backend'),
      yesNo('__lazyloading', 'Lazy loading'),
      plain('__system__cmkid', 'Encryption key (KMS)', true),
      plain('checksum', 'Checksum', true),
    ],
  },
  {
    id: 'origin',
    title: 'Origin',
    fields: [
      plain('__backup_id', 'Backup', true),
      plain('__originalimagename', 'Parent image', true),
      {
        key: '__root_origin',
        label: 'Root origin',
        value: (image) => {
          const raw = text(image, '__root_origin');
          return raw === 'file' ? withRaw('External image file', raw) : raw;
        },
      },
      plain('__data_origin', 'Data origin', true),
      plain('__productcode', 'Marketplace product code', true),
      plain('__account_code', 'Account (charging) code', true),
      {
        key: '__is_offshelved',
        label: 'Taken offline (marketplace)',
        value: (image) => flagText(image, '__is_offshelved', 'Yes', 'No'),
      },
      plain('instance_uuid', 'Source server', true),
      plain('__sequence_num', 'System disk slot'),
    ],
  },
  {
    id: 'dates',
    title: 'Dates',
    fields: [
      dateField('created_at', 'Created'),
      dateField('updated_at', 'Updated'),
      dateField('active_at', 'Active since'),
    ],
  },
  {
    id: 'enterprise-project',
    title: 'Enterprise project',
    fields: [
      {
        key: 'enterprise_project_id',
        label: 'Enterprise project',
        reads: ['enterprise_project_id', '_sys_enterprise_project_id'],
        mono: true,
        value: enterpriseProject,
      },
    ],
  },
];

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Every property the server sent that no section shows, undocumented ones included, as it came. */
function otherProperties(image: Image, shown: ReadonlySet<string>): DetailField[] {
  return Object.entries(image)
    .filter(([key, value]) => !shown.has(key) && !SHOWN_OUTSIDE_SECTIONS.has(key) && !isAbsent(value))
    .map(([key, value]) => ({
      key,
      label: key,
      value: typeof value === 'string' ? value : JSON.stringify(value),
      mono: true,
    }));
}

/** The drawer's sections for an image; rows without a value and sections without rows are left out. */
export function imageSections(image: Image): DetailSection[] {
  const shown = new Set<string>();
  const sections: DetailSection[] = [];
  for (const spec of SECTIONS) {
    const fields: DetailField[] = [];
    for (const field of spec.fields) {
      const value = field.value(image);
      if (value === undefined) continue;
      for (const key of field.reads ?? [field.key]) shown.add(key);
      fields.push({ key: field.key, label: field.label, value, ...(field.mono ? { mono: true } : {}) });
    }
    if (fields.length > 0) sections.push({ id: spec.id, title: spec.title, fields });
  }
  const other = otherProperties(image, shown);
  if (other.length > 0) sections.push({ id: 'other', title: 'Other properties', fields: other });
  return sections;
}

/** Short labels for what the image supports: the flags that are on, GPU types, Arm, agents. */
export function imageBadges(image: Image): ImageBadge[] {
  const badges: ImageBadge[] = [];
  for (const key of SUPPORT_FLAGS) {
    if (propertyFlag(image[key])) badges.push({ key, label: SUPPORT_FLAG_LABELS[key] });
  }
  for (const key of GPU_TYPE_FLAGS) {
    const gpu = text(image, key);
    if (gpu) badges.push({ key, label: `${GPU_PLATFORMS[key]} GPU: ${gpu}` });
  }
  if (propertyFlag(image.__support_arm)) badges.push({ key: '__support_arm', label: 'Arm' });
  if (propertyFlag(image.hw_vif_multiqueue_enabled))
    badges.push({ key: 'hw_vif_multiqueue_enabled', label: 'NIC multi-queue' });
  for (const agent of agentsOf(image)) {
    badges.push({ key: `agent:${agent}`, label: AGENT_LABELS[agent] ?? `Agent: ${agent}` });
  }
  return badges;
}
