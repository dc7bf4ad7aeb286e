import { describe, expect, it } from 'vitest';
import { IMAGE_FIELDS, type Image } from '../../../src/api/imageTypes';
import { imageBadges, imageSections, type DetailField } from '../../../src/features/drawer/imageDetails';
import { formatDateTime } from '../../../src/lib/format';
import { createImage } from '../../support/createImage';

/** The row with `key`, with the id of the section it is in. */
function findField(image: Image, key: string): (DetailField & { section: string }) | undefined {
  for (const section of imageSections(image)) {
    const field = section.fields.find((candidate) => candidate.key === key);
    if (field) return { ...field, section: section.id };
  }
  return undefined;
}

function allFields(image: Image): DetailField[] {
  return imageSections(image).flatMap((section) => section.fields);
}

const UUID = '7b1c5a5e-4b7e-4a8b-9f0e-2d3c4b5a6f70';

describe('imageSections', () => {
  it.each<[string, Partial<Image>, string, string, string, string]>([
    // description, overrides, key, section, label, value
    ['the name', { name: 'CentOS 7.9' }, 'name', 'overview', 'Name', 'CentOS 7.9'],
    [
      'the description',
      { __description: 'Hardened build' },
      '__description',
      'overview',
      'Description',
      'Hardened build',
    ],
    [
      'a public image type',
      { __imagetype: 'gold' },
      '__imagetype',
      'overview',
      'Image type',
      'Public (gold)',
    ],
    [
      'a marketplace image type',
      { __imagetype: 'market' },
      '__imagetype',
      'overview',
      'Image type',
      'Marketplace (market)',
    ],
    ['an undocumented image type', { __imagetype: 'edge' }, '__imagetype', 'overview', 'Image type', 'edge'],
    [
      'what the image is for',
      { virtual_env_type: 'Ironic' },
      'virtual_env_type',
      'overview',
      'Used for',
      'BMS image (Ironic)',
    ],
    ['a protected image', { protected: true }, 'protected', 'overview', 'Protected', 'Yes'],
    ['an unprotected image', { protected: false }, 'protected', 'overview', 'Protected', 'No'],
    ['the bit', { __os_bit: '32' }, '__os_bit', 'os', 'Bit', '32-bit'],
    ['Arm', { __support_arm: 'true' }, 'architecture', 'os', 'Architecture', 'Arm'],
    [
      'AMD x86',
      { __support_arm: 'false', __support_amd: 'true' },
      'architecture',
      'os',
      'Architecture',
      'x86 (AMD)',
    ],
    ['x86', { __support_arm: 'false' }, 'architecture', 'os', 'Architecture', 'x86'],
    ['BIOS boot', { hw_firmware_type: 'bios' }, 'hw_firmware_type', 'os', 'Boot mode', 'BIOS'],
    ['UEFI boot', { hw_firmware_type: 'uefi' }, 'hw_firmware_type', 'os', 'Boot mode', 'UEFI'],
    ['KVM', { __support_kvm: 'true' }, '__support_kvm', 'capabilities', 'KVM', 'Supported'],
    ['no Xen', { __support_xen: 'false' }, '__support_xen', 'capabilities', 'Xen', 'Not supported'],
    [
      'InfiniBand',
      { __support_kvm_infiniband: 'true' },
      '__support_kvm_infiniband',
      'capabilities',
      'InfiniBand NICs (KVM)',
      'Supported',
    ],
    [
      'a KVM GPU type',
      { __support_kvm_gpu_type: 'V100' },
      '__support_kvm_gpu_type',
      'capabilities',
      'GPU type (KVM)',
      'V100',
    ],
    [
      'both agents',
      { __support_agent_list: 'hss,ces' },
      '__support_agent_list',
      'capabilities',
      'Agents',
      'Server security (HSS), Host monitoring (CES)',
    ],
    [
      'one agent and an unknown one',
      { __support_agent_list: ' ces , xyz' },
      '__support_agent_list',
      'capabilities',
      'Agents',
      'Host monitoring (CES), xyz',
    ],
    [
      'NIC multi-queue',
      { hw_vif_multiqueue_enabled: 'true' },
      'hw_vif_multiqueue_enabled',
      'capabilities',
      'NIC multi-queue',
      'Supported',
    ],
    [
      'Cloud-Init injection, inverted: true means not supported',
      { __support_fc_inject: 'true' },
      '__support_fc_inject',
      'capabilities',
      'Password/key injection (Cloud-Init)',
      'Not supported',
    ],
    [
      'Cloud-Init injection supported',
      { __support_fc_inject: 'false' },
      '__support_fc_inject',
      'capabilities',
      'Password/key injection (Cloud-Init)',
      'Supported',
    ],
    [
      'initial configuration',
      { __is_config_init: 'true' },
      '__is_config_init',
      'capabilities',
      'Initial configuration',
      'Complete',
    ],
    [
      'the IMS size, exact',
      { __image_size: '10737418240', size: 0 },
      'size',
      'storage',
      'Size',
      '10.0 GB (10,737,418,240 bytes)',
    ],
    ['the Glance size', { size: 1536 }, 'size', 'storage', 'Size', '1.5 KB (1,536 bytes)'],
    [
      'the virtual size',
      { virtual_size: 2048 },
      'virtual_size',
      'storage',
      'Virtual size',
      '2.0 KB (2,048 bytes)',
    ],
    ['the minimum disk', { min_disk: 40 }, 'min_disk', 'storage', 'Minimum disk', '40 GB'],
    ['the minimum memory', { min_ram: 2048 }, 'min_ram', 'storage', 'Minimum memory', '2,048 MB'],
    ['the maximum memory', { max_ram: '524288' }, 'max_ram', 'storage', 'Maximum memory', '524,288 MB'],
    [
      'lazy loading, capitalised',
      { __lazyloading: 'True' },
      '__lazyloading',
      'storage',
      'Lazy loading',
      'Yes',
    ],
    ['no lazy loading', { __lazyloading: 'false' }, '__lazyloading', 'storage', 'Lazy loading', 'No'],
    [
      'the storage backend',
      { __image_source_type: 'uds' },
      '__image_source_type',
      'storage',
      'Storage backend',
      'uds',
    ],
    [
      'the encryption key',
      { __system__cmkid: 'kms-key-1' },
      '__system__cmkid',
      'storage',
      'Encryption key (KMS)',
      'kms-key-1',
    ],
    ['the backup', { __backup_id: 'b-1' }, '__backup_id', 'origin', 'Backup', 'b-1'],
    [
      'the parent image',
      { __originalimagename: UUID },
      '__originalimagename',
      'origin',
      'Parent image',
      UUID,
    ],
    [
      'a file origin',
      { __root_origin: 'file' },
      '__root_origin',
      'origin',
      'Root origin',
      'External image file (file)',
    ],
    [
      'the product code',
      { __productcode: 'OFFI123' },
      '__productcode',
      'origin',
      'Marketplace product code',
      'OFFI123',
    ],
    [
      'an offline product',
      { __is_offshelved: 'true' },
      '__is_offshelved',
      'origin',
      'Taken offline (marketplace)',
      'Yes',
    ],
    ['the source server', { instance_uuid: UUID }, 'instance_uuid', 'origin', 'Source server', UUID],
    ['the system disk slot', { __sequence_num: '0' }, '__sequence_num', 'origin', 'System disk slot', '0'],
    [
      'the creation time, formatted and raw',
      { created_at: '2018-09-06T14:03:27Z' },
      'created_at',
      'dates',
      'Created',
      `${formatDateTime('2018-09-06T14:03:27Z')} (2018-09-06T14:03:27Z)`,
    ],
    ['an unparsable time once', { active_at: 'soon' }, 'active_at', 'dates', 'Active since', 'soon'],
    [
      'enterprise project 0',
      { enterprise_project_id: '0' },
      'enterprise_project_id',
      'enterprise-project',
      'Enterprise project',
      'default',
    ],
    [
      'a blank enterprise project',
      { enterprise_project_id: '' },
      'enterprise_project_id',
      'enterprise-project',
      'Enterprise project',
      'default',
    ],
    [
      'an enterprise project both properties agree on',
      { enterprise_project_id: UUID, _sys_enterprise_project_id: UUID },
      'enterprise_project_id',
      'enterprise-project',
      'Enterprise project',
      UUID,
    ],
    [
      'the system property alone',
      { _sys_enterprise_project_id: '0' },
      'enterprise_project_id',
      'enterprise-project',
      'Enterprise project',
      'default',
    ],
    [
      'enterprise projects that disagree',
      { enterprise_project_id: '0', _sys_enterprise_project_id: UUID },
      'enterprise_project_id',
      'enterprise-project',
      'Enterprise project',
      `default (system property: ${UUID})`,
    ],
    ['an undocumented property', { os_hidden: false }, 'os_hidden', 'other', 'os_hidden', 'false'],
    [
      'an undocumented object',
      { locations: [{ url: 'x' }] },
      'locations',
      'other',
      'locations',
      '[{"url":"x"}]',
    ],
    [
      'a documented property no section shows',
      { __isregistered: 'true' },
      '__isregistered',
      'other',
      '__isregistered',
      'true',
    ],
  ])('shows %s', (_, overrides, key, section, label, value) => {
    expect(findField(createImage(overrides), key)).toMatchObject({ section, label, value });
  });

  it.each<[string, Partial<Image>, string]>([
    ['no description', { __description: undefined }, '__description'],
    ['an empty description', { __description: '' }, '__description'],
    ['no architecture', { __support_arm: undefined, __support_amd: undefined }, 'architecture'],
    ['no agents', { __support_agent_list: '' }, '__support_agent_list'],
    ['a null virtual size', { virtual_size: null }, 'virtual_size'],
    ['a null checksum', { checksum: null }, 'checksum'],
    ['a null owner', { owner: null }, 'owner'],
    ['no enterprise project', {}, 'enterprise_project_id'],
  ])('leaves out the row of %s', (_, overrides, key) => {
    expect(findField(createImage(overrides), key)).toBeUndefined();
  });

  it('leaves out sections without rows, and keeps the others in order', () => {
    expect(imageSections(createImage()).map((section) => section.id)).toEqual([
      'overview',
      'os',
      'storage',
      'dates',
      'other',
    ]);
  });

  it('keeps what a row could not show in Other properties, as it came', () => {
    const image = createImage({ __image_size: undefined, size: 0, __support_arm: 'maybe' });
    expect(findField(image, 'size')).toMatchObject({ section: 'other', value: '0' });
    expect(findField(image, 'architecture')).toBeUndefined();
    expect(findField(image, '__support_arm')).toMatchObject({ section: 'other', value: 'maybe' });
  });

  it('shows a string boolean that is neither true nor false as it came', () => {
    expect(findField(createImage({ __support_kvm: 'yes' }), '__support_kvm')?.value).toBe('yes');
  });

  it('marks ids, hashes and paths as monospace', () => {
    const image = createImage({ __image_location: 'obs://bucket/x.zvhd2' });
    expect(findField(image, 'id')?.mono).toBe(true);
    expect(findField(image, 'checksum')?.mono).toBe(true);
    expect(findField(image, '__image_location')?.mono).toBe(true);
    expect(findField(image, '__platform')?.mono).toBeUndefined();
  });

  it('shows every property the server sent exactly once, documented or not, except the tags', () => {
    const everything = Object.fromEntries(IMAGE_FIELDS.map((field) => [field, 'true'])) as unknown as Image;
    const image: Image = {
      ...everything,
      protected: true,
      virtual_size: 4096,
      min_ram: 1024,
      min_disk: 40,
      size: 2048,
      tags: ['a=b'],
      created_at: '2024-01-01T00:00:00Z',
      updated_at: '2024-01-02T00:00:00Z',
      __undocumented: 'x',
      instance_uuid: UUID,
    };
    // Rows that stand for more than one property.
    const shownAs: Readonly<Record<string, string>> = {
      __support_arm: 'architecture',
      __support_amd: 'architecture',
      __image_size: 'size',
      _sys_enterprise_project_id: 'enterprise_project_id',
    };
    const keys = allFields(image).map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    const expected = Object.keys(image)
      .filter((key) => key !== 'tags')
      .map((key) => shownAs[key] ?? key);
    expect([...new Set(expected)].sort()).toEqual([...keys].sort());
  });
});

