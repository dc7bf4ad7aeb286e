import { useState } from 'react';

/**
 * Local state for a control that applies its value later (on Enter or blur): edited freely, and reset to
 * `value` whenever `value` changes from outside (Back/Forward, a removed chip, a loaded link).
 */
export function useDraft<T>(value: T): [T, (draft: T) => void] {
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  return [draft, setDraft];
}
