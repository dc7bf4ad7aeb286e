import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  EMPTY_FILTERS,
  type ImageFilters,
  type ViewState,
} from '../../../src/features/catalogue/viewState';
import { activeFilters, clearFilters, withFilters } from '../../../src/features/filters/activeFilters';

/** Sort, columns and an open image: what a filter change must keep (sort, columns) or close (image). */
function viewWith(filters: Partial<ImageFilters>, rest: Partial<ViewState> = {}): ViewState {
  return {
    ...DEFAULT_VIEW,
    sort: { key: 'name', dir: 'asc' },
    columns: ['name', 'status'],
    image: 'img-1',
    ...rest,
    filters: { ...EMPTY_FILTERS, ...filters },
  };
}

const UNFILTERED = viewWith({}, { image: undefined });

describe('activeFilters', () => {
  it('is empty for the default view', () => {
    expect(activeFilters(DEFAULT_VIEW)).toEqual([]);
  });

  it.each<[string, Partial<ImageFilters>]>([
    ['Platform: CentOS', { platform: 'CentOS' }],
    ['Platform: Oracle Linux', { platform: 'Oracle Linux' }],
    ['OS type: Linux', { osType: 'Linux' }],
    ['OS bit: 64-bit', { osBit: '64' }],
    ['Support: KVM', { flags: ['__support_kvm'] }],
    ['Support: KVM InfiniBand', { flags: ['__support_kvm_infiniband'] }],
    ['Architecture: Arm', { arm: true }],
    ['Xen GPU: M60_GPU', { xenGpuType: 'M60_GPU' }],
    ['KVM GPU: T4', { kvmGpuType: 'T4' }],
    ['Status: active', { status: 'active' }],
    ['Disk format: zvhd2', { diskFormat: 'zvhd2' }],
    ['Container format: bare', { containerFormat: 'bare' }],
    ['Environment: ECS system disk', { envType: 'FusionCompute' }],
    ['Environment: Data disk', { envType: 'DataImage' }],
    ['Environment: BMS', { envType: 'Ironic' }],
    ['Environment: ISO', { envType: 'IsoImage' }],
    ['Tag: env=prod', { tags: ['env=prod'] }],
    ['Name: CentOS 7.9 64bit', { name: 'CentOS 7.9 64bit' }],
    ['Owner: 1bed856811654c1cb661a6ca845ebc77', { owner: '1bed856811654c1cb661a6ca845ebc77' }],
    ['Min RAM: 2,048 MB', { minRam: 2048 }],
    ['Min RAM: 0 MB', { minRam: 0 }],
    ['Min disk: 40 GB', { minDisk: 40 }],
    ['Created after 1 Jan 2024', { created: { op: 'gt', value: '2024-01-01T00:00:00Z' } }],
    ['Created on or after 1 Jan 2024', { created: { op: 'gte', value: '2024-01-01T00:00:00Z' } }],
    ['Created before 28 Oct 2018, 10:00 UTC', { created: { op: 'lt', value: '2018-10-28T10:00:00Z' } }],
    ['Updated on or before 3 Feb 2024', { updated: { op: 'lte', value: '2024-02-03T00:00:00Z' } }],
    ['Updated on 3 Feb 2024', { updated: { op: 'eq', value: '2024-02-03T00:00:00Z' } }],
    ['Updated not on 3 Feb 2024', { updated: { op: 'neq', value: '2024-02-03T00:00:00Z' } }],
  ])('labels %s, and removing it leaves no filter and closes the image', (label, filters) => {
    const view = viewWith(filters);
    const active = activeFilters(view);
    expect(active.map((filter) => filter.label)).toEqual([label]);
    expect(active[0]?.remove(view)).toEqual(UNFILTERED);
  });

  it('labels a scope other than all, and removing it goes back to all with the filters kept', () => {
    const view = viewWith({ platform: 'SUSE' }, { scope: 'public' });
    const [scope] = activeFilters(view);
    expect(scope?.label).toBe('Scope: Public');
    expect(scope?.remove(view)).toEqual({ ...viewWith({ platform: 'SUSE' }), image: undefined });
  });

  it.each([
    ['private', 'Scope: Private'],
    ['shared', 'Scope: Shared with me'],
    ['market', 'Scope: Marketplace'],
  ] as const)('labels the %s scope "%s"', (scope, label) => {
    expect(activeFilters(viewWith({}, { scope })).map((filter) => filter.label)).toEqual([label]);
  });

  it('labels a member status other than accepted; removing it keeps the shared scope', () => {
    const view = viewWith({}, { scope: 'shared', memberStatus: 'pending' });
    const active = activeFilters(view);
    expect(active.map((filter) => filter.label)).toEqual(['Scope: Shared with me', 'Member status: Pending']);
    expect(active[1]?.remove(view)).toEqual({ ...view, memberStatus: 'accepted', image: undefined });
    // Leaving the shared scope drops its member status too.
    expect(active[0]?.remove(view)).toEqual(UNFILTERED);
  });

  it('has one entry per flag and per tag; removing one keeps the others', () => {
    const view = viewWith({
      flags: ['__support_kvm', '__support_largememory'],
      tags: ['env=prod', 'team=a'],
    });
    const active = activeFilters(view);
    expect(active.map((filter) => filter.label)).toEqual([
      'Support: KVM',
      'Support: Large memory',
      'Tag: env=prod',
      'Tag: team=a',
    ]);
    expect(active[0]?.remove(view).filters).toEqual({
      flags: ['__support_largememory'],
      tags: ['env=prod', 'team=a'],
    });
    expect(active[2]?.remove(view).filters).toEqual({
      flags: ['__support_kvm', '__support_largememory'],
      tags: ['team=a'],
    });
  });

  it('lists everything in the sidebar order, with unique keys', () => {
    const view = viewWith(
      {
        platform: 'CentOS',
        osType: 'Linux',
        osBit: '64',
        flags: ['__support_xen', '__support_highperformance'],
        arm: true,
        kvmGpuType: 'T4',
        status: 'active',
        diskFormat: 'qcow2',
        containerFormat: 'bare',
        envType: 'IsoImage',
        tags: ['a=b'],
        name: 'n',
        owner: 'o',
        minRam: 1024,
        minDisk: 20,
        created: { op: 'gt', value: '2024-01-01T00:00:00Z' },
        updated: { op: 'lt', value: '2024-06-30T00:00:00Z' },
      },
      { scope: 'shared', memberStatus: 'rejected' },
    );
    const active = activeFilters(view);
    expect(active.map((filter) => filter.label)).toEqual([
      'Scope: Shared with me',
      'Member status: Rejected',
      'Platform: CentOS',
      'OS type: Linux',
      'OS bit: 64-bit',
      'Support: Xen',
      'Support: High performance',
      'Architecture: Arm',
      'KVM GPU: T4',
      'Status: active',
      'Disk format: qcow2',
      'Container format: bare',
      'Environment: ISO',
      'Tag: a=b',
      'Name: n',
      'Owner: o',
      'Min RAM: 1,024 MB',
      'Min disk: 20 GB',
      'Created after 1 Jan 2024',
      'Updated before 30 Jun 2024',
    ]);
    expect(new Set(active.map((filter) => filter.key)).size).toBe(active.length);
  });

  it('removes from the view it is given, not the one it was listed from', () => {
    const listed = viewWith({ platform: 'CentOS' });
    const [platform] = activeFilters(listed);
    const later = viewWith({ platform: 'CentOS', osType: 'Linux' });
    expect(platform?.remove(later).filters).toEqual({ ...EMPTY_FILTERS, osType: 'Linux' });
  });
});

