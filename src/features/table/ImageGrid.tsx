// The catalogue table: TanStack Table over the flattened pages, TanStack Virtual for the rows, so the DOM
// holds only what is on screen whatever the count. The server sorts; the next page is asked for ahead of
// the bottom.
import { flexRender, useTable, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Image } from '../../api/imageTypes';
import type { ColumnId, ViewSort } from '../catalogue/viewState';
import { buildColumns, COLUMN_SPECS, gridTemplate, imageTableFeatures, type CellContext } from './columns';
import './grid.css';

export const ROW_HEIGHT = 48;
/** Ask for the next page when this many loaded rows remain below the last visible one. */
const PREFETCH_ROWS = 60;
const OVERSCAN_ROWS = 8;
const SKELETON_ROWS = 12;

export interface ImageGridProps {
  images: Image[];
  columns: readonly ColumnId[];
  cellContext: CellContext;
  sort: ViewSort;
  onSortChange: (sort: ViewSort) => void;
  onOpenImage: (id: string) => void;
  /** The first page is still on its way: show a skeleton. */
  loading: boolean;
  /** Rows of the previous view are shown while the new view's first page loads. */
  stale: boolean;
  /** Changes whenever a different list is asked for, to return to the top once it arrives. */
  listKey: string;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  /** The last next page failed: it is asked again by the user's retry, never by scrolling. */
  nextPageFailed: boolean;
  fetchNextPage: () => void;
  /** Rendered under the last row: loading more, the end, or a failure. */
  footer: React.ReactNode;
}

