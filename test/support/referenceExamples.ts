// The example responses of shared/reference, copied as published (JSON bodies as the APIs send them).

/** ims-v2-images-native.txt, "Example response" of GET /v2/images. */
export const IMS_V2_EXAMPLE_RESPONSE = {
  schema: '/v2/schemas/images',
  next: '/v2/images?__isregistered=true&marker=0328c25e-c840-4496-81ac-c4e01b214b1f&__imagetype=gold&limit=2',
  images: [
    {
      schema: '/v2/schemas/image',
      min_disk: 100,
      created_at: '2018-09-06T14:03:27Z',
      __image_source_type: 'uds',
      container_format: 'bare',
      file: '/v2/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52/file',
      updated_at: '2018-09-06T15:17:33Z',
      protected: true,
      checksum: 'd41d8cd98f00b204e9800998ecf8427e',
      id: 'bc6bed6e-ba3a-4447-afcc-449174a3eb52',
      __isregistered: 'true',
      min_ram: 2048,
      __lazyloading: 'true',
      owner: '1bed856811654c1cb661a6ca845ebc77',
      __os_type: 'Linux',
      __imagetype: 'gold',
      visibility: 'public',
      virtual_env_type: 'FusionCompute',
      tags: [],
      __platform: 'CentOS',
      size: 0,
      __os_bit: '64',
      __os_version: 'CentOS 7.3 64bit',
      name: 'CentOS 7.3 64bit vivado',
      self: '/v2/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52',
      disk_format: 'zvhd2',
      virtual_size: null,
      hw_firmware_type: 'bios',
      status: 'active',
    },
    {
      schema: '/v2/schemas/image',
      min_disk: 100,
      created_at: '2018-09-06T14:03:05Z',
      __image_source_type: 'uds',
      container_format: 'bare',
      file: '/v2/images/0328c25e-c840-4496-81ac-c4e01b214b1f/file',
      updated_at: '2018-09-25T14:27:40Z',
      protected: true,
      checksum: 'd41d8cd98f00b204e9800998ecf8427e',
      id: '0328c25e-c840-4496-81ac-c4e01b214b1f',
      __isregistered: 'true',
      min_ram: 2048,
      __lazyloading: 'true',
      owner: '1bed856811654c1cb661a6ca845ebc77',
      __os_type: 'Linux',
      __imagetype: 'gold',
      visibility: 'public',
      virtual_env_type: 'FusionCompute',
      tags: [],
      __platform: 'CentOS',
      size: 0,
      __os_bit: '64',
      __os_version: 'CentOS 7.3 64bit',
      name: 'CentOS 7.3 64bit with sdx',
      self: '/v2/images/0328c25e-c840-4496-81ac-c4e01b214b1f',
      disk_format: 'zvhd2',
      virtual_size: null,
      hw_firmware_type: 'bios',
      status: 'active',
    },
  ],
  first: '/v2/images?__isregistered=true&__imagetype=gold&limit=2',
};

/** nova-v2-images-list.rst, "Example Response" of GET /v2/{project_id}/images. */
export const NOVA_LIST_EXAMPLE_RESPONSE = {
  images: [
    {
      id: 'ee10f19c-503c-44af-af2f-73d5e42f7a17',
      links: [
        {
          href: 'http://172.25.150.84:8774/v2/d9ebe43510414ef590a4aa158605329e/images/ee10f19c-503c-44af-af2f-73d5e42f7a17',
          rel: 'self',
        },
        {
          href: 'http://172.25.150.84:8774/d9ebe43510414ef590a4aa158605329e/images/ee10f19c-503c-44af-af2f-73d5e42f7a17',
          rel: 'bookmark',
        },
        {
          href: 'http://172.25.150.84:9292/d9ebe43510414ef590a4aa158605329e/images/ee10f19c-503c-44af-af2f-73d5e42f7a17',
          rel: 'alternate',
          type: 'application/vnd.openstack.image',
        },
      ],
      name: 'image1',
    },
  ],
};

/** nova-v2-images-detail.txt, the example entry of GET /v2/{project_id}/images/detail (published as `{"image": ...}`). */
export const NOVA_DETAIL_EXAMPLE_ENTRY = {
  'OS-EXT-IMG-SIZE:size': 20578304,
  created: '2014-02-10T17:05:01Z',
  id: 'ee10f19c-503c-44af-af2f-73d5e42f7a17',
  links: [
    {
      href: 'http://xxx/v2/d9ebe43510414ef590a4aa158605329e/images/ee10f19c-503c-44af-af2f-73d5e42f7a17',
      rel: 'self',
    },
    {
      href: 'http://xxx/d9ebe43510414ef590a4aa158605329e/images/ee10f19c-503c-44af-af2f-73d5e42f7a17',
      rel: 'bookmark',
    },
    {
      href: 'http://xxx/d9ebe43510414ef590a4aa158605329e/images/ee10f19c-503c-44af-af2f-73d5e42f7a17',
      rel: 'alternate',
      type: 'application/vnd.openstack.image',
    },
  ],
  metadata: {
    clean_attempts: '3',
    image_location: 'snapshot',
    image_state: 'available',
    image_type: 'snapshot',
    instance_type_ephemeral_gb: '0',
    instance_type_flavorid: '6',
    instance_type_id: '7',
    instance_type_memory_mb: '256',
    instance_type_name: 'wj.ssd',
    instance_type_root_gb: '2',
    instance_type_rxtx_factor: '1.0',
    instance_type_swap: '0',
    instance_type_vcpus: '1',
    instance_uuid: 'b600b5b1-ed8c-4814-aefa-8b903c894c20',
    os_type: 'None',
    owner_id: 'd9ebe43510414ef590a4aa158605329e',
    user_id: '74fe4ff0674b434b8a274077d8106c5b',
  },
  minDisk: 2,
  minRam: 0,
  name: 'image1',
  progress: 100,
  server: {
    id: 'b600b5b1-ed8c-4814-aefa-8b903c894c20',
    links: [
      {
        href: 'http://xxx/v2/d9ebe43510414ef590a4aa158605329e/servers/b600b5b1-ed8c-4814-aefa-8b903c894c20',
        rel: 'self',
      },
      {
        href: 'http://xxx/d9ebe43510414ef590a4aa158605329e/servers/b600b5b1-ed8c-4814-aefa-8b903c894c20',
        rel: 'bookmark',
      },
    ],
  },
  status: 'ACTIVE',
  updated: '2014-02-10T17:05:07Z',
};

/** glance-v1.1-images-detail.rst, "Example response" of GET /v1.1/images/detail. */
export const GLANCE_V1_EXAMPLE_RESPONSE = {
  images: [
    {
      status: 'active',
      deleted_at: null,
      name: 'cirros',
      deleted: false,
      container_format: 'bare',
      created_at: '2016-05-22T06:04:20.425843',
      disk_format: 'qcow2',
      updated_at: '2016-05-22T06:04:22.719791',
      min_disk: 0,
      protected: false,
      id: '3c3d1d01-b48a-4639-8a88-08be3b9b5d78',
      min_ram: 0,
      checksum: '64d7c1cd2b6f60c92c14662941cb7913',
      owner: '23f4cb75768d4febb39542ef6fe169f3',
      is_public: true,
      virtual_size: null,
      properties: {},
      size: 13167616,
    },
  ],
};
