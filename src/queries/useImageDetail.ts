import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Image, ImagePage } from '../api/imageTypes';
import type { ImsClient } from '../api/imsClient';
import { imageDetailQueryOptions, imageKeys } from './imageQueries';
import { useImsClient } from './imsClientContext';

export interface CachedImage {
  image: Image;
  /** When the list page that holds it was fetched: how fresh the copy is. */
  updatedAt: number;
}

function hasImagePages(data: unknown): data is { pages: ImagePage[] } {
  return typeof data === 'object' && data !== null && Array.isArray((data as { pages?: unknown }).pages);
}

/** The freshest copy of an image in any loaded page of any list view of this client, if there is one. */
export function findCachedImage(
  queryClient: QueryClient,
  client: ImsClient,
  id: string,
): CachedImage | undefined {
  let found: CachedImage | undefined;
  for (const query of queryClient.getQueryCache().findAll({ queryKey: imageKeys.lists(client) })) {
    const { data, dataUpdatedAt } = query.state;
    if (!hasImagePages(data) || (found && found.updatedAt >= dataUpdatedAt)) continue;
    const image = data.pages.flatMap((page) => page.images).find((candidate) => candidate.id === id);
    if (image) found = { image, updatedAt: dataUpdatedAt };
  }
  return found;
}

/**
 * One image. An image already in a loaded list page opens from that copy, as fresh as its page (so within
 * the stale time no request is made); an image reached by a deep link is fetched with GET /v2/images/{id}.
 */
export function useImageDetail(id: string) {
  const client = useImsClient();
  const queryClient = useQueryClient();
  return useQuery({
    ...imageDetailQueryOptions(client, id),
    // Both run once, when the detail entry is created; the list pages are read then, not subscribed to.
    initialData: () => findCachedImage(queryClient, client, id)?.image,
    initialDataUpdatedAt: () => findCachedImage(queryClient, client, id)?.updatedAt,
  });
}
