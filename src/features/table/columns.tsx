// The catalogue's columns: one typed helper, one spec per column, sensible defaults per scope.
import { createColumnHelper, tableFeatures, type ColumnDef } from '@tanstack/react-table';
import { imageArchitecture, imageSizeBytes, imageTypeLabel } from '../../api/imageFacts';
import type { Image, MemberStatus, SortKey } from '../../api/imageTypes';
import { formatBytes, formatDateTime } from '../../lib/format';
import type { ColumnId, Scope } from '../catalogue/viewState';
import { CopyableId } from './CopyableId';

export const imageTableFeatures = tableFeatures({});
type Features = typeof imageTableFeatures;
export type ImageColumnDef = ColumnDef<Features, Image, unknown>;

export interface ColumnSpec {
  label: string;
  /** A CSS grid track. */
  width: string;
  /** The server's sort key; columns the server cannot sort by have none. */
  sortKey?: SortKey;
  numeric?: boolean;
}

export const COLUMN_SPECS: Readonly<Record<ColumnId, ColumnSpec>> = {
  name: { label: 'Name', width: 'minmax(260px, 3fr)', sortKey: 'name' },
  status: { label: 'Status', width: '110px', sortKey: 'status' },
  os: { label: 'Platform / OS', width: 'minmax(150px, 1fr)' },
  imageType: { label: 'Image type', width: '110px' },
  visibility: { label: 'Visibility', width: '100px' },
  diskFormat: { label: 'Disk format', width: '110px', sortKey: 'disk_format' },
  size: { label: 'Size', width: '100px', sortKey: 'size', numeric: true },
  minDiskRam: { label: 'Min disk / RAM', width: '130px', numeric: true },
  bootMode: { label: 'Boot mode', width: '100px' },
  architecture: { label: 'Architecture', width: '110px' },
  memberStatus: { label: 'Member status', width: '130px' },
  created: { label: 'Created', width: '190px', sortKey: 'created_at' },
  updated: { label: 'Updated', width: '190px', sortKey: 'updated_at' },
  id: { label: 'ID', width: '130px', sortKey: 'id' },
};

/** In COLUMN_IDS order, the order columns are always shown in. */
export const DEFAULT_COLUMNS: Readonly<Record<Scope, readonly ColumnId[]>> = {
  all: ['name', 'status', 'os', 'imageType', 'diskFormat', 'size', 'created', 'id'],
  public: ['name', 'status', 'os', 'size', 'minDiskRam', 'bootMode', 'architecture', 'created'],
  private: ['name', 'status', 'os', 'diskFormat', 'size', 'minDiskRam', 'created', 'updated', 'id'],
  shared: ['name', 'status', 'os', 'size', 'memberStatus', 'created', 'id'],
  market: ['name', 'status', 'os', 'architecture', 'size', 'created', 'id'],
};

/** What a cell needs beyond the image: who is looking, and at which shared images. */
export interface CellContext {
  projectId: string;
  memberStatus: MemberStatus;
}

function dash(text: string | null | undefined): string {
  return text ? text : '—';
}

function memberStatusLabel(image: Image, context: CellContext): string {
  if (image.owner === context.projectId) return 'Owner';
  return image.visibility === 'shared' ? context.memberStatus : '—';
}

const helper = createColumnHelper<Features, Image>();

function cellText(id: ColumnId, image: Image, context: CellContext) {
  switch (id) {
    case 'name':
      return (
        <>
          <span className="cell-name">{image.name ?? image.id}</span>
          {image.__os_version ? <span className="cell-subline">{image.__os_version}</span> : null}
        </>
      );
    case 'status':
      return <span className={`status status-${image.status}`}>{image.status}</span>;
    case 'os':
      return (
        <>
          <span>{dash(image.__platform)}</span>
          <span className="cell-subline">
            {[image.__os_type, image.__os_bit ? `${image.__os_bit}-bit` : undefined]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </>
      );
    case 'imageType':
      return dash(imageTypeLabel(image));
    case 'visibility':
      return image.visibility;
    case 'diskFormat':
      return dash(image.disk_format);
    case 'size':
      return formatBytes(imageSizeBytes(image));
    case 'minDiskRam':
      return `${image.min_disk} GB / ${image.min_ram ? `${image.min_ram} MB` : '—'}`;
    case 'bootMode':
      return image.hw_firmware_type ? image.hw_firmware_type.toUpperCase() : '—';
    case 'architecture':
      return dash(imageArchitecture(image));
    case 'memberStatus':
      return memberStatusLabel(image, context);
    case 'created':
      return formatDateTime(image.created_at);
    case 'updated':
      return formatDateTime(image.updated_at);
    case 'id':
      return <CopyableId id={image.id} />;
  }
}

/** The column definitions of the visible columns, in order. */
export function buildColumns(ids: readonly ColumnId[], context: CellContext): ImageColumnDef[] {
  return ids.map((id) =>
    helper.display({
      id,
      header: COLUMN_SPECS[id].label,
      cell: ({ row }) => cellText(id, row.original, context),
    }),
  );
}

export function gridTemplate(ids: readonly ColumnId[]): string {
  return ids.map((id) => COLUMN_SPECS[id].width).join(' ');
}
