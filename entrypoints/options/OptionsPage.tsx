import { useEffect } from 'preact/hooks';
import { OptionsBackup } from './BackupSection';
import { OptionsFeeds } from './FeedsSection';
import { OptionsKeptProgress } from './KeptProgressSection';
import { OptionsCalendar } from './CalendarSection';
import { OptionsNotifications } from './NotificationsSection';
import { OptionsPackBuilder } from './PackBuilder';
import { OptionsPackImport } from './PackImport';
import { OptionsPackList } from './PackList';
import { useOptionsState } from './use-options-state';

/** The options page: event packs, notifications, calendar export, backup and restore. */
export function OptionsPage() {
  const { state, error, damaged, reload } = useOptionsState();
  const now = Date.now();
  const shown = state !== undefined || damaged;
  // A link to a section (the views' "Restore a backup" opens #backup) scrolls there once the page has content.
  useEffect(() => {
    if (shown && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [shown]);
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
        damaged ? <OptionsBackup reload={reload} /> : !error && <p class="muted">Loading…</p>
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
          <OptionsKeptProgress state={state} reload={reload} />
          <OptionsNotifications settings={state.snapshot.settings.notifications} reload={reload} />
          <OptionsCalendar state={state} />
          <OptionsBackup reload={reload} />
        </>
      )}
    </main>
  );
}
