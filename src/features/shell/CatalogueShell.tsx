import type { ImageListQuery } from '../../api/imageTypes';
import { formatCount } from '../../lib/format';
import { useImageList } from '../../queries/useImageList';
import { ErrorNotice } from '../common/ErrorNotice';
import { ImageTable } from '../images/ImageTable';

const FIRST_PAGES_QUERY: ImageListQuery = { limit: 50 };

export type BackendKind = 'demo' | 'live';

/** The app frame: what is connected, and the first pages of the catalogue. */
export function CatalogueShell({ backend }: { backend: BackendKind }) {
  const list = useImageList(FIRST_PAGES_QUERY);
  const { images } = list;
  const loadingFirstPage = list.isPending;

  return (
    <div className="shell">
      <header className="shell-header">
        <h1>Image catalogue</h1>
        <span className={`backend-badge backend-${backend}`}>
          {backend === 'demo' ? 'Demo backend' : 'Live endpoint'}
        </span>
      </header>
      <main className="shell-main">
        {list.isError && !list.data ? (
          <ErrorNotice
            title="The images could not be listed"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : (
          <>
            <p className="row-count" role="status">
              {loadingFirstPage
                ? 'Loading images…'
                : list.hasNextPage
                  ? `${formatCount(images.length)} loaded · more available`
                  : `${formatCount(images.length)} images`}
            </p>
            {!loadingFirstPage && images.length === 0 ? (
              <p className="notice">No images are visible to this account.</p>
            ) : (
              <ImageTable images={images} loading={loadingFirstPage} />
            )}
            {list.isFetchNextPageError ? (
              <ErrorNotice
                title="The next page could not be loaded"
                error={list.error}
                onRetry={() => void list.fetchNextPage()}
              />
            ) : list.hasNextPage ? (
              <button
                type="button"
                className="load-more"
                disabled={list.isFetchingNextPage}
                onClick={() => void list.fetchNextPage()}
              >
                {list.isFetchingNextPage ? 'Loading more…' : 'Load more'}
              </button>
            ) : !loadingFirstPage && images.length > 0 ? (
              <p className="end-of-list">End of list</p>
            ) : null}
          </>
        )}
      </main>
    </div>
  );
}
