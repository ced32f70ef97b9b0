// Adding a feed on the options page asks the browser for host access to that one site, in the click:
// refused, it says so and stores nothing; a feed that fails after access was granted gives it back; and
// the access goes back with the last feed of its site, not before. The feeds' server is real (127.0.0.1),
// the store is fake-indexeddb, the permissions are fakeBrowser's with a granted set behind them.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { setMany } from 'idb-keyval';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsFeeds } from '../../entrypoints/options/FeedsSection';
import { subscribe } from '../../lib/background/feed-updates';
import { readEverything } from '../../lib/storage/store-adapter';
import { fiveDayTrack, pack } from '../fixtures/packs';
import { startFeedServer, type FeedServer } from '../helpers/feed-server';
import { emptyExtensionStore, testExtensionStore } from '../helpers/store';

const LOOPBACK = 'http://127.0.0.1/*';

let server: FeedServer;
beforeAll(async () => (server = await startFeedServer()));
afterAll(() => server.close());

const granted = new Set<string>();
let allow = false;
let request: ReturnType<typeof vi.fn>;
let remove: ReturnType<typeof vi.fn>;
beforeEach(async () => {
  await emptyExtensionStore();
  granted.clear();
  allow = false;
  const permissions = fakeBrowser.permissions as any;
  request = permissions.request = vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
    if (allow) for (const origin of origins) granted.add(origin);
    return allow;
  });
  permissions.contains = vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o)));
  remove = permissions.remove = vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
    for (const origin of origins) granted.delete(origin);
    return true;
  });
});

/** What a Commander with the built-in arc followed has stored before adding a feed. */
const STORED_BEFORE = {
  schema: 2,
  settings: { packs: { 'heroes-and-villains-2023-11': { followedTrackId: 'defenders-of-peace' } }, notifications: { enabled: false, minutesBeforeEnd: 60, onStart: false } },
  'progress:heroes-and-villains-2023-11': { tracks: { 'defenders-of-peace': { milestones: { 'hidden-motivations': { objectives: { 'trait-xp': 1 } } } } } },
};

async function addFromLink(address: string) {
  // Rendered before the click, so the click handler reads the typed address.
  await act(() => void fireEvent.input(screen.getByRole('textbox', { name: 'Address of a pack or catalogue' }), { target: { value: address } }));
  await act(() => void fireEvent.click(screen.getByRole('button', { name: 'Add from link' })));
}

// happy-dom's fetch keeps to CORS, which an extension holding the site's access does not.
const CORS = { 'Access-Control-Allow-Origin': '*' };
const servePack = (path: string, id: string, title: string) =>
  server.set(path, { body: JSON.stringify(pack([fiveDayTrack()], { id, title })), etag: `"${id}"`, headers: CORS });

describe('adding a feed asks for its one site', () => {
  it('asks for that origin only; refused, it says why and the store stays byte for byte as it was', async () => {
    await setMany(Object.entries(STORED_BEFORE), testExtensionStore);
    const before = JSON.stringify(await readEverything());
    servePack('/winter.json', 'winter-arc', 'Winter arc');
    const requests = server.requests.length;
    render(<OptionsFeeds reload={async () => {}} />);
    await addFromLink(server.url('/winter.json'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(`Not added — the browser did not allow the extension to read ${new URL(server.origin).host}. Nothing was stored.`);
    expect(request).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledWith({ origins: [LOOPBACK] });
    expect(server.requests.length).toBe(requests);
    expect(JSON.stringify(await readEverything())).toBe(before);
    expect(screen.queryByRole('list', { name: 'Your feeds' })).toBeNull();
  });

  it('asks for the https site of the address, whatever its port and path, and nothing else', async () => {
    render(<OptionsFeeds reload={async () => {}} />);
    await addFromLink('https://packs.example.org:8443/alliance/catalog.json?v=2');
    await screen.findByRole('alert');
    expect(request.mock.calls).toEqual([[{ origins: ['https://packs.example.org/*'] }]]);
    expect(await readEverything()).toEqual({});
  });

  it('gives the access back when the granted address holds no pack, storing nothing', async () => {
    allow = true;
    server.set('/not-a-pack.json', { body: '{"format":"something else"}', headers: CORS });
    render(<OptionsFeeds reload={async () => {}} />);
    await addFromLink(server.url('/not-a-pack.json'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Not added — not a valid pack or catalogue \(format: .*\)\. Nothing was stored\.$/);
    expect(remove).toHaveBeenCalledWith({ origins: [LOOPBACK] });
    expect(granted.has(LOOPBACK)).toBe(false);
    expect(await readEverything()).toEqual({});
  });

  it('keeps the access while another feed of the site is left, and gives it back with the last one', async () => {
    servePack('/winter.json', 'winter-arc', 'Winter arc');
    servePack('/spring.json', 'spring-arc', 'Spring arc');
    // Both subscribed on the same site, the access granted once for both.
    granted.add(LOOPBACK);
    for (const path of ['/winter.json', '/spring.json']) expect((await subscribe(server.url(path), Date.now())).ok).toBe(true);
    render(<OptionsFeeds reload={async () => {}} />);
    await screen.findByRole('button', { name: 'Unsubscribe from Spring arc' });

    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe from Winter arc' }));
    // Said once unsubscribing, access and all, is done (the list itself may redraw before).
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Unsubscribed from “Winter arc”/));
    expect(screen.queryByRole('button', { name: 'Unsubscribe from Winter arc' })).toBeNull();
    expect(remove).not.toHaveBeenCalled();
    expect(granted.has(LOOPBACK)).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Unsubscribe from Spring arc' }));
    await waitFor(() => expect(granted.has(LOOPBACK)).toBe(false));
    expect(remove).toHaveBeenCalledWith({ origins: [LOOPBACK] });
    // The packs stay, as plain imported packs.
    expect(Object.keys(await readEverything())).toEqual(expect.arrayContaining(['pack:winter-arc', 'pack:spring-arc']));
  });
});
