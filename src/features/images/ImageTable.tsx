import type { Image } from '../../api/imageTypes';
import { imageSizeBytes, imageTypeLabel } from '../../api/imageFacts';
import { formatBytes, formatDateTime } from '../../lib/format';

const COLUMNS = ['Name', 'Status', 'Platform', 'Image type', 'Visibility', 'Disk format', 'Size', 'Created'];
const SKELETON_ROWS = 8;

/** The plain first-pages table of the shell; API data is always rendered as text. */
export function ImageTable({ images, loading }: { images: readonly Image[]; loading: boolean }) {
  return (
    <table className="image-table" aria-busy={loading}>
      <caption className="visually-hidden">Images</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {loading
          ? Array.from({ length: SKELETON_ROWS }, (_, row) => (
              <tr key={row} className="skeleton-row" aria-hidden="true">
                {COLUMNS.map((column) => (
                  <td key={column}>
                    <span className="skeleton" />
                  </td>
                ))}
              </tr>
            ))
          : images.map((image) => <ImageRow key={image.id} image={image} />)}
      </tbody>
    </table>
  );
}

function ImageRow({ image }: { image: Image }) {
  return (
    <tr>
      <td>
        <span className="image-name">{image.name ?? image.id}</span>
        {image.__os_version ? <span className="image-subline">{image.__os_version}</span> : null}
      </td>
      <td>
        <span className={`status status-${image.status}`}>{image.status}</span>
      </td>
      <td>{image.__platform ?? '—'}</td>
      <td>{imageTypeLabel(image) ?? '—'}</td>
      <td>{image.visibility}</td>
      <td>{image.disk_format ?? '—'}</td>
      <td className="numeric">{formatBytes(imageSizeBytes(image))}</td>
      <td>{formatDateTime(image.created_at)}</td>
    </tr>
  );
}
