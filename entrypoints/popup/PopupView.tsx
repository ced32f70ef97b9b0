import type { PopupTrackSection, PopupViewModel } from '@/lib/views/popup-view';
import { trackLabel } from '@/lib/views/track-view';
import { ArcStatusCard } from './ArcStatusCard';
import { MilestoneCard } from './MilestoneCard';
import { NextMilestone } from './NextMilestone';
import { PointsMeter } from '@/components/PointsMeter';
import { LocalTime } from '@/components/LocalTime';
import { localNumber } from '@/lib/format/local-time';
import type { TrackerActions } from '@/components/tracker-actions';
import { TrackChooser } from '@/components/TrackChooser';
import { StorageAlert } from '@/components/StorageAlert';

export interface PopupViewProps {
  /** Undefined until the store is read: a skeleton of the same size stands in. */
  model: PopupViewModel | undefined;
  actions: TrackerActions;
  onOpenSidePanel: () => void;
  onOpenOptions: () => void;
  error?: string | undefined;
  /** Shown with the error when the store cannot be read: opens the options page's restore. */
  onRestore?: (() => void) | undefined;
}

/** An arc that has ended, folded into one line. */
function EndedLine({ title, end, points }: { title: string; end: number; points?: PopupTrackSection['points'] }) {
  return (
    <p class="ended-line muted">
      <span>{title}: </span>
      <span>
        The arc ended on <LocalTime at={end} format="date" />
        {points ? ` with ${localNumber(points.earned)} of ${localNumber(points.possible)} points earned.` : '.'}
      </span>
    </p>
  );
}

function TrackSection({ section, now, actions, showPack }: { section: PopupTrackSection; now: number; actions: TrackerActions; showPack: boolean }) {
  const label = trackLabel({ name: section.trackName, ...(section.role ? { role: section.role } : {}) });
  const { packId, trackId } = section;
  if (section.phase === 'over') return <EndedLine title={section.packTitle} end={section.arcEnd ?? 0} points={section.points} />;
  return (
    <section class="pack-section" aria-label={section.packTitle}>
      {showPack && section.live.length > 0 && <p class="eyebrow">{section.packTitle}</p>}
      {section.live.length > 0 ? (
        section.live.map((milestone) => (
          <MilestoneCard
            key={milestone.id}
            milestone={milestone}
            trackLabel={label}
            now={now}
            onObjective={(objectiveId, checked) => void actions.setObjective(packId, trackId, milestone.id, objectiveId, checked)}
            onCompleted={(completed) => void actions.setCompleted(packId, trackId, milestone.id, completed)}
          />
        ))
      ) : (
        <ArcStatusCard section={section} trackLabel={label} now={now} />
      )}
      {<PointsMeter points={section.points} label={`Points, ${section.trackName}`} />}
      {section.live.length > 0 && section.next && <NextMilestone next={section.next} now={now} />}
      {section.reset?.source === 'default' && (
        <p class="fine-print muted">Times assume the daily reset at {section.reset.label}.</p>
      )}
    </section>
  );
}

/** The toolbar popup: the live milestone of each followed track, or the first-run choice of a track. */
export function PopupView({ model, actions, onOpenSidePanel, onOpenOptions, error, onRestore }: PopupViewProps) {
  return (
    <div class="popup">
      <header class="popup-header">
        <h1>Milestone Tracker</h1>
        <button type="button" class="secondary" onClick={onOpenSidePanel}>
          Open side panel
        </button>
      </header>
      <StorageAlert error={error} onRestore={onRestore} />
      <main class="popup-main" aria-busy={model ? 'false' : 'true'}>
        {!model ? (
          !error && (
            <div class="skeleton" aria-hidden="true">
              <div class="card skeleton-card" />
              <div class="card skeleton-line" />
            </div>
          )
        ) : (
          <>
            {model.noArc && (
              <section class="card no-arc" aria-labelledby="no-arc">
                <h2 id="no-arc">No arc is running in your packs</h2>
                <p class="muted">Get this week’s arc from your alliance or server, in Options:</p>
                <div class="button-row">
                  <button type="button" onClick={onOpenOptions}>
                    Add from link
                  </button>
                  <button type="button" class="secondary" onClick={onOpenOptions}>
                    Import a pack file
                  </button>
                </div>
              </section>
            )}
            {model.sections.map((section) =>
              section.kind === 'ended' ? (
                <EndedLine key={section.packId} title={section.packTitle} end={section.arcEnd} />
              ) : section.kind === 'choose' ? (
                <TrackChooser
                  key={section.packId}
                  packTitle={section.packTitle}
                  tracks={section.tracks}
                  onChoose={(trackId) => void actions.followTrack(section.packId, trackId)}
                />
              ) : (
                <TrackSection key={section.packId} section={section} now={model.now} actions={actions} showPack={model.sections.length > 1} />
              ),
            )}
          </>
        )}
      </main>
      <footer class="popup-footer">
        {model?.nothingLive && !model.noArc && <p class="muted">No milestone is live now. To follow another arc, add its event pack.</p>}
        <button type="button" class="link" onClick={onOpenOptions}>
          {model?.nothingLive && !model.noArc ? 'Add an event pack in Options' : 'Options'}
        </button>
      </footer>
    </div>
  );
}