describe('imageBadges', () => {
  it.each<[string, Partial<Image>, string[]]>([
    ['nothing supported', {}, []],
    [
      'support flags that are on',
      { __support_kvm: 'true', __support_xen: 'false', __support_largememory: 'True' },
      ['KVM', 'Large-memory ECSs'],
    ],
    [
      'GPU types',
      { __support_xen_gpu_type: 'M60', __support_kvm_gpu_type: 'V100' },
      ['Xen GPU: M60', 'KVM GPU: V100'],
    ],
    ['Arm', { __support_arm: 'true' }, ['Arm']],
    ['NIC multi-queue', { hw_vif_multiqueue_enabled: 'true' }, ['NIC multi-queue']],
    [
      'agents',
      { __support_agent_list: 'hss,ces,zz' },
      ['Server security (HSS)', 'Host monitoring (CES)', 'Agent: zz'],
    ],
  ])('%s', (_, overrides, labels) => {
    expect(imageBadges(createImage(overrides)).map((badge) => badge.label)).toEqual(labels);
  });

  it('gives each badge its own key', () => {
    const badges = imageBadges(
      createImage({ __support_kvm: 'true', __support_arm: 'true', __support_agent_list: 'hss,ces' }),
    );
    expect(new Set(badges.map((badge) => badge.key)).size).toBe(badges.length);
  });
});
