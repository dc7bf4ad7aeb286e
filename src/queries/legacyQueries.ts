// The live records of one image in the three discarded APIs. None can be asked for by id, so each lists
// by the image's exact name and picks the entry with its id; `null` means the live list does not hold it.
import { queryOptions } from '@tanstack/react-query';
import type { Image } from '../api/imageTypes';
import type { ImsClient } from '../api/imsClient';
import type { ComputeListKind } from '../api/legacyQuery';
import type { ComputeImageQuery, ComputeVersion, GlanceV1ImageQuery } from '../api/legacyTypes';
import { scopeOf } from './imageQueries';

/** What a lookup needs of the image: its id to pick the entry, its name to filter the list. */
export type LegacyImageRef = Pick<Image, 'id' | 'name'>;

export const legacyKeys = {
  all: (client: ImsClient) => [...scopeOf(client), 'legacy'] as const,
  compute: (client: ImsClient, image: LegacyImageRef, kind: ComputeListKind, version: ComputeVersion) =>
    [
      ...legacyKeys.all(client),
      'compute',
      client.connection.computeEndpoint,
      version,
      kind,
      { id: image.id, name: image.name },
    ] as const,
  glanceV1: (client: ImsClient, image: LegacyImageRef) =>
    [...legacyKeys.all(client), 'glance', 'v1.1', { id: image.id, name: image.name }] as const,
};

/**
 * The filter every lookup sends (so a view can show the exact request URL). A nameless image cannot be
 * filtered by name; its lookup reads the unfiltered first page.
 */
export function legacyLookupQuery(image: LegacyImageRef): ComputeImageQuery & GlanceV1ImageQuery {
  return image.name === null ? {} : { name: image.name };
}

function entryWithId<T extends { id: string }>(entries: readonly T[], id: string): T | null {
  return entries.find((entry) => entry.id === id) ?? null;
}

/** The image's entry in GET /{version}/{project_id}/images. */
export function computeImageQueryOptions(
  client: ImsClient,
  image: LegacyImageRef,
  version: ComputeVersion = 'v2',
) {
  return queryOptions({
    queryKey: legacyKeys.compute(client, image, 'list', version),
    queryFn: async ({ signal }) =>
      entryWithId(
        (await client.listComputeImages(legacyLookupQuery(image), { signal, version })).images,
        image.id,
      ),
  });
}

/** The image's entry in GET /{version}/{project_id}/images/detail. */
export function computeImageDetailQueryOptions(
  client: ImsClient,
  image: LegacyImageRef,
  version: ComputeVersion = 'v2',
) {
  return queryOptions({
    queryKey: legacyKeys.compute(client, image, 'detail', version),
    queryFn: async ({ signal }) =>
      entryWithId(
        (await client.listComputeImageDetails(legacyLookupQuery(image), { signal, version })).images,
        image.id,
      ),
  });
}

/** The image's entry in Glance GET /v1.1/images/detail. */
export function glanceV1ImageQueryOptions(client: ImsClient, image: LegacyImageRef) {
  return queryOptions({
    queryKey: legacyKeys.glanceV1(client, image),
    queryFn: async ({ signal }) =>
      entryWithId(
        (await client.listGlanceV1ImageDetails(legacyLookupQuery(image), { signal })).images,
        image.id,
      ),
  });
}
