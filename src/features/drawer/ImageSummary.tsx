import type { Image } from '../../api/imageTypes';
import { CopyButton } from './CopyButton';
import { imageBadges } from './imageDetails';

/** Under the title: status, the id to copy, and what the image supports at a glance. */
export function ImageSummary({ image }: { image: Image }) {
  const badges = imageBadges(image);
  return (
    <div className="drawer-summary">
      <p className="drawer-summary-line">
        <span className={`status status-${image.status}`}>{image.status}</span>
        <code className="drawer-id">{image.id}</code>
        <CopyButton text={image.id} label="Copy ID" accessibleLabel="Copy image ID" />
      </p>
      {badges.length > 0 ? (
        <ul className="drawer-badges" aria-label="Capabilities">
          {badges.map((badge) => (
            <li key={badge.key} className="drawer-badge">
              {badge.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
