import { OptionsBackup } from './BackupSection';
import { OptionsFeeds } from './FeedsSection';
import { OptionsCalendar } from './CalendarSection';
import { OptionsNotifications } from './NotificationsSection';
import { OptionsPackBuilder } from './PackBuilder';
import { OptionsPackImport } from './PackImport';
import { OptionsPackList } from './PackList';
import { useOptionsState } from './use-options-state';

/** The options page: event packs, notifications, calendar export, backup and restore. */
export function OptionsPage() {
  const { state, error, reload } = useOptionsState();
  const now = Date.now();
  return (
    <main class="options-page">
      <header class="options-header">
        <h1>STFC Milestone Tracker options</h1>
        <p class="muted">Your event packs, reminders and backups. Everything stays in this browser.</p>
      </header>
      {error && (
        <p role="alert" class="alert">
          {error}
        </p>
      )}
      {!state ? (
        !error && <p class="muted">Loading…</p>
      ) : (
        <>
          <section class="options-section" aria-labelledby="packs-heading">
            <h2 id="packs-heading">Event packs</h2>
            <p class="muted">
              The built-in arc is from November 2023. Import the arcs that run now, or create one from the in-game screen. Choose the
              track you follow in each: it drives the badge, the popup and notifications.
            </p>
            <OptionsPackList state={state} now={now} reload={reload} />
            <OptionsFeeds reload={reload} />
            <OptionsPackImport state={state} reload={reload} />
            <OptionsPackBuilder state={state} reload={reload} />
          </section>
          <OptionsNotifications settings={state.snapshot.settings.notifications} reload={reload} />
          <OptionsCalendar state={state} />
          <OptionsBackup reload={reload} />
        </>
      )}
    </main>
  );
}
