import type { TrackChoice } from '@/lib/track-view';

interface Props {
  packTitle: string;
  tracks: TrackChoice[];
  onChoose: (trackId: string) => void;
  /** The heading level that fits where the chooser sits. */
  level?: 2 | 3;
}

/** First run: which side of the arc the Commander follows, one button per track ("Defenders of Peace · Hero"). */
export function TrackChooser({ packTitle, tracks, onChoose, level = 2 }: Props) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section class="card chooser" aria-label={`Choose your side: ${packTitle}`}>
      <p class="eyebrow">{packTitle}</p>
      <Heading>Choose your side</Heading>
      <p class="muted">Pick the track you play in this arc. You can switch later in the side panel.</p>
      <div class="chooser-buttons">
        {tracks.map((track) => (
          <button type="button" class="choice" key={track.id} onClick={() => onChoose(track.id)}>
            {track.label}
          </button>
        ))}
      </div>
    </section>
  );
}
