import type { TrackChoice } from '@/lib/views/track-view';

interface Props {
  packId: string;
  tracks: TrackChoice[];
  followedTrackId: string;
  onChoose: (trackId: string) => void;
}

/** Which track the Commander follows, as a radio group they can change at any time. */
export function TrackSwitch({ packId, tracks, followedTrackId, onChoose }: Props) {
  if (tracks.length < 2) return null;
  return (
    <fieldset class="track-switch">
      <legend class="eyebrow">Your side</legend>
      <div class="segmented">
        {tracks.map((track) => (
          <label key={track.id} class={track.id === followedTrackId ? 'is-chosen' : ''}>
            <input
              type="radio"
              name={`track-${packId}`}
              value={track.id}
              checked={track.id === followedTrackId}
              onChange={() => onChoose(track.id)}
            />
            <span>{track.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
