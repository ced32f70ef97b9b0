// What the overlay card on the official STFC pages shows at `now`, for the active Commander: the live
// milestone that ends first in the tracks they follow, else the next one to start. Read from the popup's
// view model (lib/views/popup-view.ts), so the card and the popup never disagree about what is live.
import { popupView, type PopupTrackSection } from '../views/popup-view';
import type { TrackerState } from '../views/tracker-state';

interface Where {
  packId: string;
  packTitle: string;
  trackId: string;
  trackName: string;
}

export type OverlayCardModel =
  | (Where & {
      kind: 'live';
      milestone: { id: string; name: string; start: number; end: number; completed: boolean };
      /** Other milestones live now in the followed tracks, shown in the popup. */
      alsoLive: number;
    })
  | (Where & { kind: 'next'; milestone: { id: string; name: string; start: number; end: number } })
  /** Nothing live or coming: `choose` when a live or upcoming pack waits for the Commander to pick a side (in the popup). */
  | { kind: 'nothing'; choose: boolean };

const where = (section: PopupTrackSection): Where => ({
  packId: section.packId,
  packTitle: section.packTitle,
  trackId: section.trackId,
  trackName: section.trackName,
});

export function overlayCard(state: TrackerState, now: number): OverlayCardModel {
  const view = popupView(state, now);
  const tracks = view.sections.filter((section): section is PopupTrackSection => section.kind === 'track');
  const live = tracks.flatMap((section) => section.live.map((milestone) => ({ section, milestone })));
  // The one the badge watches: ends first; of two ending together, the one not yet completed.
  live.sort((a, b) => a.milestone.end - b.milestone.end || Number(a.milestone.completed) - Number(b.milestone.completed));
  const first = live[0];
  if (first) {
    const { id, name, start, end, completed } = first.milestone;
    return { kind: 'live', ...where(first.section), milestone: { id, name, start, end, completed }, alsoLive: live.length - 1 };
  }
  const next = tracks
    .flatMap((section) => (section.next ? [{ section, next: section.next }] : []))
    .sort((a, b) => a.next.start - b.next.start)[0];
  if (next) return { kind: 'next', ...where(next.section), milestone: { ...next.next } };
  return { kind: 'nothing', choose: view.sections.some((section) => section.kind === 'choose') };
}

/** The instant the card's countdown counts to, when it shows one. */
export const countdownTarget = (card: OverlayCardModel): number | undefined =>
  card.kind === 'live' ? card.milestone.end : card.kind === 'next' ? card.milestone.start : undefined;
