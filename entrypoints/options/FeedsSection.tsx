import { Switch } from '@/components/Switch';
import { useEffect, useState } from 'preact/hooks';
import {
  checkFeeds,
  installFromCatalog,
  releaseHostIfUnused,
  removePackAndFeed,
  setAutoInstall,
  subscribe,
  unsubscribe,
} from '@/lib/background/feed-updates';
import type { CatalogEntry } from '@/lib/feeds/catalog-reader';
import type { CatalogFeed, FeedRecord, FeedRecords } from '@/lib/feeds/feed-record';
import { checkFeedUrl } from '@/lib/feeds/feed-url';
import { askFor, hostAccess } from '@/lib/permissions/permission-adapter';
import { onStoreChange } from '@/lib/storage/messaging-adapter';
import { readFeeds } from '@/lib/storage/store-adapter';
import { OptionsConfirmDialog } from './ConfirmDialog';
import { SectionMessages } from './SectionMessages';
import { localDateTime } from '@/lib/format/local-time';

interface Props {
  reload: () => Promise<void>;
}

const at = (instant: number | undefined) => (instant === undefined ? 'never' : localDateTime(instant));

/**
 * Feeds: subscribe once to a pack or a catalogue at an https address; the extension re-reads it about
 * once a day and replaces the pack when it changed, progress kept.
 */
