import type { TrackChoice } from '@/lib/views/track-view';
import { applyStyles } from './apply-styles';
import styles from './track-chooser.css?inline';

// Loaded on first run only (components/lazy.ts), with its own styles.
applyStyles(styles);

interface Props {
  packTitle: string;
  tracks: TrackChoice[];
  onChoose: (trackId: string) => void;
  /** Off where a heading above already names the pack. */
  showPackTitle?: boolean;
}

/** First run: which side of the arc the Commander follows, one button per track ("Defenders of Peace · Hero"). */
export function TrackChooser({ packTitle, tracks, onChoose, showPackTitle = true }: Props) {
  return (
    <section class="card chooser" aria-label={`Choose your side: ${packTitle}`}>
      {showPackTitle && <p class="eyebrow">{packTitle}</p>}
      <h2>Choose your side</h2>
      <p class="muted">Pick the track you play in this arc. You can switch at any time in the side panel.</p>
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
