import type { RefObject } from 'preact';
import { CompletedSwitch } from '@/components/CompletedSwitch';
import { Countdown } from '@/components/Countdown';
import { LocalTime } from '@/components/LocalTime';
import type { OverlayCardModel } from '@/lib/overlay/overlay-card';
import { cornerWords, nextCorner, type OverlayCorner } from '@/lib/overlay/corner';

interface Props {
  card: OverlayCardModel;
  now: number;
  /** Why the last write or read failed, in the Commander's words; empty when nothing did. */
  problem: string;
  collapseRef: RefObject<HTMLButtonElement>;
  /** Where the card sits now: its Move button names the corner it goes to next. */
  corner: OverlayCorner;
  /** The keyboard's and a single click's way to what dragging does (the focus stays on the button). */
  onMove: () => void;
  onCompleted: (value: boolean) => void;
  /** `byKeyboard`: Enter or Space (a click's detail is 0), so the focus moves on to the pill. */
  onCollapse: (byKeyboard: boolean) => void;
}

/** The card: the live milestone (name, track, countdown, completed switch) or the next one. Pack text is text. */
export function OverlayCard({ card, now, problem, collapseRef, corner, onMove, onCompleted, onCollapse }: Props) {
  return (
    <section class="overlay-card card" aria-label="STFC Milestone Tracker">
      <div class="overlay-bar" title="Drag to another corner">
        <span class="overlay-brand">STFC Milestone Tracker</span>
        <button type="button" class="secondary overlay-move" onClick={(event) => event.isTrusted && onMove()}>
          Move<span class="visually-hidden"> to the {cornerWords(nextCorner(corner))} corner</span>
        </button>
        <button
          ref={collapseRef}
          type="button"
          class="secondary overlay-collapse"
          aria-expanded="true"
          onClick={(event) => event.isTrusted && onCollapse(event.detail === 0)}
        >
          Collapse
        </button>
      </div>
      {card.kind === 'nothing' ? (
        <p class="muted">
          {card.choose ? 'Choose the side you play in the extension’s popup.' : 'Nothing is live or coming up in the tracks you follow.'}
        </p>
      ) : (
        <>
          <p class="eyebrow">{card.kind === 'live' ? 'Live now' : 'Next'}</p>
          <h2 class="overlay-name">{card.milestone.name}</h2>
          <p class="track-name muted">{card.trackName}</p>
          <p class="countdown-line">
            {card.kind === 'live' ? (
              <>
                <Countdown target={card.milestone.end} now={now} verb="ends" />{' '}
                <span class="muted">
                  · <LocalTime at={card.milestone.end} />
                </span>
              </>
            ) : (
              <>
                <Countdown target={card.milestone.start} now={now} verb="starts" />{' '}
                <span class="muted">
                  · <LocalTime at={card.milestone.start} />
                </span>
              </>
            )}
          </p>
          {card.kind === 'live' && (
            <CompletedSwitch id="overlay-completed" checked={card.milestone.completed} onChange={onCompleted}>
              Milestone completed
            </CompletedSwitch>
          )}
          {card.kind === 'live' && card.alsoLive > 0 && (
            <p class="muted small">{card.alsoLive === 1 ? 'One more milestone is live: see the popup.' : `${card.alsoLive} more milestones are live: see the popup.`}</p>
          )}
        </>
      )}
      {problem && (
        <p role="alert" class="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
