import { useId } from 'react';
import type { Image } from '../../api/imageTypes';
import { imageSections, type DetailSection } from './imageDetails';

/** The image's sections as definition lists, then its tags. */
export function DetailsPanel({ image }: { image: Image }) {
  const idPrefix = useId();
  return (
    <>
      {imageSections(image).map((section) => (
        <DetailSectionView key={section.id} idPrefix={idPrefix} section={section} />
      ))}
      <section className="drawer-section" aria-labelledby={`${idPrefix}-tags`}>
        <h3 id={`${idPrefix}-tags`}>Tags</h3>
        {image.tags.length > 0 ? (
          <ul className="drawer-tags">
            {image.tags.map((tag, index) => (
              // Glance keeps tags as a set, but a repeated one must not break the list.
              <li key={index}>{tag}</li>
            ))}
          </ul>
        ) : (
          <p className="drawer-muted">No tags.</p>
        )}
      </section>
    </>
  );
}

function DetailSectionView({ idPrefix, section }: { idPrefix: string; section: DetailSection }) {
  const titleId = `${idPrefix}-${section.id}`;
  return (
    <section className="drawer-section" aria-labelledby={titleId}>
      <h3 id={titleId}>{section.title}</h3>
      <dl className="drawer-fields">
        {section.fields.map((field) => (
          <div key={field.key} className="drawer-field">
            <dt>{field.label}</dt>
            <dd className={field.mono ? 'drawer-mono' : undefined}>{field.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
