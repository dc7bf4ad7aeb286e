// jsdom has <dialog> without showModal() and close(), and pressing Escape does nothing to it. This adds
// what browsers do and the drawer relies on: `open` set and cleared, Escape firing a cancelable `cancel`
// that closes the dialog unless prevented, and a `close` event. Import it in tests that open a dialog.
const dialogs = HTMLDialogElement.prototype;

if (typeof dialogs.showModal !== 'function') {
  const escapeHandlers = new WeakMap<HTMLDialogElement, (event: KeyboardEvent) => void>();

  dialogs.showModal = function showModal(this: HTMLDialogElement) {
    if (this.open) throw new DOMException('The dialog is already open.', 'InvalidStateError');
    this.open = true;
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      if (this.dispatchEvent(new Event('cancel', { cancelable: true }))) this.close();
    };
    escapeHandlers.set(this, onEscape);
    this.ownerDocument.addEventListener('keydown', onEscape);
  };

  dialogs.close = function close(this: HTMLDialogElement) {
    if (!this.open) return;
    this.open = false;
    const onEscape = escapeHandlers.get(this);
    if (onEscape) this.ownerDocument.removeEventListener('keydown', onEscape);
    this.dispatchEvent(new Event('close'));
  };
}
