import { useEffect, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

const CONFIRMATION_MS = 2000;

interface CopyButtonProps {
  text: string;
  /** The button's text, e.g. "Copy ID". */
  label: string;
  /** What is copied, for screen readers when `label` alone is vague. */
  accessibleLabel?: string;
}

/** Copies `text` to the clipboard and says so next to the button for a moment. */
export function CopyButton({ text, label, accessibleLabel }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // No clipboard outside a secure context (plain http), or the user denied it.
      setState('failed');
    }
    timer.current = setTimeout(() => setState('idle'), CONFIRMATION_MS);
  };

  return (
    <span className="drawer-copy">
      <button
        type="button"
        className="drawer-button-secondary"
        aria-label={accessibleLabel}
        onClick={() => void copy()}
      >
        {label}
      </button>
      {/* Always rendered, so screen readers announce the change. */}
      <span role="status" className="drawer-copy-status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed: select the text instead' : ''}
      </span>
    </span>
  );
}
