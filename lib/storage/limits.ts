// The limits of what the extension keeps, defined once: the pack reader, import (file, form, feed), the
// backup reader, the store's writes and the options page all use these numbers, and the backup cap is
// derived from them, so a state the extension lets a Commander reach is one its own backup reader accepts.

import { MAX_COMMANDERS } from '../commander/commanders';

const KIB = 1024;
const MIB = 1024 * KIB;

/** Imported event packs installed at once (the built-in pack not counted). */
export const MAX_PACKS = 200;

/** One pack document, in UTF-8 bytes. */
export const MAX_PACK_BYTES = 1 * MIB;

/** The imported packs together, as stored (compact JSON, UTF-8 bytes): what a backup mostly carries. */
export const MAX_TOTAL_PACK_BYTES = 32 * MIB;

/** Packs with recorded progress (progress stays for a pack no longer installed, so that a re-import gets it back). */
export const MAX_PROGRESS_PACKS = 1000;

/** One pack's recorded progress (compact JSON, UTF-8 bytes); every milestone and objective of a 100-milestone pack fits. */
export const MAX_PROGRESS_BYTES = 32 * KIB;

/** Packs with settings of their own (followed track, daily reset, hidden). */
export const MAX_PACK_SETTINGS = 1000;

/** The subscribed feeds' records together (compact JSON, UTF-8 bytes); a catalogue of 200 packs takes about 50 KiB. */
export const MAX_FEEDS_BYTES = 2 * MIB;

/**
 * What a backup holds besides the packs, progress and feeds, each bounded by the readers' own rules:
 * a pack's key in `packs` and its `packIndex` entry (id ≤ 64, title ≤ 120 characters), a progress
 * record's key (with its Commander's), one pack's settings (id, reset, hidden), a Commander (id, name,
 * server, reset) and each track it follows (pack id and track id, at most one per pack with settings room),
 * and the envelope (format, version, dates, schema, digest, notification settings, the entries' keys).
 */
export const BACKUP_OVERHEAD = {
  perPack: 1 * KIB,
  perProgressPack: 128,
  perPackSettings: 256,
  perCommander: 1 * KIB,
  perFollowedTrack: 160,
  envelope: 4 * KIB,
} as const;

/**
 * A backup file, in UTF-8 bytes: the largest state these limits allow, written compactly, rounded up to
 * a whole MiB. Restore refuses larger files unread.
 */
export const MAX_BACKUP_BYTES =
  Math.ceil(
    (MAX_TOTAL_PACK_BYTES +
      MAX_PACKS * BACKUP_OVERHEAD.perPack +
      MAX_PROGRESS_PACKS * (MAX_PROGRESS_BYTES + BACKUP_OVERHEAD.perProgressPack) +
      MAX_PACK_SETTINGS * BACKUP_OVERHEAD.perPackSettings +
      MAX_COMMANDERS * (BACKUP_OVERHEAD.perCommander + MAX_PACK_SETTINGS * BACKUP_OVERHEAD.perFollowedTrack) +
      MAX_FEEDS_BYTES +
      BACKUP_OVERHEAD.envelope) /
      MIB,
  ) * MIB;

/** `1 MiB`, `32 KiB`: a byte limit as the refusals say it. */
export const inMiB = (bytes: number): string => (bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${Math.ceil(bytes / KIB)} KiB`);

/** The size of `value` as the store keeps it and a backup writes it: compact JSON, UTF-8 bytes. */
export const storedBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).byteLength;

/** A write refused because it would cross one of these limits; the message is the Commander's. */
export class LimitReached extends Error {
  override readonly name = 'LimitReached';
}

/** Why an import of one more pack is refused, or undefined when there is room. */
export function packCountRefusal(installedImported: number): string | undefined {
  return installedImported >= MAX_PACKS
    ? `You have ${MAX_PACKS} event packs, the most this extension keeps; remove one first`
    : undefined;
}

/** Why storing a pack of `packBytes` beside `otherPacksBytes` (the other imported packs) is refused, or undefined. */
export function totalPackBytesRefusal(otherPacksBytes: number, packBytes: number): string | undefined {
  if (otherPacksBytes + packBytes <= MAX_TOTAL_PACK_BYTES) return undefined;
  const total = ((otherPacksBytes + packBytes) / MIB).toFixed(1);
  return `Your event packs would take ${total} MiB together, more than the ${inMiB(MAX_TOTAL_PACK_BYTES)} this extension keeps; remove a pack first`;
}

/** Why settings of one more pack (with `entries` packs having settings now) are refused, or undefined. */
export function packSettingsRefusal(entries: number): string | undefined {
  return entries >= MAX_PACK_SETTINGS
    ? `Settings are kept for ${MAX_PACK_SETTINGS} packs, the most this extension keeps; remove a pack you no longer use first`
    : undefined;
}

/** Why a write taking the packs with settings from `before` to `after` entries is refused, or undefined. */
export function packSettingsGrowthRefusal(before: number, after: number): string | undefined {
  return after > before && after > MAX_PACK_SETTINGS ? packSettingsRefusal(before) : undefined;
}

/** Why following a track in one more pack (a Commander follows tracks in `before`, would in `after`) is refused, or undefined. */
export function followedTracksGrowthRefusal(before: number, after: number): string | undefined {
  return after > before && after > MAX_PACK_SETTINGS
    ? `A Commander follows tracks in ${MAX_PACK_SETTINGS} packs, the most this extension keeps; remove a pack you no longer use first`
    : undefined;
}

/** Why recording progress for one more pack (with `entries` packs having progress now) is refused, or undefined. */
export function progressPacksRefusal(entries: number): string | undefined {
  return entries >= MAX_PROGRESS_PACKS
    ? `Progress is kept for ${MAX_PROGRESS_PACKS} packs, the most this extension keeps; delete the progress of a removed pack first (options page, Progress of removed packs)`
    : undefined;
}

/** Why a pack's progress growing from `before` to `after` bytes is refused, or undefined (shrinking is always allowed). */
export function progressBytesRefusal(before: number, after: number): string | undefined {
  return after > MAX_PROGRESS_BYTES && after > before
    ? `This pack's recorded progress would be larger than ${inMiB(MAX_PROGRESS_BYTES)}, the most kept for one pack; uncheck some objectives first`
    : undefined;
}

/** Why the feed records growing from `before` to `after` bytes are refused, or undefined (shrinking is always allowed). */
export function feedsBytesRefusal(before: number, after: number): string | undefined {
  return after > MAX_FEEDS_BYTES && after > before
    ? `Your feeds would take more than ${inMiB(MAX_FEEDS_BYTES)} to remember, the most this extension keeps; unsubscribe from one first`
    : undefined;
}
