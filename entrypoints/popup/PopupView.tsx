import type { PopupTrackSection, PopupViewModel } from '@/lib/views/popup-view';
import { trackLabel } from '@/lib/format/labels';
import { ArcStatusCard } from './ArcStatusCard';
import { MilestoneCard } from './MilestoneCard';
import { NextMilestone } from './NextMilestone';
import { PointsMeter } from '@/components/PointsMeter';
import { LocalTime } from '@/components/LocalTime';
import { localNumber, resetLabel } from '@/lib/format/local-time';
import type { DailyReset } from '@/lib/schedule/daily-reset';
import { lazy } from '@/components/lazy';
import type { TrackerActions } from '@/components/tracker-actions';
import { StorageAlert } from '@/components/StorageAlert';
import { CommanderSwitch } from '@/components/CommanderSwitch';
import type { Commanders } from '@/lib/commander/commanders';

/** First run only: its code and styles load when a side is to be chosen. */
const TrackChooser = lazy(() => import('@/components/TrackChooser').then((module) => module.TrackChooser));

export interface PopupViewProps {
  /** Undefined until the store is read: a skeleton of the same size stands in. */
  model: PopupViewModel | undefined;
  actions: TrackerActions;
  onOpenSidePanel: () => void;
  onOpenOptions: () => void;
  error?: string | undefined;
  /** Shown with the error when the store cannot be read: opens the options page's restore. */
  onRestore?: (() => void) | undefined;
  /** With two or more, a switch between them. */
  commanders?: Commanders | undefined;
  /** Opens the setting of the shown Commander's daily reset (options, Commanders). */
  onChangeReset?: () => void;
}

/** Asked once per Commander: its code loads only while the question is shown. */
const FirstRunReset = lazy(() => import('./FirstRunReset').then((module) => module.FirstRunReset));

/** The reset in force, as one line: `Daily reset 13:00 Europe/Berlin · change`. */
function ResetLine({ reset, now, onChange }: { reset: DailyReset; now: number; onChange: (() => void) | undefined }) {
  return (
    <p class="reset-line muted">
      Daily reset {resetLabel(reset, now)}
      {' · '}
      <button type="button" class="link" onClick={onChange}>
        change<span class="visually-hidden"> the daily reset</span>
      </button>
    </p>
  );
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

const labelOf = (section: PopupTrackSection) => trackLabel({ name: section.trackName, ...(section.role ? { role: section.role } : {}) });

/** Between milestones or before the arc: its card and points (an ended arc is one line). */
function TrackSection({ section, now, withZone }: { section: PopupTrackSection; now: number; withZone: boolean }) {
  if (section.phase === 'over') return <EndedLine title={section.packTitle} end={section.arcEnd ?? 0} points={section.points} />;
  return (
    <section class="pack-section" aria-label={section.packTitle}>
      <ArcStatusCard section={section} trackLabel={labelOf(section)} now={now} withZone={withZone} />
      <PointsMeter points={section.points} label={`Points, ${section.trackName}`} />
    </section>
  );
}

/**
 * The glance: every live milestone of the followed tracks, soonest-ending first, each a compact card
 * (only the first shows its objectives unfolded), then the one milestone that starts next.
 */
function LiveList({ sections, now, actions, showPack }: { sections: PopupTrackSection[]; now: number; actions: TrackerActions; showPack: boolean }) {
  const live = sections
    .flatMap((section) => section.live.map((milestone, index) => ({ section, milestone, first: index === 0 })))
    .sort((a, b) => a.milestone.end - b.milestone.end);
  const next = sections.flatMap((s) => (s.next ? [s.next] : [])).sort((a, b) => a.start - b.start)[0];
  const reset = sections.find((s) => s.reset?.source === 'default')?.reset;
  return (
    <section class="live-list" aria-label="Live now">
      {live.map(({ section, milestone, first }, index) => (
        <MilestoneCard
          key={`${section.packId}/${milestone.id}`}
          milestone={milestone}
          trackLabel={showPack ? `${section.packTitle} · ${labelOf(section)}` : labelOf(section)}
          now={now}
          compact={index > 0}
          withZone={index === 0}
          points={first ? section.points : undefined}
          pointsLabel={`Points, ${section.trackName}`}
          onObjective={(objectiveId, checked) => void actions.setObjective(section.packId, section.trackId, milestone.id, objectiveId, checked)}
          onCompleted={(completed) => void actions.setCompleted(section.packId, section.trackId, milestone.id, completed)}
        />
      ))}
      {next && <NextMilestone next={next} now={now} />}
      {reset && <p class="fine-print muted">Times assume the daily reset at {reset.label}.</p>}
    </section>
  );
}

/** The toolbar popup: the live milestone of each followed track, or the first-run choice of a track. */
export function PopupView({ model, actions, onOpenSidePanel, onOpenOptions, error, onRestore, commanders, onChangeReset }: PopupViewProps) {
  // The first time the popup shows names its zone: the first live card's, else the first arc card's.
  const firstCardId = model?.anythingLive ? undefined : model?.sections.find((s) => s.kind === 'track' && s.phase !== 'over')?.packId;
  return (
    <div class="popup">
      <header class="popup-header">
        <h1>Milestone Tracker</h1>
        <CommanderSwitch commanders={commanders} onSwitch={(id) => void actions.switchCommander(id)} />
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
            {!model.commanderReset && (
              <FirstRunReset
                now={model.now}
                name={commanders && commanders.list.length > 1 ? commanders.list.find((c) => c.id === commanders.activeId)?.name : undefined}
                onSave={(reset) => void actions.setReset(reset)}
              />
            )}
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
            {model.anythingLive && (
              <LiveList
                sections={model.sections.filter((s): s is PopupTrackSection => s.kind === 'track' && s.live.length > 0)}
                now={model.now}
                actions={actions}
                showPack={model.sections.length > 1}
              />
            )}
            {model.sections.map((section) =>
              section.kind === 'track' && section.live.length > 0 ? null : section.kind === 'ended' ? (
                <EndedLine key={section.packId} title={section.packTitle} end={section.arcEnd} />
              ) : section.kind === 'choose' ? (
                <TrackChooser
                  key={section.packId}
                  packTitle={section.packTitle}
                  tracks={section.tracks}
                  onChoose={(trackId) => void actions.followTrack(section.packId, trackId)}
                />
              ) : (
                <TrackSection key={section.packId} section={section} now={model.now} withZone={section.packId === firstCardId} />
              ),
            )}
          </>
        )}
      </main>
      <footer class="popup-footer">
        {model?.commanderReset && <ResetLine reset={model.commanderReset} now={model.now} onChange={onChangeReset} />}
        {model?.nothingLive && !model.noArc && <p class="muted">No milestone is live now. To follow another arc, add its event pack.</p>}
        <button type="button" class="link" onClick={onOpenOptions}>
          {model?.nothingLive && !model.noArc ? 'Add an event pack in Options' : 'Options'}
        </button>
      </footer>
    </div>
  );
}
