import type { ComputeImageQuery, ComputeVersion, GlanceV1ImageQuery } from './legacyTypes';
import { toQueryString, withQuery } from './queryString';

export type ComputeListKind = 'list' | 'detail';

/** `GET /{v2|v2.1}/{project_id}/images[/detail]` with its documented filters and Nova's paging. */
export function computeImagesUrl(
  computeEndpoint: string,
  projectId: string,
  query: ComputeImageQuery,
  kind: ComputeListKind = 'list',
  version: ComputeVersion = 'v2',
): string {
  const path = `${computeEndpoint}/${version}/${encodeURIComponent(projectId)}/images${kind === 'detail' ? '/detail' : ''}`;
  return withQuery(
    path,
    toQueryString([
      ['name', query.name],
      ['status', query.status],
      ['changes-since', query['changes-since']],
      ['minRam', query.minRam],
      ['minDisk', query.minDisk],
      ['limit', query.limit],
      ['marker', query.marker],
    ]),
  );
}

/** `GET /v1.1/images/detail` with the v1 filters; each property filter becomes `property-<key>`. */
export function glanceV1ImagesUrl(endpoint: string, query: GlanceV1ImageQuery): string {
  const properties = Object.entries(query.properties ?? {}).map(
    ([key, value]) => [`property-${key}`, value] as const,
  );
  return withQuery(
    `${endpoint}/v1.1/images/detail`,
    toQueryString([
      ['name', query.name],
      ['container_format', query.container_format],
      ['disk_format', query.disk_format],
      ['status', query.status],
      ['size_min', query.size_min],
      ['size_max', query.size_max],
      ['changes-since', query['changes-since']],
      ['min_ram', query.min_ram],
      ['min_disk', query.min_disk],
      ['is_public', query.is_public],
      ['protected', query.protected],
      ...properties,
      ['limit', query.limit],
      ['marker', query.marker],
    ]),
  );
}
