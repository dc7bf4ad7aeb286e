// A view of the catalogue — scope, filters, sort, columns, open image — and its one URL form.
// parseViewSearch and formatViewSearch are inverses: canonical order, defaults left out, readable names.
import {
  DATE_OPERATORS,
  DISK_FORMATS,
  IMAGE_STATUSES,
  MEMBER_STATUSES,
  OS_BITS,
  OS_TYPES,
  PLATFORMS,
  SORT_DIRS,
  SORT_KEYS,
  SUPPORT_FLAGS,
  VIRTUAL_ENV_TYPES,
  type DateFilter,
  type DiskFormat,
  type ImageStatus,
  type MemberStatus,
  type OsBit,
  type OsType,
  type Platform,
  type SortDir,
  type SortKey,
  type SupportFlag,
  type VirtualEnvType,
} from '../../api/imageTypes';

export const SCOPES = ['all', 'public', 'private', 'shared', 'market'] as const;
export type Scope = (typeof SCOPES)[number];

export const COLUMN_IDS = [
  'name',
  'status',
  'os',
  'imageType',
  'visibility',
  'diskFormat',
  'size',
  'minDiskRam',
  'bootMode',
  'architecture',
  'memberStatus',
  'created',
  'updated',
  'id',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

export interface ImageFilters {
  platform?: Platform;
  osType?: OsType;
  osBit?: OsBit;
  /** In SUPPORT_FLAGS order. */
  flags: SupportFlag[];
  xenGpuType?: string;
  kvmGpuType?: string;
  status?: ImageStatus;
  diskFormat?: DiskFormat;
  containerFormat?: string;
  envType?: VirtualEnvType;
  /** Arm images only. */
  arm?: true;
  /** Images carrying all of them; sorted, each once. */
  tags: string[];
  name?: string;
  owner?: string;
  minRam?: number;
  minDisk?: number;
  created?: DateFilter;
  updated?: DateFilter;
}

export interface ViewSort {
  key: SortKey;
  dir: SortDir;
}

export interface ViewState {
  scope: Scope;
  /** Which shared images: only meaningful in the shared scope. */
  memberStatus: MemberStatus;
  filters: ImageFilters;
  sort: ViewSort;
  /** undefined: the scope's default columns. */
  columns: ColumnId[] | undefined;
  /** The image open in the drawer. */
  image: string | undefined;
}

export const DEFAULT_SORT: ViewSort = { key: 'created_at', dir: 'desc' };

export const EMPTY_FILTERS: ImageFilters = { flags: [], tags: [] };

export const DEFAULT_VIEW: ViewState = {
  scope: 'all',
  memberStatus: 'accepted',
  filters: EMPTY_FILTERS,
  sort: DEFAULT_SORT,
  columns: undefined,
  image: undefined,
};

/** Readable URL names of the support flags: `support=kvm,hana`. */
export const FLAG_URL_NAMES: Readonly<Record<SupportFlag, string>> = {
  __support_kvm: 'kvm',
  __support_xen: 'xen',
  __support_largememory: 'largememory',
  __support_diskintensive: 'diskintensive',
  __support_highperformance: 'highperformance',
  __support_xen_hana: 'xenhana',
  __support_kvm_infiniband: 'infiniband',
};

/** A support property that is chosen in the sidebar: a `true` flag, or a GPU type. */
export type FlagKey = SupportFlag | 'xenGpuType' | 'kvmGpuType';

export const FLAG_LABELS: Readonly<Record<FlagKey, string>> = {
  __support_kvm: 'KVM',
  __support_xen: 'Xen',
  __support_largememory: 'Large memory',
  __support_diskintensive: 'Disk intensive',
  __support_highperformance: 'High performance',
  __support_xen_hana: 'Xen HANA',
  __support_kvm_infiniband: 'KVM InfiniBand',
  xenGpuType: 'Xen GPU',
  kvmGpuType: 'KVM GPU',
};

/** The reference's "cannot co-exist" rules: GPU and HANA images are neither plain KVM nor Xen; InfiniBand is not Xen. */
const CONFLICTING_PAIRS: readonly (readonly [FlagKey, FlagKey])[] = [
  ['xenGpuType', '__support_xen'],
  ['xenGpuType', '__support_kvm'],
  ['kvmGpuType', '__support_xen'],
  ['kvmGpuType', '__support_kvm'],
  ['__support_xen_hana', '__support_xen'],
  ['__support_xen_hana', '__support_kvm'],
  ['__support_kvm_infiniband', '__support_xen'],
];

function isChosen(filters: ImageFilters, key: FlagKey): boolean {
  return key === 'xenGpuType' || key === 'kvmGpuType' ? Boolean(filters[key]) : filters.flags.includes(key);
}

/** Why `key` cannot be chosen with the current filters, or undefined when it can. */
export function flagConflict(filters: ImageFilters, key: FlagKey): string | undefined {
  for (const [first, second] of CONFLICTING_PAIRS) {
    const other = first === key ? second : second === key ? first : undefined;
    if (other && isChosen(filters, other)) return `cannot be combined with ${FLAG_LABELS[other]}`;
  }
  return undefined;
}

// ——— URL ⇄ view ———

/** The URL parameters, in their canonical order. */
const URL_PARAMS = [
  'scope',
  'member',
  'platform',
  'os',
  'bit',
  'support',
  'xengpu',
  'kvmgpu',
  'status',
  'disk',
  'container',
  'env',
  'arch',
  'tag',
  'name',
  'owner',
  'minram',
  'mindisk',
  'created',
  'updated',
  'sort',
  'cols',
  'image',
] as const;
type UrlParam = (typeof URL_PARAMS)[number];

export interface ParsedView {
  view: ViewState;
  /** One sentence per value that was dropped, for a visible notice. */
  notices: string[];
}

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

const DATE_VALUE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z?)?$/;

