// Subscribing, checking and unsubscribing against a real server on 127.0.0.1, with the store in
// fake-indexeddb. Every failed check keeps the stored pack and progress byte for byte.
import { createStore } from 'idb-keyval';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkFeed, checkFeeds, installFromCatalog, removePackAndFeed, setAutoInstall, subscribe, unsubscribe } from '../../../lib/background/feed-updates';
import { applyProgressChange } from '../../../lib/commander/progress-change';
import type { FeedRecords } from '../../../lib/feeds/feed-record';
import { readEverything, readFeeds } from '../../../lib/storage/store-adapter';
import { updateFeeds, updatePackProgress } from '../../../lib/storage/store-writes-adapter';
import { MAX_FEEDS_BYTES, storedBytes } from '../../../lib/storage/limits';
import { KEYS } from '../../../lib/storage/stored-data';
import { fiveDayTrack, pack, track } from '../../fixtures/packs';
import { startFeedServer, type FeedServer } from '../../helpers/feed-server';

let server: FeedServer;
beforeAll(async () => (server = await startFeedServer()));
afterAll(() => server.close());

let counter = 0;
let store: ReturnType<typeof createStore>;
const NOW = Date.UTC(2024, 1, 6, 12);
const granted = new Set<string>();
beforeEach(() => {
  store = createStore(`feeds-test-${++counter}`, 'kv');
  granted.clear();
  granted.add('http://127.0.0.1/*');
  const permissions = fakeBrowser.permissions as any;
  permissions.contains = vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o)));
  permissions.remove = vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
    for (const origin of origins) granted.delete(origin);
    return true;
  });
});

const arc = (name = 'Milestone day-2', extra = {}) =>
  pack([track('heroes', fiveDayTrack().milestones.map((m) => (m.id === 'day-2' ? { ...m, name } : m)))], { id: 'winter-arc', title: 'Winter arc', ...extra });

async function subscribed(path = '/winter.json') {
  server.set(path, { body: JSON.stringify(arc()), etag: '"v1"' });
  const result = await subscribe(server.url(path), NOW, store);
  expect(result.ok).toBe(true);
  await updatePackProgress('c1', 'winter-arc', (p) => applyProgressChange(p, { kind: 'objective', trackId: 'heroes', milestoneId: 'day-2', objectiveId: 'a', value: true, at: NOW }), store);
  return server.url(path);
}

/** Everything but the feed records, which a check always updates (when, and why it failed). */
async function storedApartFromFeeds(): Promise<string> {
  const { [KEYS.feeds]: _feeds, ...rest } = await readEverything(store);
  return JSON.stringify(rest);
}

