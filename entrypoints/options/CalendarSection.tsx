import { useState } from 'preact/hooks';
import { addToCalendar, calendarErrorMessage } from '@/components/add-to-calendar';
import { saveFile as download, type SaveFile } from '@/components/save-file';
import type { OptionsState } from '@/lib/views/options-state';
import { followedTracks, trackerState, type TrackerState } from '@/lib/views/tracker-state';
import { SectionMessages } from './SectionMessages';

interface Props {
  state: OptionsState;
  /** For tests; the browser's download otherwise. */
  saveFile?: SaveFile;
}

/** What the popup and side panel would show: the visible packs, each with its followed track. */
const shownState = (state: OptionsState): TrackerState =>
  trackerState(
    state.snapshot,
    state.packs.filter((p) => !p.builtin).map((p) => p.pack),
    state.packs.find((p) => p.builtin)?.pack,
  );

/** *Add to calendar*: an .ics file of the followed tracks, for the phone the game is played on. */
export function OptionsCalendar({ state, saveFile = download }: Props) {
  const [problem, setProblem] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const minutes = state.snapshot.settings.notifications.minutesBeforeEnd;
  const tracker = shownState(state);
  const following = followedTracks(tracker).length > 0;

  const save = async () => {
    setProblem(undefined);
    try {
      await addToCalendar(tracker, Date.now(), (name, text, type) => {
        saveFile(name, text, type);
        setStatus(`Downloaded ${name}.`);
      });
    } catch (cause) {
      setProblem(calendarErrorMessage(cause));
    }
  };

  return (
    <section id="calendar" class="options-section" aria-labelledby="calendar-heading">
      <h2 id="calendar-heading">Calendar</h2>
      <p class="muted">
        Download an .ics file of the milestones you follow,{' '}
        {minutes > 0 ? `with a reminder ${minutes} minutes before each ends` : 'without reminders (the reminder minutes under Notifications are 0)'};
        open it on your phone or import it in your calendar app. Export again after a pack update: the same events are updated, not
        duplicated.
      </p>
      {following ? (
        <div class="button-row">
          <button type="button" onClick={() => void save()}>
            Add to calendar
          </button>
        </div>
      ) : (
        <p class="muted">You follow no track yet: choose one under Event packs first.</p>
      )}
      <SectionMessages problem={problem} status={status} />
    </section>
  );
}
