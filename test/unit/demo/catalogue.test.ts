import { describe, expect, it } from 'vitest';
import {
  FIRMWARE_TYPES,
  GPU_TYPE_FLAGS,
  IMAGE_STATUSES,
  IMAGE_TYPES,
  MEMBER_STATUSES,
  OS_TYPES,
  PLATFORMS,
  SUPPORT_FLAGS,
  VIRTUAL_ENV_TYPES,
  type Image,
} from '../../../src/api/imageTypes';
import { DEMO_PROJECT_ID, generateCatalogue } from '../../../src/demo/catalogue';
import { VIEWER, catalogue, viewerMemberStatus, visibleToViewer } from './demoTestKit';

const { images, members } = catalogue;
const valuesOf = (key: string, from: readonly Image[] = images) => new Set(from.map((image) => image[key]));
const publicImages = images.filter((image) => image.__imagetype === 'gold');
const hasData = (image: Image) => ['active', 'deactivated', 'deleted'].includes(image.status);

describe('generateCatalogue: shape and determinism', () => {
  it('defaults to 2,000 images for DEMO_PROJECT_ID, a 32-hex project id', () => {
    expect(images).toHaveLength(2000);
    expect(catalogue.viewerProjectId).toBe(DEMO_PROJECT_ID);
    expect(DEMO_PROJECT_ID).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives identical catalogues for identical options and different ones for another seed', () => {
    const options = { size: 300, seed: 7 };
    expect(generateCatalogue(options)).toEqual(generateCatalogue(options));
    expect(generateCatalogue({ size: 300, seed: 8 }).images).not.toEqual(generateCatalogue(options).images);
  });

  it('honours any size, however small', () => {
    for (const size of [0, 1, 5, 77]) expect(generateCatalogue({ size }).images).toHaveLength(size);
  });

  it('gives every image a unique version-4 UUID and the fields every Glance image has', () => {
    expect(new Set(images.map((image) => image.id)).size).toBe(images.length);
    for (const image of images) {
      expect(image.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(image).toMatchObject({
        schema: '/v2/schemas/image',
        self: `/v2/images/${image.id}`,
        file: `/v2/images/${image.id}/file`,
        container_format: 'bare',
        virtual_size: null,
        __isregistered: 'true',
        __image_source_type: 'uds',
      });
      expect(image.owner).toMatch(/^[0-9a-f]{32}$/);
      expect(Array.isArray(image.tags)).toBe(true);
    }
  });

  // A figure, not a timed assertion: wall-clock limits flake on a busy machine.
  it('builds 100,000 images, printing how long it took', () => {
    const started = performance.now();
    const large = generateCatalogue({ size: 100_000 });
    const elapsed = performance.now() - started;
    console.info(`generateCatalogue({ size: 100000 }) took ${elapsed.toFixed(0)} ms`);
    expect(large.images).toHaveLength(100_000);
  });
});

describe('generateCatalogue: the provider’s public images', () => {
  it('are public, protected and owned by one provider tenant', () => {
    expect(publicImages.length).toBeGreaterThan(100);
    expect(valuesOf('visibility', publicImages)).toEqual(new Set(['public']));
    expect(valuesOf('protected', publicImages)).toEqual(new Set([true]));
    expect(valuesOf('owner', publicImages).size).toBe(1);
  });

  it('cover every platform with several OS versions, named as the provider writes them', () => {
    for (const platform of PLATFORMS) {
      const versions = valuesOf(
        '__os_version',
        publicImages.filter((image) => image.__platform === platform),
      );
      expect(versions.size, platform).toBeGreaterThanOrEqual(2);
    }
    const names = valuesOf('name', publicImages);
    for (const name of [
      'CentOS 7.9 64bit',
      'Windows Server 2019 Datacenter 64bit English',
      'Ubuntu 22.04 server 64bit',
      'EulerOS 2.5 64bit',
      'Debian 11.1.0 64bit',
      'Huawei Cloud EulerOS 2.0 Standard 64 bit (ARM)',
    ]) {
      expect(names, name).toContain(name);
    }
  });

  it('set the OS properties consistently', () => {
    for (const image of publicImages) {
      expect(OS_TYPES).toContain(image.__os_type);
      expect(image.__os_type === 'Windows').toBe(image.__platform === 'Windows');
      expect(image.__os_bit).toBe(String(image.__os_version).match(/32 ?bit/) ? '32' : '64');
      expect(JSON.parse(String(image.__os_feature_list))).toBeInstanceOf(Array);
    }
    expect(valuesOf('__os_bit', publicImages)).toEqual(new Set(['32', '64']));
    expect(valuesOf('__os_type', publicImages)).toEqual(new Set(OS_TYPES));
  });

  it('include Arm images (UEFI, KVM) and x86 ones, some of them on AMD', () => {
    const arm = publicImages.filter((image) => image.__support_arm === 'true');
    expect(arm.length).toBeGreaterThan(0);
    for (const image of arm) expect(image.hw_firmware_type).toBe('uefi');
    expect(publicImages.some((image) => image.__support_arm === 'false')).toBe(true);
    expect(
      publicImages.some((image) => image.__support_amd === 'true' && image.__support_arm !== 'true'),
    ).toBe(true);
    expect(valuesOf('hw_firmware_type', publicImages)).toEqual(new Set(FIRMWARE_TYPES));
  });
});

describe('generateCatalogue: support flags', () => {
  it('sets every support flag to the string true on some image', () => {
    for (const flag of SUPPORT_FLAGS) {
      expect(valuesOf(flag), flag).toEqual(new Set([undefined, 'true']));
    }
  });

  it('names GPU types on both hypervisors', () => {
    for (const flag of GPU_TYPE_FLAGS) {
      const types = [...valuesOf(flag)].filter((value) => value !== undefined);
      expect(types.length, flag).toBeGreaterThan(1);
    }
    expect([...valuesOf('__support_kvm_gpu_type')]).toEqual(
      expect.arrayContaining(['V100_vGPU', 'T4', 'A100']),
    );
  });

  it('respects the documented "cannot co-exist" rules', () => {
    for (const image of images) {
      const onXenOrKvm = image.__support_xen !== undefined || image.__support_kvm !== undefined;
      const special = [image.__support_xen_gpu_type, image.__support_kvm_gpu_type, image.__support_xen_hana];
      if (special.some((value) => value !== undefined)) expect(onXenOrKvm, image.id).toBe(false);
      if (image.__support_kvm_infiniband !== undefined) expect(image.__support_xen, image.id).toBeUndefined();
    }
  });
});

describe('generateCatalogue: kinds of images', () => {
  it('has every image type, visibility combination and environment type', () => {
    expect(valuesOf('__imagetype')).toEqual(new Set(IMAGE_TYPES));
    expect(valuesOf('virtual_env_type')).toEqual(new Set(VIRTUAL_ENV_TYPES));
    for (const image of images.filter((image) => image.virtual_env_type === 'IsoImage')) {
      expect(image.disk_format).toBe('iso');
    }
    expect(valuesOf('disk_format')).toEqual(new Set(['zvhd2', 'zvhd', 'vhd', 'raw', 'qcow2', 'iso']));
  });

  it('has marketplace images with a product code, an account code and an off-shelf flag', () => {
    const market = images.filter((image) => image.__imagetype === 'market');
    expect(market.length).toBeGreaterThan(0);
    for (const image of market) {
      expect(image.visibility).toBe('public');
      expect(image.__productcode).toMatch(/^\d{5}-\d{6}-0--0$/);
      expect(image.__account_code).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(valuesOf('__is_offshelved', market)).toEqual(new Set(['true', 'false']));
  });

  it('gives the viewer private images: snapshots, backups, imports, encrypted and tagged ones', () => {
    const own = images.filter((image) => image.owner === VIEWER);
    for (const image of own) {
      expect(image.protected).toBe(false);
      expect(image.__imagetype).toBe('private');
    }
    expect(
      own.some((image) => image.instance_uuid !== undefined && image.__originalimagename !== undefined),
    ).toBe(true);
    expect(own.some((image) => image.__backup_id !== undefined)).toBe(true);
    expect(own.some((image) => image.__root_origin === 'file')).toBe(true);
    expect(own.some((image) => image.__system__cmkid !== undefined)).toBe(true);
    expect(own.some((image) => image.__description !== undefined)).toBe(true);
    expect(own.flatMap((image) => image.tags)).toEqual(
      expect.arrayContaining(['env=prod', 'team=data', 'app.web']),
    );
    const parents = new Set(images.map((image) => image.id));
    for (const image of own.filter((image) => image.__originalimagename !== undefined)) {
      expect(parents).toContain(image.__originalimagename);
    }
  });

  it('shares some of the viewer’s images with other tenants', () => {
    const sharedOut = images.filter((image) => image.owner === VIEWER && image.visibility === 'shared');
    expect(sharedOut.length).toBeGreaterThan(0);
    for (const image of sharedOut) {
      const projects = [...(members.get(image.id)?.keys() ?? [])];
      expect(projects.length).toBeGreaterThan(0);
      expect(projects).not.toContain(VIEWER);
    }
  });

  it('has images other tenants share with the viewer, answered in every member status in about 60/25/15', () => {
    const sharedIn = images.filter(
      (image) => image.owner !== VIEWER && viewerMemberStatus(image) !== undefined,
    );
    for (const image of sharedIn)
      expect(image).toMatchObject({ visibility: 'shared', __imagetype: 'shared' });
    const share = (status: string) =>
      sharedIn.filter((image) => viewerMemberStatus(image) === status).length / sharedIn.length;
    expect(new Set(sharedIn.map(viewerMemberStatus))).toEqual(new Set(MEMBER_STATUSES));
    expect(share('accepted')).toBeCloseTo(0.6, 1);
    expect(share('pending')).toBeCloseTo(0.25, 1);
    expect(share('rejected')).toBeCloseTo(0.15, 1);
  });

  it('has about six other tenants, some of whose images the viewer must not see', () => {
    const others = valuesOf(
      'owner',
      images.filter((image) => image.owner !== VIEWER),
    );
    expect(others.size).toBeGreaterThanOrEqual(5);
    const hidden = images.filter((image) => !visibleToViewer(image));
    expect(hidden.some((image) => image.visibility === 'private')).toBe(true);
    expect(hidden.some((image) => image.visibility === 'shared')).toBe(true);
  });

  it('includes hostile and non-ASCII text from other tenants', () => {
    const texts = images
      .filter((image) => image.owner !== VIEWER)
      .flatMap((image) => [image.name, image.__description, ...image.tags])
      .filter((text) => typeof text === 'string');
    expect(texts).toContain('<img src=x onerror=alert(1)>');
    expect(texts.some((text) => text.includes('"') && text.includes('&'))).toBe(true);
    expect(texts.some((text) => /[\u4e00-\u9fff]/.test(text))).toBe(true);
  });
});

describe('generateCatalogue: statuses, sizes and times', () => {
  it('has every status, mostly active', () => {
    expect(valuesOf('status')).toEqual(new Set(IMAGE_STATUSES));
    expect(images.filter((image) => image.status === 'active').length / images.length).toBeGreaterThan(0.75);
  });

  it('gives a size, checksum and active_at only to images whose file was uploaded', () => {
    for (const image of images) {
      if (hasData(image)) {
        expect(image.__image_size).toBe(String(image.size));
        expect(image.size).toBeGreaterThan(0);
        expect(image.checksum).toMatch(/^[0-9a-f]{32}$/);
        const activeAt = String(image.active_at);
        expect(activeAt >= image.created_at && activeAt <= image.updated_at).toBe(true);
      } else {
        expect(image.__image_size).toBeUndefined();
        expect(image.checksum).toBeNull();
        expect(image.size).toBe(image.status === 'queued' ? null : 0);
      }
    }
  });

  it('keeps min_disk in 10..1024 GB (20 GB at least for Windows) and min_ram at 0 or 1..8 GB', () => {
    for (const image of images) {
      expect(image.min_disk).toBeGreaterThanOrEqual(image.__os_type === 'Windows' ? 20 : 10);
      expect(image.min_disk).toBeLessThanOrEqual(1024);
      expect([0, 1024, 2048, 4096, 8192]).toContain(image.min_ram);
    }
    expect(images.some((image) => image.max_ram !== undefined)).toBe(true);
  });

  it('writes UTC times from 2016-01-01 to 2026-11-01, updated no earlier than created', () => {
    for (const image of images) {
      expect(image.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(image.created_at >= '2016-01-01T00:00:00Z' && image.created_at < '2026-11-01T00:00:00Z').toBe(
        true,
      );
      expect(image.updated_at >= image.created_at && image.updated_at <= '2026-11-01T00:00:00Z').toBe(true);
    }
  });

  it('gives many images the same created_at, so that ties need the id', () => {
    const counts = new Map<string, number>();
    for (const { created_at } of images) counts.set(created_at, (counts.get(created_at) ?? 0) + 1);
    const tied = [...counts.values()].filter((count) => count > 1).reduce((sum, count) => sum + count, 0);
    expect(tied / images.length).toBeGreaterThan(0.2);
  });

  it('writes __lazyloading in both cases, as IMS does', () => {
    expect([...valuesOf('__lazyloading')]).toEqual(
      expect.arrayContaining(['true', 'false', 'True', 'False']),
    );
  });
});
