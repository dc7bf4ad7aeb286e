// The catalogue: scope and filters on the left, the virtualised table in the middle, the drawer on demand.
// The view lives in the URL (useViewState); the server answers exactly what is shown, a page at a time.
import { lazy, useCallback, useMemo } from 'react';
import { isApiError } from '../../api/apiError';
import { formatCount } from '../../lib/format';
import { useImsClient } from '../../queries/imsClientContext';
import { useImageList } from '../../queries/useImageList';
import { ErrorNotice } from '../common/ErrorNotice';
import { LazyPart } from '../common/LazyPart';
import { activeFilters, clearFilters } from '../filters/activeFilters';
import { FilterChips } from '../filters/FilterChips';
import { FilterSidebar } from '../filters/FilterSidebar';
import { RESULTS_PANEL_ID, ScopeTabs, scopeTabId } from '../filters/ScopeTabs';
import { ConnectionStatus } from '../settings/ConnectionStatus';
import { ColumnChooser } from '../table/ColumnChooser';
import { DEFAULT_COLUMNS, type CellContext } from '../table/columns';
import { ImageGrid } from '../table/ImageGrid';
import { useViewState } from './useViewState';
import { viewToQuery } from './viewQuery';
import type { ColumnId, ViewSort, ViewState } from './viewState';
import './catalogue.css';

// Its own chunk: the table shows without waiting for the drawer's code.
const ImageDrawer = lazy(() => import('../drawer/ImageDrawer'));

/** Keyboard users land back in the list when a drawer opened from a link closes. */
function focusGrid(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="grid"]');
}

export function CataloguePage() {
  const { view, setView, notices, dismissNotices } = useViewState();
  const { projectId } = useImsClient().connection;
  const query = useMemo(() => viewToQuery(view), [view]);
  const list = useImageList(query);
  const { images, listKey } = list;

  const defaultColumns = DEFAULT_COLUMNS[view.scope];
  const columnsKey = (view.columns ?? defaultColumns).join(',');
  const columns = useMemo(() => columnsKey.split(',') as ColumnId[], [columnsKey]);
  const cellContext = useMemo<CellContext>(
    () => ({ projectId, memberStatus: view.memberStatus }),
    [projectId, view.memberStatus],
  );

  const openImage = useCallback((id: string) => setView((current) => ({ ...current, image: id })), [setView]);
  const closeImage = useCallback(() => setView((current) => ({ ...current, image: undefined })), [setView]);
  const changeSort = useCallback((sort: ViewSort) => setView((current) => ({ ...current, sort })), [setView]);
  const { fetchNextPage: fetchNext } = list;
  const fetchNextPage = useCallback(() => void fetchNext({ cancelRefetch: false }), [fetchNext]);
  const { refetch } = list;
  const reloadList = useCallback(() => void refetch(), [refetch]);

  const loading = list.isPending;
  const stale = list.isPlaceholderData;
  // Nothing to show but the failure; when rows are loaded, they stay and the failure shows beneath them.
  const failed = list.isLoadingError;
  const reloadFailed = list.isRefetchError && !list.isFetching;
  const empty = !loading && !stale && !failed && images.length === 0;

  return (
    <div className="catalogue">
      <header className="catalogue-header">
        <h1>Image catalogue</h1>
        <ConnectionStatus />
      </header>
      <aside className="catalogue-sidebar" aria-label="Scope and filters">
        <ScopeTabs view={view} onChange={setView} />
        <FilterSidebar view={view} onChange={setView} />
      </aside>
      <main className="catalogue-main">
        {notices.length > 0 ? (
          <div className="notice notice-warning" role="status">
            <p className="notice-title">Some of the address could not be used</p>
            <ul>
              {notices.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
            <button type="button" className="link-button" onClick={dismissNotices}>
              Dismiss
            </button>
          </div>
        ) : null}
        <FilterChips view={view} onChange={setView} />
        <div className="catalogue-toolbar">
          <p className="row-count" role="status" aria-live="polite">
            {loading
              ? 'Loading images…'
              : stale
                ? 'Updating…'
                : list.hasNextPage
                  ? `${formatCount(images.length)} loaded · more available`
                  : `${formatCount(images.length)} images`}
          </p>
          <ColumnChooser
            columns={columns}
            defaults={defaultColumns}
            onChange={(next) => setView((current) => ({ ...current, columns: next }))}
          />
        </div>
        <div
          className="catalogue-grid"
          role="tabpanel"
          id={RESULTS_PANEL_ID}
          aria-labelledby={scopeTabId(view.scope)}
        >
          {failed ? (
            <ErrorNotice
              title="The images could not be listed"
              error={list.error}
              onRetry={() => void list.refetch()}
            />
          ) : empty ? (
            <EmptyResult view={view} onReset={() => setView(clearFilters(view))} />
          ) : (
            <ImageGrid
              images={images}
              columns={columns}
              cellContext={cellContext}
              sort={view.sort}
              onSortChange={changeSort}
              onOpenImage={openImage}
              loading={loading}
              stale={stale}
              listKey={listKey}
              hasNextPage={list.hasNextPage}
              isFetchingNextPage={list.isFetchingNextPage}
              nextPageFailed={list.isFetchNextPageError}
              fetchNextPage={fetchNextPage}
              footer={
                <div className="grid-footer">
                  {list.isFetchNextPageError ? (
                    <NextPageError error={list.error} onRetry={fetchNextPage} onReload={reloadList} />
                  ) : reloadFailed ? (
                    <ErrorNotice
                      title="The list could not be reloaded"
                      error={list.error}
                      onRetry={reloadList}
                    />
                  ) : list.isFetchingNextPage ? (
                    'Loading more…'
                  ) : !list.hasNextPage && images.length > 0 && !stale ? (
                    `End of list · ${formatCount(images.length)} images`
                  ) : null}
                </div>
              }
            />
          )}
        </div>
      </main>
      {view.image ? (
        <LazyPart name="The image details">
          <ImageDrawer imageId={view.image} onClose={closeImage} fallbackFocus={focusGrid} />
        </LazyPart>
      ) : null}
    </div>
  );
}

/**
 * A next page that failed. A 400 there means its marker is gone (the image was deleted meanwhile), and
 * asking again can only fail again: the list is reloaded from the top instead, which finds new markers.
 */
function NextPageError({
  error,
  onRetry,
  onReload,
}: {
  error: unknown;
  onRetry: () => void;
  onReload: () => void;
}) {
  const markerGone = isApiError(error) && error.kind === 'bad-request';
  return (
    <ErrorNotice
      title={
        markerGone
          ? 'The next page could not be loaded: the list changed on the server since it was loaded'
          : 'The next page could not be loaded'
      }
      error={error}
      onRetry={markerGone ? onReload : onRetry}
      retryLabel={markerGone ? 'Reload the list' : 'Retry'}
    />
  );
}

function EmptyResult({ view, onReset }: { view: ViewState; onReset: () => void }) {
  const filters = activeFilters(view);
  // The scope is kept by a reset; offer one only when it would remove something.
  const resettable = activeFilters(clearFilters(view)).length < filters.length;
  return (
    <div className="notice empty-result" role="status">
      <p className="notice-title">No images match this view</p>
      {filters.length > 0 ? (
        <>
          <p>Active filters:</p>
          <ul>
            {filters.map((filter) => (
              <li key={filter.key}>{filter.label}</li>
            ))}
          </ul>
          {resettable ? (
            <button type="button" onClick={onReset}>
              Reset filters
            </button>
          ) : null}
        </>
      ) : (
        <p>No images are visible to this account.</p>
      )}
    </div>
  );
}
