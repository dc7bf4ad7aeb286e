import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Image, ImageListQuery } from '../api/imageTypes';
import { imageListQueryOptions, scopeOf } from './imageQueries';
import { useImsClient } from './imsClientContext';

/** The loaded pages of a view as one list, each image once even if the server repeats it across pages. */
export function flattenPages(pages: readonly { images: readonly Image[] }[] | undefined): Image[] {
  const seen = new Set<string>();
  const images: Image[] = [];
  for (const page of pages ?? []) {
    for (const image of page.images) {
      if (seen.has(image.id)) continue;
      seen.add(image.id);
      images.push(image);
    }
  }
  return images;
}

/**
 * A view's pages; while a new view of the same connection loads, the previous view's rows stay on screen
 * (never another endpoint's or project's rows). `listKey` names the list asked for.
 */
export function useImageList(query: ImageListQuery) {
  const client = useImsClient();
  const options = imageListQueryOptions(client, query);
  const scope = scopeOf(client);
  const inScope = (key: readonly unknown[]) =>
    JSON.stringify(key.slice(0, scope.length)) === JSON.stringify(scope);
  const result = useInfiniteQuery({
    ...options,
    placeholderData: (previous, previousQuery) =>
      previousQuery && inScope(previousQuery.queryKey) ? keepPreviousData(previous) : undefined,
  });
  const images = useMemo(() => flattenPages(result.data?.pages), [result.data?.pages]);
  return { ...result, images, listKey: JSON.stringify(options.queryKey) };
}
