import { useState } from 'preact/hooks';
import { zoneLabel } from '@/lib/format/local-time';
import type { ChecklistPack, ChecklistTrack, ChecklistViewModel } from '@/lib/views/checklist-view';
import { ChecklistItem } from './ChecklistItem';
import { PointsMeter } from '@/components/PointsMeter';
import { ResetNotice } from './ResetNotice';
import { ServerGoal } from './ServerGoal';
import { StatusChip } from '@/components/StatusChip';
import { TextList } from './TextList';
import type { TrackerActions } from '@/components/tracker-actions';
import { lazy } from '@/components/lazy';

import { TrackSwitch } from './TrackSwitch';
import { StorageAlert } from '@/components/StorageAlert';
import { CommanderSwitch } from '@/components/CommanderSwitch';
import type { Commanders } from '@/lib/commander/commanders';

/** First run only: its code and styles load when a side is to be chosen. */
const TrackChooser = lazy(() => import('@/components/TrackChooser').then((module) => module.TrackChooser));

export interface SidePanelViewProps {
  /** Undefined until the store is read: a skeleton stands in. */
  model: ChecklistViewModel | undefined;
  actions: TrackerActions;
  onChoosePack: (packId: string) => void;
  onOpenOptions: () => void;
  /** Saves an .ics file of the followed tracks' milestones. */
  onAddToCalendar: () => void;
  error?: string | undefined;
  /** Shown with the error when the store cannot be read: opens the options page's restore. */
  onRestore?: (() => void) | undefined;
  /** With two or more, a switch between them. */
  commanders?: Commanders | undefined;
}

interface ChecklistProps {
  pack: ChecklistPack;
  track: ChecklistTrack;
  now: number;
  actions: TrackerActions;
  /** The zone the times are shown in; undefined for the computer's. */
  timeZone: string | undefined;
  /** Whether the first milestone's time names its zone: no time in that zone came before it. */
  zoneOnFirst: boolean;
}

function Checklist({ pack, track, now, actions, timeZone, zoneOnFirst }: ChecklistProps) {
  const { packId } = pack;
  const { trackId } = track;
  const nextId = track.milestones.find((m) => m.start > now)?.id;
  return (
    <section class="panel-section" aria-labelledby="milestones-heading">
      <h2 id="milestones-heading">Milestones</h2>
      <ol class="checklist">
        {track.milestones.map((milestone, index) => (
          <ChecklistItem
            key={milestone.id}
            milestone={milestone}
            now={now}
            isNext={milestone.id === nextId}
            withZone={zoneOnFirst && index === 0}
            timeZone={timeZone}
            onObjective={(objectiveId, checked) => void actions.setObjective(packId, trackId, milestone.id, objectiveId, checked)}
            onCompleted={(completed) => void actions.setCompleted(packId, trackId, milestone.id, completed)}
          />
        ))}
      </ol>
    </section>
  );
}

interface TrackPanelProps {
  pack: ChecklistPack;
  track: ChecklistTrack;
  now: number;
  actions: TrackerActions;
  onOpenOptions: () => void;
  onAddToCalendar: () => void;
  serverTime: boolean;
  onServerTime: (on: boolean) => void;
}