export function ImageGrid(props: ImageGridProps) {
  const { images, columns: columnIds, cellContext, sort, onSortChange, onOpenImage, loading, stale } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const columns = useMemo(() => buildColumns(columnIds, cellContext), [columnIds, cellContext]);
  const template = useMemo(() => gridTemplate(columnIds), [columnIds]);

  const table = useTable({
    features: imageTableFeatures,
    columns,
    data: images,
    getRowId: imageRowId,
  });
  const rows = table.getRowModel().rows;

  // The virtualizer recomputes every row's position when getItemKey changes: keep it stable per list,
  // or each scroll frame costs O(loaded rows).
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? index, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer is read afresh each render.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    overscan: OVERSCAN_ROWS,
    getItemKey,
  });
  const virtualRows = virtualizer.getVirtualItems();

  const { hasNextPage, isFetchingNextPage, nextPageFailed, fetchNextPage, listKey } = props;

  // A new sort or filter shows its first rows from the top. This effect runs before the fetch-ahead
  // one, which must then count from the top rather than from the old list's offset.
  const shownListKey = useRef(listKey);
  const scrolledToTop = useRef(false);
  useEffect(() => {
    if (stale || shownListKey.current === listKey) return;
    shownListKey.current = listKey;
    scrolledToTop.current = true;
    virtualizer.scrollToOffset(0);
    setActiveIndex(0);
  }, [stale, listKey, virtualizer]);

  // Fetch ahead: the next page is on its way before the user reaches the bottom. Never for the
  // previous view's rows, and never twice for one page. The virtualizer's own offset and viewport are
  // read: asking the DOM here would force a layout on every scroll frame.
  const lastRendered = virtualRows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (stale || !hasNextPage || isFetchingNextPage || nextPageFailed) return;
    const reportedOffset = virtualizer.scrollOffset ?? 0;
    if (reportedOffset === 0) scrolledToTop.current = false;
    const offset = scrolledToTop.current ? 0 : reportedOffset;
    const lastInView = Math.floor((offset + (virtualizer.scrollRect?.height ?? 0)) / ROW_HEIGHT);
    if (lastInView >= rows.length - PREFETCH_ROWS) fetchNextPage();
  }, [
    stale,
    hasNextPage,
    isFetchingNextPage,
    nextPageFailed,
    lastRendered,
    rows.length,
    fetchNextPage,
    virtualizer,
  ]);

  const active = Math.min(activeIndex, Math.max(rows.length - 1, 0));
  const activeRow = rows[active];
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Read the viewport here, not while rendering: a layout read in a scroll render forces a reflow.
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + pageRows,
      PageUp: active - pageRows,
      Home: 0,
      End: rows.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key] ?? active);
    } else if (event.key === 'Enter' && activeRow) {
      event.preventDefault();
      onOpenImage(activeRow.id);
    }
  };

  return (
    <div className="grid-scroll" ref={scrollRef}>
      <table
        className="image-grid"
        role="grid"
        aria-label="Images"
        aria-rowcount={loading ? -1 : rows.length + 1}
        aria-colcount={columnIds.length}
        aria-busy={loading || stale}
        aria-activedescendant={activeRow && !loading ? rowElementId(activeRow.id) : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <thead className="grid-head">
          <tr className="grid-row" style={{ gridTemplateColumns: template }} aria-rowindex={1}>
            {columnIds.map((id, index) => (
              <HeaderCell key={id} id={id} index={index} sort={sort} onSortChange={onSortChange} />
            ))}
          </tr>
        </thead>
        {loading ? (
          <tbody className="grid-body grid-skeleton" aria-hidden="true">
            {Array.from({ length: SKELETON_ROWS }, (_, index) => (
              <tr key={index} className="grid-row" style={{ gridTemplateColumns: template }}>
                {columnIds.map((id) => (
                  <td key={id}>
                    <span className="skeleton" />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ) : (
          <tbody className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualRows.map((virtualRow) => {
              const row = rows[virtualRow.index];
              return row ? (
                <ImageRow
                  key={row.id}
                  row={row}
                  index={virtualRow.index}
                  start={virtualRow.start}
                  template={template}
                  active={virtualRow.index === active}
                  onOpen={onOpenImage}
                  onActivate={setActiveIndex}
                />
              ) : null;
            })}
          </tbody>
        )}
      </table>
      {props.footer}
    </div>
  );
}

function rowHeight(): number {
  return ROW_HEIGHT;
}

function imageRowId(image: Image): string {
  return image.id;
}

function rowElementId(imageId: string): string {
  return `image-row-${imageId}`;
}

interface HeaderCellProps {
  id: ColumnId;
  index: number;
  sort: ViewSort;
  onSortChange: (sort: ViewSort) => void;
}

function HeaderCell({ id, index, sort, onSortChange }: HeaderCellProps) {
  const { label, sortKey, numeric } = COLUMN_SPECS[id];
  const sorted = sortKey !== undefined && sort.key === sortKey;
  const ariaSort = sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th
      scope="col"
      aria-colindex={index + 1}
      aria-sort={ariaSort}
      className={numeric ? 'numeric' : undefined}
    >
      {sortKey ? (
        <button
          type="button"
          className="sort-button"
          title={`Sort by ${label.toLowerCase()} (on the server)`}
          onClick={() => onSortChange({ key: sortKey, dir: sorted && sort.dir === 'asc' ? 'desc' : 'asc' })}
        >
          {label}
          <span className="sort-indicator" aria-hidden="true">
            {sorted ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      ) : (
        label
      )}
    </th>
  );
}

interface ImageRowProps {
  row: Row<typeof imageTableFeatures, Image>;
  index: number;
  start: number;
  template: string;
  active: boolean;
  onOpen: (id: string) => void;
  onActivate: (index: number) => void;
}

/** Rows re-render only when their image, place or activity changes, not on every scroll frame. */
const ImageRow = memo(function ImageRow({
  row,
  index,
  start,
  template,
  active,
  onOpen,
  onActivate,
}: ImageRowProps) {
  return (
    <tr
      id={rowElementId(row.id)}
      className={active ? 'grid-row grid-row-active' : 'grid-row'}
      style={{ gridTemplateColumns: template, transform: `translateY(${start}px)` }}
      aria-rowindex={index + 2}
      aria-selected={active}
      onClick={() => {
        onActivate(index);
        onOpen(row.id);
      }}
    >
      {row.getAllCells().map((cell) => (
        <td
          key={cell.id}
          className={COLUMN_SPECS[cell.column.id as ColumnId].numeric ? 'numeric' : undefined}
        >
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
});
