import { useLayoutEffect, useRef, type PointerEvent, type MouseEvent } from 'react';

/**
 * Shows a `<dialog>` as a modal while the component is mounted, for an owner that closes it by unmounting
 * it. Focus moves to `initialFocusRef` (browsers differ on where showModal puts it) and, once the dialog
 * is gone, back to whatever had it before — or, when nothing did (a dialog opened from a link), to
 * `fallbackFocus`. Escape and a click on the backdrop ask `onClose`.
 */
export function useModalDialog<T extends HTMLElement>(
  onClose: () => void,
  fallbackFocus?: () => HTMLElement | null,
) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const initialFocusRef = useRef<T>(null);
  const pressedOnBackdrop = useRef(false);

  // A layout effect, so the dialog is modal before the first paint and focus never lingers behind it.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : null;
    if (!dialog.open) dialog.showModal();
    initialFocusRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
      else fallbackFocus?.()?.focus();
    };
    // Opened once per mount: the focus to return to is the one of that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The dialog's content must fill it: then only the backdrop makes the dialog itself the target. Both
  // press and release must be there, so a text selection dragged out of the panel does not close it.
  const onPointerDown = (event: PointerEvent<HTMLDialogElement>) => {
    pressedOnBackdrop.current = event.target === event.currentTarget;
  };
  const onClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (pressedOnBackdrop.current && event.target === event.currentTarget) onClose();
  };

  // Escape fires `cancel`: the dialog closes itself, and the owner unmounts it.
  const dialogProps = { ref: dialogRef, onCancel: onClose, onPointerDown, onClick };
  return { dialogProps, initialFocusRef };
}
