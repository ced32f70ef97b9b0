import { useState } from 'preact/hooks';
import type { InstalledPack } from '@/lib/views/options-state';
import { packFileName, serialisePack } from '@/lib/packs/export';
import { describeProgress } from '@/lib/packs/import';
import { removePackAndFeed } from '@/lib/background/feed-updates';
import { recordCommanders, recordPackSettings } from '@/lib/storage/writes';
import { activeCommander } from '@/lib/commander/commanders';
import { withFollowedTrack } from '@/lib/commander/commander-changes';
import { localDayWithYear, utcDateTimeRange } from '@/lib/format/local-time';
import { trackLabel } from '@/lib/format/labels';
import { OptionsConfirmDialog } from './ConfirmDialog';
import { OptionsResetTime } from './ResetTime';
import { saveFile } from '@/components/save-file';

interface Props {
  installed: InstalledPack;
  now: number;
  reload: () => Promise<void>;
  /** Names the zone on the reset's local time: the first time on the page. */
  withZone?: boolean;
  /** Opens an imported pack in the *Create or edit a pack* form. */
  onEdit?: ((pack: InstalledPack['pack']) => void) | undefined;
}

function when(span: { start: number; end: number }, now: number): string {
  if (now < span.start) return 'upcoming';
  if (now < span.end) return 'running now';
  return 'over';
}

/** One installed pack: its dates, followed track, reset time, progress, and export / hide / remove. */
export function OptionsPackCard({ installed, now, reload, withZone = false, onEdit }: Props) {
  const { pack, builtin, settings, progress, span, followedTrackId, followedBy, progressByCommander } = installed;
  const [confirmRemove, setConfirmRemove] = useState(false);
  const headingId = `pack-${pack.id}`;
  const selectId = `follow-${pack.id}`;
  const hidden = settings.hidden === true;
  const progressText = describeProgress(progress);

  const follow = async (trackId: string) => {
    // The options page shows the active Commander's choice.
    await recordCommanders((commanders) => withFollowedTrack(commanders, activeCommander(commanders).id, pack.id, trackId === '' ? undefined : trackId));
    await reload();
  };

  return (
    <article class={`card pack-card${hidden ? ' is-hidden' : ''}`} aria-labelledby={headingId}>
      <div class="pack-card-top">
        <h3 id={headingId}>{pack.title}</h3>
        {builtin && <span class="tag">Built-in</span>}
        {hidden && <span class="tag">Hidden</span>}
      </div>
      <p class="muted">
        <span title={utcDateTimeRange(span.start, span.end)}>
          {localDayWithYear(span.start)} – {localDayWithYear(span.end)}
        </span>{' '}
        · {when(span, now)} · {pack.tracks.length} track{pack.tracks.length === 1 ? '' : 's'} · id <code>{pack.id}</code>
      </p>
      <p>
        {progressText === 'no recorded progress'
          ? `Nothing recorded yet${followedBy ? ` by ${followedBy}` : ''}.`
          : `Recorded${followedBy ? ` by ${followedBy}` : ''}: ${progressText}.`}
      </p>
      <div class="field inline">
        <label for={selectId}>{followedBy ? `Followed track of ${followedBy}` : 'Followed track'}</label>
        <select id={selectId} value={followedTrackId ?? ''} onChange={(event) => void follow(event.currentTarget.value)}>
          <option value="">None: not in the badge or notifications</option>
          {pack.tracks.map((track) => (
            <option key={track.id} value={track.id}>
              {trackLabel(track)}
            </option>
          ))}
        </select>
      </div>
      <OptionsResetTime key={settings.dailyReset ?? ""} installed={installed} reload={reload} withZone={withZone} />
      <div class="button-row">
        {!builtin && onEdit && (
          <button type="button" class="secondary" onClick={() => onEdit(pack)}>
            Edit<span class="visually-hidden"> {pack.title}</span>
          </button>
        )}
        <button type="button" class="secondary" onClick={() => saveFile(packFileName(pack), serialisePack(pack))}>
          Export<span class="visually-hidden"> {pack.title}</span>
        </button>
        {builtin ? (
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              await recordPackSettings(pack.id, { hidden: !hidden });
              await reload();
            }}
          >
            {hidden ? 'Show' : 'Hide'}
            <span class="visually-hidden"> {pack.title}</span>
          </button>
        ) : (
          <button type="button" class="danger" onClick={() => setConfirmRemove(true)}>
            Remove<span class="visually-hidden"> {pack.title}</span>
          </button>
        )}
      </div>
      {builtin && (
        <p class="muted small">
          The built-in arc ships with the extension: it can be hidden from the popup, side panel and badge, not deleted. Hiding keeps
          its progress.
        </p>
      )}
      {confirmRemove && (
        <OptionsConfirmDialog
          title={`Remove “${pack.title}”?`}
          confirmLabel="Remove pack"
          danger
          onCancel={() => setConfirmRemove(false)}
          onConfirm={async () => {
            setConfirmRemove(false);
            // A pack from a feed goes with its feed, and the feed's site access is given back if nothing else uses it.
            await removePackAndFeed(pack.id);
            await reload();
          }}
        >
          <p>
            Its progress goes with it:{' '}
            {progressByCommander ? progressByCommander.map((each) => `${each.name}: ${describeProgress(each.progress)}`).join('; ') : progressText}. Its followed
            track and reset time go too. This cannot be undone; export the
            pack and download a backup first to keep a copy.
          </p>
        </OptionsConfirmDialog>
      )}
    </article>
  );
}
