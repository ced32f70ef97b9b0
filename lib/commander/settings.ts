// What the Commander chose. Plain data, stored as one value.
import type { OverlayCorner } from '../overlay/corner';

/** Shared by every Commander; the track each follows is in its own record (lib/commander/commanders.ts). */
export interface PackSettings {
  /** Overrides the pack's dailyReset for date-only times, e.g. `11:00Z`. */
  dailyReset?: string;
  /** The built-in pack cannot be deleted, only hidden. */
  hidden?: boolean;
}

export interface NotificationSettings {
  enabled: boolean;
  /** Notify this many minutes before a live milestone ends while it is not completed; 0 turns it off. */
  minutesBeforeEnd: number;
  onStart: boolean;
}

export interface Settings {
  packs: Record<string, PackSettings>;
  notifications: NotificationSettings;
  /** Where the overlay card on the official STFC pages sits; DEFAULT_OVERLAY_CORNER until it is dragged. */
  overlayCorner?: OverlayCorner;
}

export const defaultSettings = (): Settings => ({
  packs: {},
  notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false },
});

export function packSettings(settings: Settings, packId: string): PackSettings {
  return Object.hasOwn(settings.packs, packId) ? settings.packs[packId]! : {};
}

export function withPackSettings(settings: Settings, packId: string, change: Partial<PackSettings>): Settings {
  return { ...settings, packs: { ...settings.packs, [packId]: { ...packSettings(settings, packId), ...change } } };
}
