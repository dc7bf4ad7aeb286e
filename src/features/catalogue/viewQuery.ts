// What the server is asked for a view: the scope's documented common query plus one parameter per facet.
import type { ImageListQuery, MemberStatus } from '../../api/imageTypes';
import type { Scope, ViewState } from './viewState';

/** Big enough to fill a tall screen twice, small enough for the first rows to come quickly. */
export const PAGE_SIZE = 100;

/** The reference's "common query methods", one per scope. */
export function scopeQuery(scope: Scope, memberStatus: MemberStatus): ImageListQuery {
  switch (scope) {
    case 'all':
      return {};
    case 'public':
      return { __imagetype: 'gold', visibility: 'public', protected: true };
    case 'private':
      return { __imagetype: 'private', protected: false };
    case 'shared':
      return { member_status: memberStatus, visibility: 'shared', __imagetype: 'shared' };
    case 'market':
      return { __imagetype: 'market' };
  }
}

/** The list query of a view, without empty members, so equal views give equal cache keys. */
export function viewToQuery(view: ViewState): ImageListQuery {
  const { filters, sort } = view;
  const query: ImageListQuery = {
    ...scopeQuery(view.scope, view.memberStatus),
    __platform: filters.platform,
    __os_type: filters.osType,
    __os_bit: filters.osBit,
    __support_xen_gpu_type: filters.xenGpuType,
    __support_kvm_gpu_type: filters.kvmGpuType,
    status: filters.status,
    disk_format: filters.diskFormat,
    container_format: filters.containerFormat,
    virtual_env_type: filters.envType,
    __support_arm: filters.arm,
    tag: filters.tags.length > 0 ? filters.tags : undefined,
    name: filters.name,
    owner: filters.owner,
    min_ram: filters.minRam,
    min_disk: filters.minDisk,
    created_at: filters.created,
    updated_at: filters.updated,
    sort_key: sort.key,
    sort_dir: sort.dir,
    limit: PAGE_SIZE,
  };
  for (const flag of filters.flags) query[flag] = true;
  return Object.fromEntries(
    Object.entries(query).filter(([, value]) => value !== undefined),
  ) as ImageListQuery;
}