function TrackPanel({ pack, track, now, actions, onOpenOptions, onAddToCalendar, serverTime, onServerTime }: TrackPanelProps) {
  const timeZone = serverTime ? track.serverZone : undefined;
  return (
    <>
      <section class="panel-section card summary" aria-label="Your track">
        <TrackSwitch
          packId={pack.packId}
          tracks={pack.tracks}
          followedTrackId={track.trackId}
          onChoose={(trackId) => void actions.followTrack(pack.packId, trackId)}
        />
        {pack.tracks.length < 2 && <p class="track-name">{pack.tracks[0]?.label}</p>}
        <p class="arc-phase">
          {track.phase === 'over' ? (
            <>
              <StatusChip status="over" /> The arc is over.
            </>
          ) : track.phase === 'upcoming' ? (
            <>
              <StatusChip status="upcoming" /> The arc has not started yet.
            </>
          ) : null}
        </p>
        <PointsMeter points={track.points} label={`Solo event points, ${track.name}`} />
        {track.reset && <ResetNotice reset={track.reset} onOpenOptions={onOpenOptions} />}
        <label class="switch server-time">
          <input type="checkbox" role="switch" checked={serverTime} onChange={(event) => onServerTime(event.currentTarget.checked)} />
          <span class="switch-label">
            Server time <span class="muted">· {zoneLabel(track.serverZone, now)}</span>
          </span>
        </label>
        <p>
          <button type="button" class="link" onClick={onAddToCalendar}>
            Add to calendar
          </button>
        </p>
      </section>
      {/* The reset notice's time is in local time: the checklist names its zone again only when it differs. */}
      <Checklist pack={pack} track={track} now={now} actions={actions} timeZone={timeZone} zoneOnFirst={!track.reset || serverTime} />
      {track.server && (
        <ServerGoal
          server={track.server}
          trackId={track.trackId}
          onSave={(points) => void actions.setServerPoints(pack.packId, track.trackId, points)}
          timeZone={timeZone}
        />
      )}
      <section class="panel-section card panel-card" aria-labelledby="solo-heading">
        <h2 id="solo-heading">{track.solo?.name ?? 'Solo event'}</h2>
        <h3>Solo event rewards</h3>
        <TextList items={track.solo?.rewards} missing="Rewards" />
      </section>
    </>
  );
}

/** The side panel: the whole arc of the followed track as a checklist, with the server goal and the requirements. */
export function SidePanelView({ model, actions, onChoosePack, onOpenOptions, onAddToCalendar, error, onRestore, commanders }: SidePanelViewProps) {
  const pack = model?.shown;
  // Kept while the panel is open: there is no stored place for view preferences yet.
  const [serverTime, setServerTime] = useState(false);
  return (
    <div class="sidepanel">
      <header class="panel-header">
        <p class="eyebrow brand">
          <img src="/icon/16.png" alt="" width={16} height={16} />
          STFC Milestone Tracker
        </p>
        <CommanderSwitch commanders={commanders} onSwitch={(id) => void actions.switchCommander(id)} />
        <h1>{pack ? pack.title : model ? 'No event pack' : 'Milestone checklist'}</h1>
        {model && model.packs.length > 1 && (
          <label class="pack-picker">
            Event pack{' '}
            <select value={pack?.packId} onChange={(event) => onChoosePack(event.currentTarget.value)}>
              {model.packs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </header>
      <StorageAlert error={error} onRestore={onRestore} />
      <main aria-busy={model ? 'false' : 'true'}>
        {!model ? (
          !error && (
            <div class="skeleton" aria-hidden="true">
              <div class="card skeleton-card" />
              <div class="card skeleton-card" />
            </div>
          )
        ) : !pack ? (
          <p>
            No event pack is shown.{' '}
            <button type="button" class="link" onClick={onOpenOptions}>
              Add one in Options
            </button>
          </p>
        ) : (
          <>
            {pack.track ? (
              <TrackPanel
                pack={pack}
                track={pack.track}
                now={model.now}
                actions={actions}
                onOpenOptions={onOpenOptions}
                onAddToCalendar={onAddToCalendar}
                serverTime={serverTime}
                onServerTime={setServerTime}
              />
            ) : (
              <TrackChooser
                showPackTitle={false}
                packTitle={pack.title}
                tracks={pack.tracks}
                onChoose={(trackId) => void actions.followTrack(pack.packId, trackId)}
              />
            )}
            <section class="panel-section card panel-card" aria-labelledby="requirements-heading">
              <h2 id="requirements-heading">Requirements</h2>
              <TextList items={pack.requirements} missing="Requirements" />
            </section>
            {(pack.notes || pack.track?.notes || pack.sources) && (
              <details class="panel-section about">
                <summary>About this pack</summary>
                {pack.notes && <p>{pack.notes}</p>}
                {pack.track?.notes && <p>{pack.track.notes}</p>}
                {pack.sources && (
                  <>
                    <h3>Sources</h3>
                    <TextList items={pack.sources} missing="Sources" />
                  </>
                )}
              </details>
            )}
          </>
        )}
      </main>
      <footer class="panel-footer">
        <button type="button" class="link" onClick={onOpenOptions}>
          Options: event packs, daily reset, notifications
        </button>
      </footer>
    </div>
  );
}
