// What crosses between the views and the background as plain data: a write a view asks for, and the
// announcement a writer sends after it. Types only, shared by the writers and the messaging adapter.
import type { ProgressChange } from '../commander/progress-change';
import type { PackSettings } from '../commander/settings';
import type { DailyReset } from '../schedule/daily-reset';
import type { Pack } from '../packs/types';
import type { Snapshot } from './stored-data';
import type { OverlayCorner } from '../overlay/corner';

export type StoreChange =
  | { what: 'progress'; packId: string }
  | { what: 'settings' }
  | { what: 'commanders' }
  | { what: 'packs'; packId: string }
  | { what: 'feeds' }
  | { what: 'everything' };

/** What the background reads for such a view: the snapshot and the visible imported packs. */
export interface StoreData {
  snapshot: Snapshot;
  packs: Pack[];
}

/**
 * A view's write as plain data (a message can carry it): a Commander's progress change or followed track
 * (named by id: the one the view showed, even if another view switched meanwhile), a pack's shared
 * settings, which Commander the views show, or a Commander's daily reset.
 */
export type Recording =
  | { what: 'progress'; commanderId: string; packId: string; change: ProgressChange }
  | { what: 'follow'; commanderId: string; packId: string; trackId: string | undefined }
  | { what: 'packSettings'; packId: string; change: Partial<PackSettings> }
  | { what: 'activeCommander'; commanderId: string }
  | { what: 'reset'; commanderId: string; reset: DailyReset };

/**
 * Where the overlay card on the official STFC pages sits, which only it records and only through the background
 * (lib/storage/serve-views.ts): apart from Recording, so that the views' write code does not carry it.
 */
export interface OverlayCornerRecording {
  what: 'overlayCorner';
  corner: OverlayCorner;
}

