// jsdom lays nothing out, so the virtualised grid would see a 0-pixel viewport and render no row.
// Give its scroll container a fixed size, as a browser window would.
export const GRID_VIEWPORT = { width: 1200, height: 480 };

export function giveGridAViewport(): () => void {
  const original = {
    clientHeight: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight'),
    clientWidth: Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth'),
  };
  const sized = (dimension: 'height' | 'width') => ({
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('grid-scroll') ? GRID_VIEWPORT[dimension] : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', sized('height'));
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', sized('width'));
  return () => {
    if (original.clientHeight)
      Object.defineProperty(HTMLElement.prototype, 'clientHeight', original.clientHeight);
    if (original.clientWidth)
      Object.defineProperty(HTMLElement.prototype, 'clientWidth', original.clientWidth);
  };
}
