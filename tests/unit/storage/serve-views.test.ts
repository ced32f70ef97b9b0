// The background answers the extension's own pages, and the overlay card on the official STFC pages (a content
// script, whose messages carry its tab): from the card only its completed switch and its corner are recorded.
// Messages arrive as the browser delivers them, with the sender it names (fakeBrowser's onMessage).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OverlayCornerRecording, Recording } from '../../../lib/storage/changes';
import type { RequestSender } from '../../../lib/storage/messaging-adapter';
import { accepted } from '../../../lib/storage/serve-views';
import { emptyExtensionStore } from '../../helpers/store';
import { DAY, HOUR, milestone, pack, track } from '../../fixtures/packs';
import { BUILTIN_PACK_ID } from '../../../lib/packs/builtin';

const OWN = { id: 'own-extension', pages: 'chrome-extension://own-extension/' };
const TAB = { id: 7, index: 0, windowId: 1 };
const OFFICIAL = 'https://home.startrekfleetcommand.com/en/store/web-gifts';
const card: RequestSender = { id: OWN.id, url: OFFICIAL, tab: TAB };

const START = Date.UTC(2023, 10, 13);
const NOW = START + HOUR;
const PACK_ID = 'live-pack';
const livePack = pack([track('heroes', [milestone('m', '2023-11-13', '2023-11-14', { name: 'Hidden Motivations' })])], { id: PACK_ID, title: 'Live pack' });

const completed: Recording = { what: 'progress', commanderId: 'c1', packId: PACK_ID, change: { kind: 'completed', trackId: 'heroes', milestoneId: 'm', value: true, at: NOW } };
const objective: Recording = {
  what: 'progress',
  commanderId: 'c1',
  packId: PACK_ID,
  change: { kind: 'objective', trackId: 'heroes', milestoneId: 'm', objectiveId: 'a', value: true, at: NOW },
};
const serverPoints: Recording = { what: 'progress', commanderId: 'c1', packId: PACK_ID, change: { kind: 'server-points', trackId: 'heroes', points: 9, at: NOW } };
const OTHER_WRITES: Array<[string, Recording]> = [
  ['an objective', objective],
  ['server points', serverPoints],
  ['a followed track', { what: 'follow', commanderId: 'c1', packId: PACK_ID, trackId: undefined }],
  ['pack settings (hiding a pack)', { what: 'packSettings', packId: PACK_ID, change: { hidden: true } }],
  ['the active Commander', { what: 'activeCommander', commanderId: 'c2' }],
  ['a daily reset', { what: 'reset', commanderId: 'c1', reset: { time: '13:00', zone: 'UTC' } }],
];

describe('whom the background answers (accepted)', () => {
  it('answers and records anything for a sender without a tab: one of the extension’s pages (popup, side panel, a private window’s)', () => {
    expect(accepted({ id: OWN.id, url: `${OWN.pages}popup.html` }, OWN, objective)).toBe(true);
    expect(accepted({}, OWN, { what: 'packSettings', packId: PACK_ID, change: { hidden: true } })).toBe(true);
  });

  it('takes the extension’s own page open in a tab for a page, not a content script', () => {
    expect(accepted({ id: OWN.id, url: `${OWN.pages}options.html#backup`, tab: TAB }, OWN, objective)).toBe(true);
  });

  it('answers the overlay card’s read, on any official page', () => {
    expect(accepted(card, OWN)).toBe(true);
    expect(accepted({ ...card, url: 'https://home.startrekfleetcommand.com/' }, OWN)).toBe(true);
  });

  it('records the card’s completed switch, either way, and its corner, one of the four', () => {
    expect(accepted(card, OWN, completed)).toBe(true);
    expect(accepted(card, OWN, { ...completed, change: { ...(completed as { change: object }).change, value: false } } as Recording)).toBe(true);
    expect(accepted(card, OWN, { what: 'overlayCorner', corner: 'top-left' })).toBe(true);
    expect(accepted(card, OWN, { what: 'overlayCorner', corner: 'middle' } as unknown as OverlayCornerRecording)).toBe(false);
  });

  it.each(OTHER_WRITES)('does not record %s from the card', (_name, recording) => {
    expect(accepted(card, OWN, recording)).toBe(false);
  });

  it.each([
    ['another extension', { ...card, id: 'someone-else' }],
    ['no id', { url: OFFICIAL, tab: TAB }],
    ['another site', { ...card, url: 'https://example.com/' }],
    ['plain http', { ...card, url: 'http://home.startrekfleetcommand.com/' }],
    ['a look-alike host', { ...card, url: 'https://home.startrekfleetcommand.com.example.org/' }],
    ['user info before another host', { ...card, url: 'https://home.startrekfleetcommand.com@example.org/' }],
    ['another port', { ...card, url: 'https://home.startrekfleetcommand.com:8443/' }],
    ['no url', { id: OWN.id, tab: TAB }],
  ])('refuses a tab that is %s, even its read or completed switch', (_name, sender) => {
    expect(accepted(sender as RequestSender, OWN)).toBe(false);
    expect(accepted(sender as RequestSender, OWN, completed)).toBe(false);
  });
});

