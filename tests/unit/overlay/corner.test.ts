import { describe, expect, it } from 'vitest';
import { cornerWords, DEFAULT_OVERLAY_CORNER, isOverlayCorner, nearestCorner, nextCorner, OVERLAY_CORNERS } from '../../../lib/overlay/corner';

const VIEWPORT = { width: 1280, height: 800 };

describe('the overlay card’s corner', () => {
  it('starts bottom right, out of the way of a page’s header and navigation', () => {
    expect(DEFAULT_OVERLAY_CORNER).toBe('bottom-right');
  });

  it.each([
    [{ x: 100, y: 100 }, 'top-left'],
    [{ x: 1200, y: 60 }, 'top-right'],
    [{ x: 30, y: 700 }, 'bottom-left'],
    [{ x: 1000, y: 500 }, 'bottom-right'],
    // Dragged just past a midline: the nearer side wins.
    [{ x: 641, y: 399 }, 'top-right'],
  ] as const)('snaps a card dropped with its centre at %o to %s', (centre, corner) => {
    expect(nearestCorner(centre, VIEWPORT)).toBe(corner);
  });

  it('moves clockwise with its Move button, every corner once in four presses', () => {
    const visited = [DEFAULT_OVERLAY_CORNER];
    for (let press = 0; press < 4; press++) visited.push(nextCorner(visited.at(-1)!));
    expect(visited).toEqual(['bottom-right', 'bottom-left', 'top-left', 'top-right', 'bottom-right']);
    expect(cornerWords('top-left')).toBe('top left');
  });

  it('keeps the side it came from when dropped exactly on a midline', () => {
    expect(nearestCorner({ x: 640, y: 100 }, VIEWPORT, 'top-left')).toBe('top-left');
    expect(nearestCorner({ x: 640, y: 400 }, VIEWPORT, 'bottom-right')).toBe('bottom-right');
    expect(nearestCorner({ x: 100, y: 400 }, VIEWPORT, 'top-right')).toBe('top-left');
  });

  it('snaps a card dropped outside the viewport (a pointer let go past its edge) to the nearest corner', () => {
    expect(nearestCorner({ x: -50, y: 2000 }, VIEWPORT)).toBe('bottom-left');
  });

  it('knows the four corners and nothing else', () => {
    expect(OVERLAY_CORNERS.every(isOverlayCorner)).toBe(true);
    for (const value of ['middle', 'top', 'top-left ', 'TOP-LEFT', 3, undefined, null]) expect(isOverlayCorner(value)).toBe(false);
  });
});
