// One query-options factory per resource. Keys come from the typed query; the marker cursor lives in
// pageParam only, so every page of a view shares one cache entry.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ImageListQuery } from '../api/imageTypes';
import type { ImsClient } from '../api/imsClient';

/**
 * Caches of different endpoints, projects or API versions never mix; a new token keeps them. (The compute
 * endpoint is in the legacy records' own keys.)
 */
export function scopeOf({ connection }: ImsClient) {
  const { endpoint, projectId, apiVersion = '' } = connection;
  return ['ims', endpoint, projectId, apiVersion] as const;
}

export const imageKeys = {
  all: (client: ImsClient) => [...scopeOf(client), 'images'] as const,
  /** Every list view: where an image already loaded in some page can be found. */
  lists: (client: ImsClient) => [...imageKeys.all(client), 'list'] as const,
  list: (client: ImsClient, query: ImageListQuery) => [...imageKeys.lists(client), query] as const,
  detail: (client: ImsClient, id: string) => [...imageKeys.all(client), 'detail', id] as const,
};

export function imageListQueryOptions(client: ImsClient, query: ImageListQuery) {
  return infiniteQueryOptions({
    queryKey: imageKeys.list(client, query),
    queryFn: ({ pageParam, signal }) =>
      client.listImages(pageParam ? { ...query, marker: pageParam } : query, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextMarker,
  });
}

export function imageDetailQueryOptions(client: ImsClient, id: string) {
  return queryOptions({
    queryKey: imageKeys.detail(client, id),
    queryFn: ({ signal }) => client.getImage(id, { signal }),
  });
}