export function OptionsFeeds({ reload }: Props) {
  const [feeds, setFeeds] = useState<FeedRecords>({});
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string>();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = async () => {
    setFeeds(await readFeeds());
    await reload();
  };
  useEffect(() => {
    void readFeeds().then(setFeeds);
    return onStoreChange(() => readFeeds().then(setFeeds));
  }, []);

  const add = async () => {
    setStatus('');
    const checked = checkFeedUrl(address);
    if (!checked.ok) return setProblem(`Not added — ${checked.reason}. Nothing was stored.`);
    // First thing in the click: browsers show the prompt only in direct answer to it.
    const allowed = await askFor(hostAccess(checked.hostPattern));
    const host = new URL(checked.url).host;
    if (!allowed) return setProblem(`Not added — the browser did not allow the extension to read ${host}. Nothing was stored.`);
    setBusy(true);
    const result = await subscribe(checked.url, Date.now());
    setBusy(false);
    if (!result.ok) {
      await releaseHostIfUnused(checked.url);
      return setProblem(`Not added — ${result.reason}. Nothing was stored.`);
    }
    setProblem(undefined);
    setAddress('');
    setStatus(
      result.kind === 'catalog'
        ? `Added the catalogue “${result.feed.title}” with ${result.feed.entries.length} pack${result.feed.entries.length === 1 ? '' : 's'}: pick the ones to install below.`
        : `${result.replaces ? 'Replaced' : 'Installed'} “${result.pack.title}” from ${host}${result.replaces ? `, ${result.replaces.kept} recorded item${result.replaces.kept === 1 ? '' : 's'} kept` : ''}. It updates itself about once a day.`,
    );
    await refresh();
  };

  const checkNow = async () => {
    setBusy(true);
    setStatus('Checking…');
    await checkFeeds(Date.now(), Object.keys(feeds));
    setBusy(false);
    const after = await readFeeds();
    const failed = Object.values(after).filter((feed) => feed.problem).length;
    setStatus(failed === 0 ? 'Checked every feed.' : `Checked every feed; ${failed} had a problem (see below).`);
    setFeeds(after);
    await reload();
  };

  const list = Object.values(feeds).sort((a, b) => a.addedAt - b.addedAt);
  const installedIds = new Set(list.flatMap((feed) => (feed.kind === 'pack' ? [feed.packId] : [])));

  return (
    <section id="feeds" class="options-section" aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">Feeds</h2>
      <p class="muted">
        Paste the https address of a pack or of a catalogue of packs that your alliance or server publishes. The browser asks to let
        the extension read that one site. Every feed is checked about once a day; a changed pack replaces yours at once, your progress
        kept.
      </p>
      <div class="field">
        <label for="feed-address">Address of a pack or catalogue</label>
        <input
          id="feed-address"
          type="url"
          inputmode="url"
          placeholder="https://example.org/packs/catalog.json"
          autocomplete="off"
          spellcheck={false}
          value={address}
          onInput={(event) => setAddress(event.currentTarget.value)}
        />
      </div>
      <div class="button-row">
        <button type="button" disabled={busy} onClick={() => void add()}>
          Add from link
        </button>
        {list.length > 0 && (
          <button type="button" class="secondary" disabled={busy} onClick={() => void checkNow()}>
            Check now
          </button>
        )}
      </div>
      <SectionMessages problem={problem} status={status} />
      {list.length > 0 && (
        <ul class="feed-list" aria-label="Your feeds">
          {list.map((feed) => (
            <FeedItem key={feed.url} feed={feed} installedIds={installedIds} refresh={refresh} setStatus={setStatus} setProblem={setProblem} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface ItemProps {
  feed: FeedRecord;
  installedIds: Set<string>;
  refresh: () => Promise<void>;
  setStatus: (text: string) => void;
  setProblem: (text: string | undefined) => void;
}

function FeedItem({ feed, installedIds, refresh, setStatus, setProblem }: ItemProps) {
  const headingId = `feed-${feed.url}`;
  const [confirmRemove, setConfirmRemove] = useState(false);
  return (
    <li class="feed-item" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {feed.title} <span class="tag">{feed.kind === 'catalog' ? 'Catalogue' : 'Pack'}</span>
      </h4>
      <p class="muted small feed-address">{feed.url}</p>
      <p class="small">
        Last checked: {at(feed.lastCheckedAt)} · Last changed: {at(feed.lastChangedAt)}
      </p>
      {feed.problem && <p class="problem small">Last problem: {feed.problem}.</p>}
      {feed.kind === 'catalog' && <CatalogEntries feed={feed} installedIds={installedIds} refresh={refresh} setStatus={setStatus} setProblem={setProblem} />}
      <div class="button-row">
        {feed.kind === 'pack' ? (
          <>
            <button
              type="button"
              class="secondary"
              onClick={async () => {
                await unsubscribe(feed.url);
                setStatus(`Unsubscribed from “${feed.title}”: the pack stays, as a plain imported pack.`);
                await refresh();
              }}
            >
              Unsubscribe<span class="visually-hidden"> from {feed.title}</span>
            </button>
            <button
              type="button"
              class="danger"
              onClick={() => setConfirmRemove(true)}
            >
              Remove<span class="visually-hidden"> {feed.title} and its pack</span>
            </button>
          </>
        ) : (
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              await unsubscribe(feed.url);
              setStatus(`Removed the catalogue “${feed.title}”; packs installed from it keep updating.`);
              await refresh();
            }}
          >
            Remove catalogue<span class="visually-hidden"> {feed.title}</span>
          </button>
        )}
      </div>
      {confirmRemove && feed.kind === 'pack' && (
        <OptionsConfirmDialog
          title={`Remove “${feed.title}”?`}
          confirmLabel="Remove pack"
          danger
          onCancel={() => setConfirmRemove(false)}
          onConfirm={async () => {
            setConfirmRemove(false);
            await removePackAndFeed(feed.packId);
            setStatus(`Removed “${feed.title}” and its feed.`);
            await refresh();
          }}
        >
          <p>The pack goes with the progress recorded in it, and the feed stops. Unsubscribe instead to keep the pack.</p>
        </OptionsConfirmDialog>
      )}
    </li>
  );
}

function CatalogEntries({ feed, installedIds, refresh, setStatus, setProblem }: ItemProps & { feed: CatalogFeed }) {
  const install = async (entry: CatalogEntry) => {
    setStatus(`Installing “${entry.title}”…`);
    const result = await installFromCatalog(entry, feed.url, Date.now());
    if (!result.ok) {
      setStatus('');
      setProblem(`Not installed — ${result.reason}. Nothing was changed.`);
    } else {
      setProblem(undefined);
      setStatus(`Installed “${entry.title}”. It updates itself about once a day.`);
    }
    await refresh();
  };
  return (
    <>
      <ul class="catalog-entries" aria-label={`Packs in ${feed.title}`}>
        {feed.entries.map((entry) => (
          <li key={entry.id}>
            <span>
              {entry.title}
              {entry.firstDay && <span class="muted"> · {entry.firstDay}{entry.lastDay ? ` – ${entry.lastDay}` : ''}</span>}
            </span>
            {installedIds.has(entry.id) ? (
              <span class="tag">Installed</span>
            ) : (
              <button type="button" class="secondary" onClick={() => void install(entry)}>
                Install<span class="visually-hidden"> {entry.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      <Switch
        checked={feed.autoInstall}
        onChange={async (on) => {
          await setAutoInstall(feed.url, on);
          await refresh();
        }}
      >
        Install new packs from this catalogue automatically
      </Switch>
    </>
  );
}