/** `gt:2024-01-01` → `{op: 'gt', value: '2024-01-01T00:00:00Z'}`, in the format the API documents. */
export function parseDateCondition(text: string): DateFilter | undefined {
  const [op, ...rest] = text.split(':');
  const value = rest.join(':');
  const operator = oneOf(DATE_OPERATORS, op ?? '');
  if (!operator || !DATE_VALUE.test(value)) return undefined;
  const [date = '', time = '00:00:00'] = value.replace(/Z$/, '').split('T');
  const iso = `${date}T${time.length === 5 ? `${time}:00` : time}Z`;
  // Date.parse rolls 30 February over into March; only a date that reads back the same is real.
  const parsed = Date.parse(iso);
  const real = !Number.isNaN(parsed) && new Date(parsed).toISOString().replace(/\.000Z$/, 'Z') === iso;
  return real ? { op: operator, value: iso } : undefined;
}

export function formatDateCondition(condition: DateFilter): string {
  // Midnight is written as the date alone, the way people type it.
  return `${condition.op}:${condition.value.replace(/T00:00:00Z$/, '')}`;
}

/** A whole number as the URL keeps it: at most nine digits. */
export function parseCount(text: string): number | undefined {
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

const FLAG_BY_URL_NAME = new Map(
  (Object.entries(FLAG_URL_NAMES) as [SupportFlag, string][]).map(([flag, name]) => [name, flag]),
);

function parseSort(text: string): ViewSort | undefined {
  const [key, dir = 'asc'] = text.split(':');
  const sortKey = oneOf(SORT_KEYS, key ?? '');
  const sortDir = oneOf(SORT_DIRS, dir);
  return sortKey && sortDir ? { key: sortKey, dir: sortDir } : undefined;
}

const LABELS: Readonly<Record<UrlParam, string>> = {
  scope: 'scope',
  member: 'member status',
  platform: 'platform',
  os: 'OS type',
  bit: 'OS bit',
  support: 'support flag',
  xengpu: 'Xen GPU type',
  kvmgpu: 'KVM GPU type',
  status: 'status',
  disk: 'disk format',
  container: 'container format',
  env: 'environment',
  arch: 'architecture',
  tag: 'tag',
  name: 'name',
  owner: 'owner',
  minram: 'min RAM',
  mindisk: 'min disk',
  created: 'created date',
  updated: 'updated date',
  sort: 'sort',
  cols: 'column',
  image: 'image',
};

/** Reads a view from a query string; what is unknown or invalid is dropped and reported, never sent. */
export function parseViewSearch(search: string): ParsedView {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const filters: ImageFilters = { flags: [], tags: [] };
  const view: ViewState = { ...DEFAULT_VIEW, filters };
  const drop = (param: UrlParam, value: string) =>
    notices.push(`Ignored the ${LABELS[param]} "${value}": it is not a valid value.`);

  for (const name of new Set(params.keys())) {
    if (!(URL_PARAMS as readonly string[]).includes(name)) {
      notices.push(`Ignored the unknown parameter "${name}".`);
    }
  }
  const single = (param: UrlParam) => params.getAll(param).at(-1)?.trim();
  const read = <T>(param: UrlParam, parse: (text: string) => T | undefined): T | undefined => {
    const text = single(param);
    if (text === undefined || text === '') return undefined;
    const value = parse(text);
    if (value === undefined) drop(param, text);
    return value;
  };

  view.scope = read('scope', (text) => oneOf(SCOPES, text)) ?? 'all';
  view.memberStatus = read('member', (text) => oneOf(MEMBER_STATUSES, text)) ?? 'accepted';
  if (view.scope !== 'shared' && view.memberStatus !== 'accepted') {
    notices.push('Ignored the member status: it applies to the shared scope only.');
    view.memberStatus = 'accepted';
  }
  const optional = <K extends keyof ImageFilters>(key: K, value: ImageFilters[K] | undefined) => {
    if (value !== undefined) filters[key] = value;
  };
  optional(
    'platform',
    read('platform', (text) => oneOf(PLATFORMS, text)),
  );
  optional(
    'osType',
    read('os', (text) => oneOf(OS_TYPES, text)),
  );
  optional(
    'osBit',
    read('bit', (text) => oneOf(OS_BITS, text)),
  );
  for (const name of (single('support') ?? '').split(',').filter(Boolean)) {
    const flag = FLAG_BY_URL_NAME.get(name);
    if (!flag) drop('support', name);
    else if (!filters.flags.includes(flag)) filters.flags.push(flag);
  }
  optional(
    'xenGpuType',
    read('xengpu', (text) => text),
  );
  optional(
    'kvmGpuType',
    read('kvmgpu', (text) => text),
  );
  optional(
    'status',
    read('status', (text) => oneOf(IMAGE_STATUSES, text)),
  );
  optional(
    'diskFormat',
    read('disk', (text) => oneOf(DISK_FORMATS, text)),
  );
  optional(
    'containerFormat',
    read('container', (text) => text),
  );
  optional(
    'envType',
    read('env', (text) => oneOf(VIRTUAL_ENV_TYPES, text)),
  );
  optional(
    'arm',
    read('arch', (text) => (text === 'arm' ? (true as const) : undefined)),
  );
  filters.tags = params
    .getAll('tag')
    .map((tag) => tag.trim())
    .filter(Boolean);
  optional(
    'name',
    read('name', (text) => text),
  );
  optional(
    'owner',
    read('owner', (text) => text),
  );
  optional('minRam', read('minram', parseCount));
  optional('minDisk', read('mindisk', parseCount));
  optional('created', read('created', parseDateCondition));
  optional('updated', read('updated', parseDateCondition));
  view.sort = read('sort', parseSort) ?? DEFAULT_SORT;
  const columns: ColumnId[] = [];
  for (const name of (single('cols') ?? '').split(',').filter(Boolean)) {
    const column = oneOf(COLUMN_IDS, name);
    if (!column) drop('cols', name);
    else if (!columns.includes(column)) columns.push(column);
  }
  view.columns = columns.length > 0 ? columns : undefined;
  view.image = read('image', (text) => text);

  const normalized = normalizeView(view);
  for (const flag of view.filters.flags) {
    if (!normalized.filters.flags.includes(flag)) {
      notices.push(
        `Ignored the support flag "${FLAG_URL_NAMES[flag]}": ${flagConflict(view.filters, flag)}.`,
      );
    }
  }
  return { view: normalized, notices };
}

/**
 * The canonical form of a view: flags in their documented order without conflicts (the earlier
 * choice wins), tags sorted and unique, columns in their fixed order, member status only in the shared scope.
 */
export function normalizeView(view: ViewState): ViewState {
  const flags: SupportFlag[] = [];
  const kept: ImageFilters = { ...view.filters, flags };
  for (const flag of SUPPORT_FLAGS) {
    if (view.filters.flags.includes(flag) && !flagConflict(kept, flag)) flags.push(flag);
  }
  return {
    ...view,
    memberStatus: view.scope === 'shared' ? view.memberStatus : 'accepted',
    columns: canonicalColumns(view.columns),
    filters: { ...kept, tags: [...new Set(view.filters.tags)].sort() },
  };
}

function canonicalColumns(columns: readonly ColumnId[] | undefined): ColumnId[] | undefined {
  const ordered = COLUMN_IDS.filter((column) => columns?.includes(column));
  return ordered.length > 0 ? ordered : undefined;
}

/** The query string of a view: canonical order, defaults left out. */
export function formatViewSearch(anyView: ViewState): string {
  const view = normalizeView(anyView);
  const { filters } = view;
  const values: Record<UrlParam, string | string[] | undefined> = {
    scope: view.scope === 'all' ? undefined : view.scope,
    member: view.scope === 'shared' && view.memberStatus !== 'accepted' ? view.memberStatus : undefined,
    platform: filters.platform,
    os: filters.osType,
    bit: filters.osBit,
    support: filters.flags.map((flag) => FLAG_URL_NAMES[flag]).join(','),
    xengpu: filters.xenGpuType,
    kvmgpu: filters.kvmGpuType,
    status: filters.status,
    disk: filters.diskFormat,
    container: filters.containerFormat,
    env: filters.envType,
    arch: filters.arm ? 'arm' : undefined,
    tag: filters.tags,
    name: filters.name,
    owner: filters.owner,
    minram: filters.minRam?.toString(),
    mindisk: filters.minDisk?.toString(),
    created: filters.created && formatDateCondition(filters.created),
    updated: filters.updated && formatDateCondition(filters.updated),
    sort:
      view.sort.key === DEFAULT_SORT.key && view.sort.dir === DEFAULT_SORT.dir
        ? undefined
        : `${view.sort.key}:${view.sort.dir}`,
    cols: view.columns?.join(','),
    image: view.image,
  };
  const params = new URLSearchParams();
  for (const name of URL_PARAMS) {
    const value = values[name];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item) params.append(name, item);
    }
  }
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}
