// Where the overlay card sits on the official STFC pages: one of the viewport's corners, the one nearest
// to where the Commander drops it. Plain data, stored in the settings (lib/commander/settings.ts).

export const OVERLAY_CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;

export type OverlayCorner = (typeof OVERLAY_CORNERS)[number];

/** Out of the way of a page's header and navigation, where a chat or help bubble is not usually either. */
export const DEFAULT_OVERLAY_CORNER: OverlayCorner = 'bottom-right';

/** Whether `value` is one of OVERLAY_CORNERS (a pattern rather than the list: this runs in the background, whose every byte counts). */
export const isOverlayCorner = (value: unknown): value is OverlayCorner => typeof value === 'string' && /^(top|bottom)-(left|right)$/.test(value);

const CLOCKWISE: Record<OverlayCorner, OverlayCorner> = {
  'top-left': 'top-right',
  'top-right': 'bottom-right',
  'bottom-right': 'bottom-left',
  'bottom-left': 'top-left',
};

/** Where the card's Move button takes it: the next corner clockwise, so four presses bring it back. */
export const nextCorner = (corner: OverlayCorner): OverlayCorner => CLOCKWISE[corner];

/** `bottom left`, for a button's name. */
export const cornerWords = (corner: OverlayCorner): string => corner.replace('-', ' ');

/**
 * The corner nearest to a dropped card's centre (`x`, `y` in CSS pixels from the viewport's top left):
 * the half of the viewport it is in, on each axis. A centre exactly on a midline keeps the side it came from.
 */
export function nearestCorner(
  centre: { x: number; y: number },
  viewport: { width: number; height: number },
  from: OverlayCorner = DEFAULT_OVERLAY_CORNER,
): OverlayCorner {
  const midX = viewport.width / 2;
  const midY = viewport.height / 2;
  const vertical = centre.y === midY ? from.split('-')[0] : centre.y < midY ? 'top' : 'bottom';
  const horizontal = centre.x === midX ? from.split('-')[1] : centre.x < midX ? 'left' : 'right';
  return `${vertical}-${horizontal}` as OverlayCorner;
}
