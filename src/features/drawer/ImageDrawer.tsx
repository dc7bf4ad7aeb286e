// The image detail drawer: a modal side panel, loaded as its own chunk (default export for React.lazy).
import { useId, useState } from 'react';
import { isApiError } from '../../api/apiError';
import type { Image } from '../../api/imageTypes';
import { useImageDetail } from '../../queries/useImageDetail';
import { ErrorNotice } from '../common/ErrorNotice';
import { CopyButton } from './CopyButton';
import { DetailsPanel } from './DetailsPanel';
import { ImageSummary } from './ImageSummary';
import { LegacyPanel } from './LegacyPanel';
import { TabPanel, Tabs, type TabSpec } from './Tabs';
import { useModalDialog } from '../common/useModalDialog';
import './drawer.css';

type DrawerTab = 'details' | 'compute-list' | 'compute-detail' | 'glance-v1' | 'json';

const TABS: readonly TabSpec<DrawerTab>[] = [
  { id: 'details', label: 'Details' },
  { id: 'compute-list', label: 'Compute list' },
  { id: 'compute-detail', label: 'Compute detail' },
  { id: 'glance-v1', label: 'Glance v1.1' },
  { id: 'json', label: 'JSON' },
];

const SKELETON_LINES = 8;

interface ImageDrawerProps {
  imageId: string;
  onClose: () => void;
  /** Where focus goes on close when nothing had it before (the drawer was opened from a link). */
  fallbackFocus?: () => HTMLElement | null;
}

export default function ImageDrawer({ imageId, onClose, fallbackFocus }: ImageDrawerProps) {
  const titleId = useId();
  const { dialogProps, initialFocusRef } = useModalDialog<HTMLButtonElement>(onClose, fallbackFocus);
  const detail = useImageDetail(imageId);
  const image = detail.data;

  return (
    <dialog {...dialogProps} className="drawer" aria-labelledby={titleId}>
      <div className="drawer-frame">
        <header className="drawer-header">
          <h2 id={titleId} className="drawer-title">
            {image ? image.name || image.id : `Image ${imageId}`}
          </h2>
          <button
            ref={initialFocusRef}
            type="button"
            className="drawer-close"
            aria-label="Close image details"
            onClick={onClose}
          >
            ×
          </button>
        </header>
        {image ? (
          // Keyed, so another image starts on the Details tab with nothing fetched.
          <LoadedImage key={image.id} image={image} />
        ) : detail.isError ? (
          <ErrorNotice
            title={notFoundOrFailed(detail.error)}
            error={detail.error}
            onRetry={() => void detail.refetch()}
          />
        ) : (
          <DrawerSkeleton />
        )}
      </div>
    </dialog>
  );
}

function notFoundOrFailed(error: unknown): string {
  return isApiError(error) && error.kind === 'not-found'
    ? "This image doesn't exist or isn't visible to this account"
    : 'The image could not be loaded';
}

function DrawerSkeleton() {
  return (
    <div className="drawer-skeleton" aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading image…
      </p>
      {Array.from({ length: SKELETON_LINES }, (_, line) => (
        <span key={line} className="skeleton" aria-hidden="true" />
      ))}
    </div>
  );
}

function LoadedImage({ image }: { image: Image }) {
  const tabsId = useId();
  const [tab, setTab] = useState<DrawerTab>('details');
  return (
    <>
      <ImageSummary image={image} />
      <Tabs idPrefix={tabsId} label="Views of the image" tabs={TABS} selected={tab} onSelect={setTab} />
      <TabPanel idPrefix={tabsId} id={tab}>
        {tab === 'details' ? (
          <DetailsPanel image={image} />
        ) : tab === 'json' ? (
          <JsonPanel image={image} />
        ) : (
          <LegacyPanel view={tab} image={image} />
        )}
      </TabPanel>
    </>
  );
}

function JsonPanel({ image }: { image: Image }) {
  const json = JSON.stringify(image, null, 2);
  return (
    <>
      <p className="drawer-live-actions">
        <span className="drawer-muted">The image as the image service sent it.</span>
        <CopyButton text={json} label="Copy JSON" />
      </p>
      <pre className="drawer-json">{json}</pre>
    </>
  );
}
