// Boundary checks: every answer is validated before the app sees it. Unknown extra fields are kept.
import * as v from 'valibot';
import type { Image, ImageField, ImageListResponse } from './imageTypes';
import type { ComputeImage, ComputeImageDetail, ComputeImageList, GlanceV1ImageList } from './legacyTypes';

const text = v.string();
const optionalText = v.optional(v.string());
const nullableText = v.optional(v.nullable(v.string()));
const nullableCount = v.optional(v.nullable(v.number()));

/** A validator for each documented field: the compiler checks none is forgotten. */
const IMAGE_FIELD_SCHEMAS: Record<ImageField, v.GenericSchema> = {
  __backup_id: optionalText,
  __data_origin: optionalText,
  __description: optionalText,
  __image_location: optionalText,
  __image_size: optionalText,
  __image_source_type: optionalText,
  __is_config_init: optionalText,
  __isregistered: optionalText,
  __lazyloading: optionalText,
  __originalimagename: optionalText,
  __imagetype: optionalText,
  protected: v.boolean(),
  virtual_env_type: optionalText,
  virtual_size: nullableCount,
  visibility: text,
  owner: nullableText,
  id: text,
  status: text,
  name: v.nullable(text),
  container_format: nullableText,
  disk_format: nullableText,
  min_ram: v.number(),
  max_ram: optionalText,
  min_disk: v.number(),
  __os_bit: optionalText,
  __os_feature_list: optionalText,
  __platform: optionalText,
  schema: optionalText,
  self: optionalText,
  size: nullableCount,
  __os_type: optionalText,
  __os_version: optionalText,
  tags: v.array(text),
  __support_kvm: optionalText,
  __support_xen: optionalText,
  __support_largememory: optionalText,
  __support_diskintensive: optionalText,
  __support_highperformance: optionalText,
  __support_xen_gpu_type: optionalText,
  __support_kvm_gpu_type: optionalText,
  __support_xen_hana: optionalText,
  __support_kvm_infiniband: optionalText,
  __productcode: optionalText,
  __root_origin: optionalText,
  __sequence_num: optionalText,
  __support_fc_inject: optionalText,
  __is_offshelved: optionalText,
  created_at: text,
  updated_at: text,
  active_at: optionalText,
  checksum: nullableText,
  hw_firmware_type: optionalText,
  file: optionalText,
  enterprise_project_id: optionalText,
  _sys_enterprise_project_id: optionalText,
  __support_arm: optionalText,
  __support_agent_list: optionalText,
  __account_code: optionalText,
  __support_amd: optionalText,
  __system__cmkid: optionalText,
  hw_vif_multiqueue_enabled: optionalText,
};

const imageSchema = v.looseObject(IMAGE_FIELD_SCHEMAS);

const imageListSchema = v.looseObject({
  images: v.array(imageSchema),
  first: optionalText,
  next: optionalText,
  schema: optionalText,
});

const linkSchema = v.looseObject({ href: text, rel: text, type: optionalText });

const computeImageEntries = { id: text, links: v.array(linkSchema), name: v.nullable(text) };

const computeImageDetailSchema = v.looseObject({
  ...computeImageEntries,
  metadata: v.record(v.string(), v.string()),
  'OS-EXT-IMG-SIZE:size': v.number(),
  minDisk: v.number(),
  minRam: v.number(),
  progress: v.number(),
  status: text,
  created: text,
  updated: text,
  server: v.optional(v.looseObject({ id: text, links: v.array(linkSchema) })),
});

const computeListSchema = <T extends v.GenericSchema>(entry: T) =>
  v.looseObject({ images: v.array(entry), images_links: v.optional(v.array(linkSchema)) });

const glanceV1ImageSchema = v.looseObject({
  id: text,
  name: v.nullable(text),
  status: text,
  container_format: v.nullable(text),
  disk_format: v.nullable(text),
  size: v.nullable(v.number()),
  virtual_size: v.optional(v.nullable(v.number()), null),
  checksum: v.nullable(text),
  min_ram: v.number(),
  min_disk: v.number(),
  owner: v.nullable(text),
  protected: v.boolean(),
  is_public: v.boolean(),
  deleted: v.boolean(),
  deleted_at: v.nullable(text),
  created_at: text,
  updated_at: text,
  properties: v.record(v.string(), v.string()),
});

/** A parser for one kind of answer: the typed value, or a sentence saying what is wrong with it. */
export type Parser<T> = (body: unknown) => { ok: true; value: T } | { ok: false; problem: string };

function parserOf<T>(schema: v.GenericSchema, what: string): Parser<T> {
  return (body) => {
    const result = v.safeParse(schema, body);
    if (result.success) return { ok: true, value: result.output as T };
    const [issue] = result.issues;
    const path = v.getDotPath(issue);
    return { ok: false, problem: `${what}${path ? ` at "${path}"` : ''}: ${issue.message}` };
  };
}

export const parseImageList = parserOf<ImageListResponse>(imageListSchema, 'image list');
export const parseImage = parserOf<Image>(imageSchema, 'image');
export const parseComputeImageList = parserOf<ComputeImageList<ComputeImage>>(
  computeListSchema(v.looseObject(computeImageEntries)),
  'compute image list',
);
export const parseComputeImageDetailList = parserOf<ComputeImageList<ComputeImageDetail>>(
  computeListSchema(computeImageDetailSchema),
  'compute image detail list',
);
export const parseGlanceV1ImageList = parserOf<GlanceV1ImageList>(
  v.looseObject({ images: v.array(glanceV1ImageSchema) }),
  'Glance v1 image list',
);