describe('subscribing', () => {
  it('is refused in words, storing nothing, when the feed records are at their limit', async () => {
    // One remembered feed whose problem text fills the records up to MAX_FEEDS_BYTES.
    const full = 'https://feeds.example.com/full.json';
    const record = { kind: 'pack' as const, url: full, title: 'Full', packId: 'full-arc', addedAt: NOW, problem: '' };
    record.problem = 'x'.repeat(MAX_FEEDS_BYTES - storedBytes({ [full]: record }));
    await updateFeeds(() => ({ [full]: record }), store);
    server.set('/winter.json', { body: JSON.stringify(arc()) });
    const before = await readEverything(store);
    expect(await subscribe(server.url('/winter.json'), NOW, store)).toEqual({
      ok: false,
      reason: 'Your feeds would take more than 2 MiB to remember, the most this extension keeps; unsubscribe from one first',
    });
    expect(await readEverything(store)).toEqual(before);
  });

  it('installs a pack from its address with its feed, following its track', async () => {
    const url = await subscribed();
    const everything = await readEverything(store);
    expect(everything[KEYS.pack('winter-arc')]).toEqual(arc());
    expect((everything[KEYS.commanders] as any).list[0].tracks['winter-arc']).toBe('heroes');
    expect(await readFeeds(store)).toEqual({
      [url]: { kind: 'pack', url, title: 'Winter arc', packId: 'winter-arc', addedAt: NOW, lastCheckedAt: NOW, lastChangedAt: NOW, etag: '"v1"' },
    });
  });

  it('stores a catalogue as a list to pick from, and installs a pack from it as a feed of its own', async () => {
    server.set('/cat/catalog.json', {
      body: JSON.stringify({ format: 'stfc-milestone-catalog', version: 1, title: 'Alliance', packs: [{ id: 'winter-arc', title: 'Winter arc', url: 'winter.json' }] }),
    });
    server.set('/cat/winter.json', { body: JSON.stringify(arc()) });
    const result = await subscribe(server.url('/cat/catalog.json'), NOW, store);
    expect(result).toMatchObject({ ok: true, kind: 'catalog', feed: { title: 'Alliance', autoInstall: false, entries: [{ id: 'winter-arc', url: server.url('/cat/winter.json') }] } });
    expect(await readEverything(store)).not.toHaveProperty(KEYS.pack('winter-arc'));
    const entry = (result as any).feed.entries[0];
    expect(await installFromCatalog(entry, server.url('/cat/catalog.json'), NOW, store)).toMatchObject({ ok: true, kind: 'pack' });
    expect((await readFeeds(store))[server.url('/cat/winter.json')]).toMatchObject({ packId: 'winter-arc', catalogUrl: server.url('/cat/catalog.json') });
  });

  it('refuses an address, a non-pack and a catalogue pack with another id, storing nothing', async () => {
    server.set('/not-a-pack.json', { body: '{"format":"something"}' });
    expect(await subscribe('ftp://example.org/pack.json', NOW, store)).toEqual({ ok: false, reason: 'ftp addresses are refused: only https' });
    expect(await subscribe(server.url('/not-a-pack.json'), NOW, store)).toMatchObject({ ok: false, reason: expect.stringMatching(/^not a valid pack or catalogue \(format: /) });
    server.set('/other.json', { body: JSON.stringify(arc('x', { id: 'spring-arc' })) });
    expect(await installFromCatalog({ id: 'winter-arc', title: 'W', url: server.url('/other.json') }, server.url('/c.json'), NOW, store)).toEqual({
      ok: false,
      reason: 'the catalogue lists “winter-arc” but the file holds “spring-arc”',
    });
    expect(await readEverything(store)).toEqual({});
  });
});

describe('checking a feed', () => {
  it('replaces a changed pack at once, progress kept, and records when it changed', async () => {
    const url = await subscribed();
    server.set('/winter.json', { body: JSON.stringify(arc('Renamed Milestone')), etag: '"v2"' });
    const later = NOW + 86_400_000;
    const record = await checkFeed(url, later, store);
    expect(record).toMatchObject({ lastCheckedAt: later, lastChangedAt: later, etag: '"v2"' });
    expect(record).not.toHaveProperty('problem');
    const everything = await readEverything(store);
    expect((everything[KEYS.pack('winter-arc')] as any).tracks[0].milestones[1].name).toBe('Renamed Milestone');
    expect((everything[KEYS.progress('c1', 'winter-arc')] as any).tracks.heroes.milestones['day-2'].objectives).toEqual({ a: NOW });
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe('"v1"');
  });

  it('rewrites nothing on a 304, nor on a new ETag over the same content', async () => {
    const url = await subscribed();
    const before = await storedApartFromFeeds();
    expect(await checkFeed(url, NOW + 1, store)).toMatchObject({ lastCheckedAt: NOW + 1, lastChangedAt: NOW, etag: '"v1"' });
    server.set('/winter.json', { body: JSON.stringify(arc()), etag: '"v1-reuploaded"' });
    expect(await checkFeed(url, NOW + 2, store)).toMatchObject({ lastChangedAt: NOW, etag: '"v1-reuploaded"' });
    expect(await storedApartFromFeeds()).toBe(before);
  });

  it.each([
    ['a server error', { status: 500, body: 'down' }, /answered 500 \(Internal Server Error\) instead of the file; your pack was kept as it was$/],
    ['a missing file', { status: 404, body: 'gone' }, /answered 404 \(Not Found\)/],
    ['a broken pack', { body: JSON.stringify({ ...arc(), tracks: [] }), etag: '"b"' }, /^not a valid pack \(tracks: .*\); your pack was kept as it was$/],
    ['text that is not JSON', { body: '<html>', contentType: 'text/html' }, /^the answer is not JSON but text\/html/],
    ['a body over 1 MiB', { body: 'x'.repeat(2 * 1024 * 1024), chunked: true }, /^the file is larger than 1 MiB; your pack was kept as it was$/],
    ['a pack with another id', { body: JSON.stringify(arc('x', { id: 'spring-arc' })), etag: '"c"' }, /^the address now holds the pack “spring-arc”, not “winter-arc”/],
  ])('keeps the stored pack and progress byte for byte after %s, and says why', async (_name, route, reason) => {
    const url = await subscribed();
    const before = await storedApartFromFeeds();
    server.set('/winter.json', route);
    const record = await checkFeed(url, NOW + 5, store);
    expect(record!.problem).toMatch(reason);
    expect(await storedApartFromFeeds()).toBe(before);
    expect((await readFeeds(store))[url]).toMatchObject({ lastCheckedAt: NOW + 5, lastChangedAt: NOW, etag: '"v1"', problem: record!.problem });
  });

  it('keeps the pack when the server is unreachable, and clears the problem once a check succeeds', async () => {
    const url = await subscribed();
    const before = await storedApartFromFeeds();
    const feeds = await readFeeds(store);
    // Moved to a port nobody listens on: offline, as far as the extension can tell.
    const closed = await startFeedServer();
    const gone = closed.url('/winter.json');
    await closed.close();
    const { recordFeeds } = await import('../../../lib/storage/writes');
    await recordFeeds(() => ({ [gone]: { ...feeds[url]!, url: gone } }) as FeedRecords, store);
    expect((await checkFeed(gone, NOW + 5, store))!.problem).toMatch(/^could not reach 127\.0\.0\.1:\d+ \(offline, or the address is wrong\)/);
    expect(await storedApartFromFeeds()).toBe(before);
    await recordFeeds(() => ({ [url]: { ...feeds[url]!, problem: 'old' } }), store);
    expect(await checkFeed(url, NOW + 6, store)).not.toHaveProperty('problem');
  });

  it('says so, and fetches nothing, when the host access was taken away', async () => {
    const url = await subscribed();
    granted.clear();
    const requests = server.requests.length;
    expect((await checkFeed(url, NOW + 5, store))!.problem).toMatch(/may no longer read 127\.0\.0\.1/);
    expect(server.requests.length).toBe(requests);
  });

  it('checks only the feeds that are due, and installs new packs of a catalogue that installs them itself', async () => {
    const catalog = (packs: object[]) => ({ body: JSON.stringify({ format: 'stfc-milestone-catalog', version: 1, title: 'Alliance', packs }) });
    server.set('/auto/catalog.json', catalog([]));
    const catalogUrl = server.url('/auto/catalog.json');
    await subscribe(catalogUrl, NOW, store);
    await setAutoInstall(catalogUrl, true, store);
    server.set('/auto/spring.json', { body: JSON.stringify(arc('x', { id: 'spring-arc', title: 'Spring arc' })) });
    server.set('/auto/catalog.json', catalog([{ id: 'spring-arc', title: 'Spring arc', url: 'spring.json' }]));
    const requests = server.requests.length;
    await checkFeeds(NOW + 60_000, undefined, store);
    expect(server.requests.length).toBe(requests);
    await checkFeeds(NOW + 86_400_000, undefined, store);
    expect(await readEverything(store)).toHaveProperty(KEYS.pack('spring-arc'));
    expect((await readFeeds(store))[server.url('/auto/spring.json')]).toMatchObject({ kind: 'pack', packId: 'spring-arc', catalogUrl });
  });
});

describe('unsubscribing and removing', () => {
  it('keeps the pack as a plain imported pack, and gives the site’s access back with its last feed', async () => {
    const url = await subscribed();
    server.set('/second.json', { body: JSON.stringify(arc('x', { id: 'spring-arc' })) });
    await subscribe(server.url('/second.json'), NOW, store);
    await unsubscribe(url, store);
    expect(await readEverything(store)).toHaveProperty(KEYS.pack('winter-arc'));
    expect(Object.keys(await readFeeds(store))).toEqual([server.url('/second.json')]);
    expect(granted.has('http://127.0.0.1/*')).toBe(true);
    await removePackAndFeed('spring-arc', store);
    expect(await readFeeds(store)).toEqual({});
    expect(await readEverything(store)).not.toHaveProperty(KEYS.pack('spring-arc'));
    expect(granted.has('http://127.0.0.1/*')).toBe(false);
  });
});
