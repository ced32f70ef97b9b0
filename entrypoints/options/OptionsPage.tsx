import { useEffect, useState } from 'preact/hooks';
import { OptionsBackup } from './BackupSection';
import { OptionsFeeds } from './FeedsSection';
import { OptionsKeptProgress } from './KeptProgressSection';
import { OptionsCalendar } from './CalendarSection';
import { OptionsCommanders } from './CommandersSection';
import { OptionsNotifications } from './NotificationsSection';
import { OptionsOverlay } from './OverlaySection';
import { OptionsPackBuilder, type EditRequest } from './PackBuilder';
import { OptionsPackImport } from './PackImport';
import { OptionsPackList } from './PackList';
import { useOptionsState } from './use-options-state';

/** The page's sections in order, for its table of contents: the id of each section and its heading. */
export const OPTIONS_SECTIONS = [
  ['commanders', 'Commanders'],
  ['packs', 'Event packs'],
  ['feeds', 'Feeds'],
  ['create-pack', 'Create or edit a pack'],
  ['notifications', 'Notifications'],
  ['official-pages', 'Official STFC web pages'],
  ['calendar', 'Calendar'],
  ['backup', 'Backup and restore'],
] as const;

/** The options page: Commanders, event packs, feeds, the pack form, notifications, the official pages' card, calendar export, backup and restore. */
export function OptionsPage() {
  const { state, error, damaged, reload } = useOptionsState();
  const [editRequest, setEditRequest] = useState<EditRequest | undefined>();
  const now = Date.now();
  const shown = state !== undefined || damaged;
  // A link to a section (the views' "Restore a backup" opens #backup) scrolls there once the page has content.
  useEffect(() => {
    if (shown && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [shown]);
  return (
    <main class="options-page">
      <header class="options-header">
        <p class="brand">
          <img src="/icon/32.png" alt="" width={24} height={24} />
          <span>STFC Milestone Tracker</span>
        </p>
        <h1>Options</h1>
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
          <nav class="options-toc" aria-label="On this page">
            <ul>
              {OPTIONS_SECTIONS.map(([id, title]) => (
                <li key={id}>
                  <a href={`#${id}`}>{title}</a>
                </li>
              ))}
            </ul>
          </nav>
          <OptionsCommanders state={state} reload={reload} />
          <section id="packs" class="options-section" aria-labelledby="packs-heading">
            <h2 id="packs-heading">Event packs</h2>
            <p class="muted">
              The built-in arc is from November 2023. Import the arcs that run now, or create one from the in-game screen. Choose the
              track you follow in each: it drives the badge, the popup and notifications.
            </p>
            <OptionsPackList state={state} now={now} reload={reload} onEdit={(pack) => setEditRequest({ pack })} />
            <OptionsPackImport state={state} reload={reload} />
          </section>
          <OptionsFeeds reload={reload} />
          <OptionsPackBuilder state={state} reload={reload} editRequest={editRequest} />
          <OptionsKeptProgress state={state} reload={reload} />
          <OptionsNotifications settings={state.snapshot.settings.notifications} reload={reload} />
          <OptionsOverlay />
          <OptionsCalendar state={state} />
          <OptionsBackup reload={reload} />
        </>
      )}
    </main>
  );
}