/** A fresh copy of the modules, as one extension context has them. */
async function context() {
  vi.resetModules();
  return {
    background: await import('../../../lib/background/background-adapter'),
    store: await import('../../../lib/storage/store-adapter'),
    storeWrites: await import('../../../lib/storage/store-writes-adapter'),
  };
}

let nextId = 1;
/** Delivers a message to the background as the browser would from `sender`; resolves with its answer. */
async function deliver(type: string, data: unknown, sender: RequestSender): Promise<{ res?: unknown; err?: { message: string } }> {
  let answered!: (answer: unknown) => void;
  const answer = new Promise((resolve) => (answered = resolve));
  const message = JSON.parse(JSON.stringify({ id: nextId++, type, data, timestamp: Date.now() }));
  // The background's listeners come with the messaging library, loaded on first use: until one listens, a
  // message reaches nobody (the browser would say "Receiving end does not exist"), so it is sent again.
  for (let tries = 0; (await fakeBrowser.runtime.onMessage.trigger(message, sender as never, answered as never)).length === 0; tries++) {
    if (tries > 200) throw new Error('the background never listened');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return JSON.parse(JSON.stringify((await answer) ?? null));
}

describe('the background, asked by the overlay card', () => {
  let bg: Awaited<ReturnType<typeof context>>;
  const stored = async () => (await bg.store.readSnapshot()).progress.c1?.[PACK_ID]?.tracks.heroes?.milestones.m;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    await emptyExtensionStore();
    bg = await context();
    await bg.storeWrites.savePack(livePack, START - DAY);
    await bg.storeWrites.updateSettings((s) => ({ ...s, packs: { [BUILTIN_PACK_ID]: { hidden: true } } }));
    await bg.storeWrites.updateCommanders((c) => ({ ...c, list: [{ ...c.list[0]!, tracks: { [PACK_ID]: 'heroes' } }] }));
    await bg.background.startBackground(() => Date.now()).ready;
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const cardOf = () => ({ ...card, id: fakeBrowser.runtime.id });

  it('answers its read with the store', async () => {
    const answer = await deliver('readStore', undefined, cardOf());
    expect((answer.res as { packs: Array<{ id: string }> }).packs.map((p) => p.id)).toEqual([PACK_ID]);
  });

  it('records its completed switch, and the badge turns green', async () => {
    const answer = await deliver('recordChange', completed, cardOf());
    expect(answer.err).toBeUndefined();
    expect(await stored()).toEqual({ completedAt: NOW, objectives: {} });
    expect(await fakeBrowser.action.getBadgeBackgroundColor({})).toEqual([0x1b, 0x7a, 0x3a, 255]);
  });

  it('records its corner in the settings', async () => {
    await deliver('recordChange', { what: 'overlayCorner', corner: 'top-left' }, cardOf());
    expect((await bg.store.readSnapshot()).settings.overlayCorner).toBe('top-left');
  });

  it.each(OTHER_WRITES)('refuses %s from it, and stores nothing', async (_name, recording) => {
    const before = await bg.store.readSnapshot();
    const answer = await deliver('recordChange', recording, cardOf());
    expect(answer.err?.message).toBe('refused');
    expect(await bg.store.readSnapshot()).toEqual(before);
  });

  it('refuses everything from a tab of another site, even its completed switch or a read', async () => {
    const elsewhere = { ...cardOf(), url: 'https://example.com/' };
    expect((await deliver('recordChange', completed, elsewhere)).err?.message).toBe('refused');
    expect((await deliver('readStore', undefined, elsewhere)).err?.message).toBe('refused');
    expect(await stored()).toBeUndefined();
  });

  it('still records any write of the extension’s own pages', async () => {
    await deliver('recordChange', objective, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') });
    expect((await stored())?.objectives).toEqual({ a: NOW });
  });
});
