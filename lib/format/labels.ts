// How a track and a Commander are named on screen. Apart from the view models so that a page's first
// frame (which only formats what its model carries) does not load them.
import type { Track } from '../packs/types';
import type { Commander } from '../commander/commanders';

/** `Defenders of Peace · Hero`, or the name alone for a track without a role. */
export const trackLabel = (track: Pick<Track, 'name' | 'role'>): string => (track.role ? `${track.name} · ${track.role}` : track.name);

/** `Kirk` or `Kirk (S42)`. */
export const commanderLabel = (commander: Pick<Commander, 'name' | 'server'>): string =>
  commander.server ? `${commander.name} (${commander.server})` : commander.name;
