import { useState, type MouseEvent } from 'react';

/** A shortened id that copies the whole id; the click does not open the row. */
export function CopyableId({ id }: { id: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async (event: MouseEvent) => {
    event.stopPropagation();
    await navigator.clipboard?.writeText(id);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <button
      type="button"
      className="copy-id"
      title={id}
      aria-label={`Copy image id ${id}`}
      tabIndex={-1}
      onClick={copy}
    >
      <code>{id.slice(0, 8)}</code>
      <span aria-live="polite">{copied ? ' ✓' : ''}</span>
    </button>
  );
}
