import type { KeyboardEvent } from 'react';

/** A key handler that runs `action` on Enter, instead of submitting the form around the input. */
export function onEnter(action: () => void) {
  return (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    action();
  };
}