describe('clearFilters', () => {
  it('clears every facet, flag and tag but keeps scope, member status, sort and columns', () => {
    const view = viewWith(
      {
        platform: 'CentOS',
        flags: ['__support_kvm'],
        tags: ['env=prod'],
        minRam: 512,
        created: { op: 'gt', value: '2024-01-01T00:00:00Z' },
      },
      { scope: 'shared', memberStatus: 'pending' },
    );
    expect(clearFilters(view)).toEqual({
      ...view,
      filters: EMPTY_FILTERS,
      image: undefined,
    });
  });
});

describe('withFilters', () => {
  it('applies the patch in canonical form and closes the open image', () => {
    const view = viewWith({ flags: ['__support_largememory'], tags: ['b'] });
    expect(
      withFilters(view, { flags: ['__support_largememory', '__support_kvm'], tags: ['c', 'a', 'c'] }),
    ).toEqual({
      ...view,
      filters: { flags: ['__support_kvm', '__support_largememory'], tags: ['a', 'c'] },
      image: undefined,
    });
  });

  it('drops a flag that the reference says cannot co-exist with a chosen GPU type', () => {
    const view = viewWith({ kvmGpuType: 'T4' });
    expect(withFilters(view, { flags: ['__support_kvm'] }).filters).toEqual({
      ...EMPTY_FILTERS,
      kvmGpuType: 'T4',
    });
  });
});
