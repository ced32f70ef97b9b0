// The options page in real Chromium: import a pack file and see it live in the popup and the badge;
// paste a broken pack and get one alert with the store unchanged; create a pack with the form and
// export it; back up, clear, restore and see the progress again. Each test starts from the store it sets up.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPack } from '../../lib/packs/reader';
import { launchExtension, openExtensionPage, type LaunchedExtension } from './chromium';
import { STORED, announceStoreChange, onePackStore, replaceStore, waitForBadge, type ExtensionContext } from './extension-store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const iso = (instant: number) => new Date(instant).toISOString().replace('.000Z', 'Z');

// The milestone started an hour ago and ends 5 h 29–30 min from now: the badge reads `5h` throughout.
const minuteNow = Math.floor(Date.now() / MINUTE) * MINUTE;
const MILESTONE_NAME = 'Signal in the Nebula';

const livePack = {
  format: 'stfc-milestone-pack',
  version: 1,
  id: 'e2e-options-arc',
  title: 'Options test arc',
  tracks: [
    {
      id: 'resistance',
      name: 'Resistance',
      role: 'Hero',
      milestones: [
        {
          id: 'signal',
          name: MILESTONE_NAME,
          points: 100,
          start: iso(minuteNow - HOUR),
          end: iso(minuteNow + 5 * HOUR + 30 * MINUTE),
          objectives: [{ id: 'scan', text: 'Scan 5 anomalies' }],
        },
        {
          id: 'tomorrow',
          name: 'Tomorrow’s Milestone',
          points: 100,
          start: iso(minuteNow + 5 * HOUR + 30 * MINUTE),
          end: iso(minuteNow + 29 * HOUR + 30 * MINUTE),
          objectives: [],
        },
      ],
    },
  ],
};

/** Every stored key and value, read in one transaction inside the extension. */
function readAll(target: ExtensionContext): Promise<Record<string, unknown>> {
  const read = async ({ database, objectStore }: { database: string; objectStore: string }) => {
    const open = indexedDB.open(database);
    open.onupgradeneeded = () => open.result.createObjectStore(objectStore);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const objects = db.transaction(objectStore, 'readonly').objectStore(objectStore);
      const [keys, values] = await Promise.all(
        [objects.getAllKeys(), objects.getAll()].map(
          (request) =>
            new Promise<unknown[]>((resolve, reject) => {
              request.onsuccess = () => resolve(request.result as unknown[]);
              request.onerror = () => reject(request.error);
            }),
        ),
      );
      return Object.fromEntries(keys!.map((key, i) => [String(key), values![i]]));
    } finally {
      db.close();
    }
  };
  const arg = { database: STORED.database, objectStore: STORED.objectStore };
  return 'goto' in target ? target.evaluate(read, arg) : target.evaluate(read, arg);
}

/** The live pack imported and followed, with its live milestone completed and its objective checked (as the popup stores them). */
const LIVE_PACK_WITH_PROGRESS = {
  ...onePackStore(livePack, { followedTrackId: 'resistance', importedAt: minuteNow }),
  [STORED.keys.progress('e2e-options-arc')]: { tracks: { resistance: { milestones: { signal: { completedAt: minuteNow, objectives: { scan: minuteNow } } } } } },
};

describe('the options page in Chromium', () => {
  let ext: LaunchedExtension;
  let files: string;
  let options: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    files = await mkdtemp(join(tmpdir(), 'stfc-options-e2e-'));
    options = await openExtensionPage(ext.context, ext.extensionId, 'options.html');
    await options.getByRole('heading', { name: 'Event packs' }).waitFor();
  });

  afterAll(async () => {
    await ext?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  /** Replaces the store with `entries`, has the background re-read it and reloads the options page on it. */
  async function startFrom(entries: Record<string, unknown>): Promise<void> {
    await replaceStore(options, entries);
    await announceStoreChange(options);
    await options.reload();
    await options.getByRole('heading', { name: 'Event packs' }).waitFor();
  }

  it('imports a pack file, and its live milestone shows in the popup and on the badge at once', async () => {
    await startFrom({});
    await waitForBadge(ext.serviceWorker, (b) => b.text === '');
    const file = join(files, 'options-test-arc.json');
    await writeFile(file, JSON.stringify(livePack, null, 2));
    await options.getByLabel('Import event pack').setInputFiles(file);

    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Imported' }).textContent()).toMatch(/Imported “Options test arc”.*follow Resistance/);
    const card = options.getByRole('article', { name: 'Options test arc' });
    await card.waitFor();
    expect(await card.getByLabel('Followed track').inputValue()).toBe('resistance');

    const popup = await openExtensionPage(ext.context, ext.extensionId, 'popup.html');
    await popup.getByRole('heading', { name: MILESTONE_NAME }).waitFor({ timeout: 10_000 });
    await popup.close();

    const badge = await waitForBadge(ext.serviceWorker, (b) => b.text === '5h');
    expect(badge.title).toContain(MILESTONE_NAME);
  });

  it('refuses a broken pasted pack with one alert naming the problem and its path, and changes nothing', async () => {
    await startFrom(LIVE_PACK_WITH_PROGRESS);
    const before = await readAll(options);
    const broken = structuredClone(livePack);
    broken.id = 'broken-arc';
    broken.tracks[0]!.milestones[1]!.end = '2024-03-05T11:00';
    await options.getByLabel('Paste event pack').fill(JSON.stringify(broken));
    await options.getByRole('button', { name: 'Import', exact: true }).click();

    const alert = options.getByRole('alert');
    await alert.waitFor();
    expect(await alert.count()).toBe(1);
    expect(await alert.textContent()).toBe('Not imported: the end of milestone 2 of track 1: instant without an offset (tracks[0].milestones[1].end). Nothing was changed.');
    expect(await readAll(options)).toEqual(before);
    expect(await options.getByRole('article', { name: 'broken-arc' }).count()).toBe(0);
  });

  it('creates a small pack with the form and exports it as a pack file anyone can import', async () => {
    await startFrom({});
    const form = options.getByRole('form', { name: 'Create a pack' });
    await form.getByLabel('Title').fill('Borg Incursion, week 1');
    await form.getByLabel('Track name').fill('Resistance');
    await form.getByLabel('Role (optional)').fill('Hero');
    const first = form.getByRole('group', { name: 'Milestone 1' });
    await first.getByLabel('Name').fill('Cube Sighting');
    await first.getByLabel('Day', { exact: true }).fill('2024-02-05');
    await first.getByLabel('Objectives, one per line').fill('Defeat Borg probes\nMine Dilithium');
    await form.getByRole('button', { name: 'Add milestone' }).click();
    const second = form.getByRole('group', { name: 'Milestone 2' });
    // A new milestone continues the arc on the next day.
    expect(await second.getByLabel('Day', { exact: true }).inputValue()).toBe('2024-02-06');
    await second.getByLabel('Name').fill('Assimilation Wave');
    await second.getByLabel('Points').fill('150');

    const [download] = await Promise.all([options.waitForEvent('download'), form.getByRole('button', { name: 'Export pack file' }).click()]);
    expect(download.suggestedFilename()).toBe('borg-incursion-week-1.json');
    const text = await readFile((await download.path())!, 'utf8');
    const read = readPack(text);
    if (!read.ok) throw new Error(`the exported pack is refused: ${read.problem.path}: ${read.problem.message}`);
    expect(read.value).toMatchObject({
      id: 'borg-incursion-week-1',
      title: 'Borg Incursion, week 1',
      tracks: [
        {
          id: 'resistance',
          role: 'Hero',
          milestones: [
            { id: 'cube-sighting', points: 100, start: '2024-02-05', end: '2024-02-06', objectives: [{ text: 'Defeat Borg probes' }, { text: 'Mine Dilithium' }] },
            { id: 'assimilation-wave', points: 150, start: '2024-02-06', end: '2024-02-07', objectives: [] },
          ],
        },
      ],
    });

    await form.getByRole('button', { name: 'Add to my packs' }).click();
    await options.getByRole('article', { name: 'Borg Incursion, week 1' }).waitFor();
  });

  it('backs up, clears, restores and shows the progress again', async () => {
    await startFrom(LIVE_PACK_WITH_PROGRESS);
    const card = () => options.getByRole('article', { name: 'Options test arc' });
    await expect.poll(() => card().textContent()).toContain('Recorded: 1 completed milestone and 1 checked objective.');
    const before = await readAll(options);

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download backup' }).click()]);
    const backup = join(files, download.suggestedFilename());
    await download.saveAs(backup);
    expect(download.suggestedFilename()).toMatch(/^stfc-milestone-backup-\d{4}-\d{2}-\d{2}\.json$/);

    await replaceStore(options, {});
    await options.reload();
    await options.getByRole('heading', { name: 'Event packs' }).waitFor();
    expect(await card().count()).toBe(0);

    await options.getByLabel('Restore from backup').setInputFiles(backup);
    const dialog = options.getByRole('dialog', { name: 'Restore this backup?' });
    const packs = Object.keys(before).filter((key) => key.startsWith('pack:')).length;
    expect(packs).toBeGreaterThan(0);
    expect(await dialog.textContent()).toContain(`${packs} imported pack${packs === 1 ? '' : 's'} and 1 completed milestone`);
    await dialog.getByRole('button', { name: 'Restore' }).click();

    await expect.poll(() => card().textContent()).toContain('Recorded: 1 completed milestone and 1 checked objective.');
    // Everything comes back; only this browser's log of shown notifications and its mark of the packs' revision
    // (written anew by the restore, lib/storage/stored-data.ts) are not part of a backup.
    const { notified: _shownAfter, packsRevision: revisionAfter, ...after } = await readAll(options);
    const { notified: _shownBefore, packsRevision: revisionBefore, ...expected } = before;
    expect(after).toEqual(expected);
    expect(revisionAfter).toEqual(expect.any(String));
    expect(revisionAfter).not.toBe(revisionBefore);
    await waitForBadge(ext.serviceWorker, (b) => b.text === '5h');
  });

  it('asks before replacing a pack with a corrected version, and keeps the progress of unchanged ids', async () => {
    await startFrom(LIVE_PACK_WITH_PROGRESS);
    const corrected = structuredClone(livePack);
    corrected.title = 'Options test arc, corrected';
    corrected.tracks[0]!.milestones[1]!.id = 'tomorrow-renamed';
    await options.getByLabel('Paste event pack').fill(JSON.stringify(corrected));
    await options.getByRole('button', { name: 'Import', exact: true }).click();

    const dialog = options.getByRole('dialog', { name: 'Replace “Options test arc”?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('2 recorded items');
    await dialog.getByRole('button', { name: 'Replace pack' }).click();

    const card = options.getByRole('article', { name: 'Options test arc, corrected' });
    await expect.poll(() => card.textContent()).toContain('Recorded: 1 completed milestone and 1 checked objective.');
    expect(await options.getByRole('article', { name: 'Options test arc', exact: true }).count()).toBe(0);
  });

  it('removes an imported pack after saying which progress goes with it', async () => {
    await startFrom(LIVE_PACK_WITH_PROGRESS);
    await waitForBadge(ext.serviceWorker, (b) => b.text === '5h');
    const card = options.getByRole('article', { name: 'Options test arc' });
    await card.getByRole('button', { name: /^Remove/ }).click();
    const dialog = options.getByRole('dialog', { name: 'Remove “Options test arc”?' });
    expect(await dialog.textContent()).toContain('Its progress goes with it: 1 completed milestone and 1 checked objective.');
    await dialog.getByRole('button', { name: 'Remove pack' }).click();
    await expect.poll(() => card.count()).toBe(0);
    const stored = await readAll(options);
    expect(stored['pack:e2e-options-arc']).toBeUndefined();
    expect(stored[STORED.keys.progress('e2e-options-arc')]).toBeUndefined();
    // Nothing is followed any more: the badge clears.
    await waitForBadge(ext.serviceWorker, (b) => b.text === '');
  });

  it('opens an imported pack in the form with Edit, keeps the draft over a reload, and saves it with its progress', async () => {
    await startFrom(LIVE_PACK_WITH_PROGRESS);
    await options.getByRole('article', { name: 'Options test arc' }).getByRole('button', { name: 'Edit Options test arc' }).click();
    const form = options.getByRole('form', { name: 'Create a pack' });
    await expect.poll(() => form.getByLabel('Title', { exact: true }).inputValue()).toBe('Options test arc');
    await form.getByLabel('Name', { exact: true }).first().fill('Signal in the Nebula, corrected');

    // The draft is stored after a pause in typing; the page opened again brings it back.
    await expect.poll(async () => ((await readAll(options)).packDraft as { tracks: Array<{ milestones: Array<{ name: string }> }> } | undefined)?.tracks[0]!.milestones[0]!.name).toBe(
      'Signal in the Nebula, corrected',
    );
    await options.reload();
    await options.getByText('Your unfinished pack is back as you left it.').waitFor();
    expect(await form.getByLabel('Name', { exact: true }).first().inputValue()).toBe('Signal in the Nebula, corrected');

    await form.getByRole('button', { name: 'Save changes to “Options test arc”' }).click();
    const dialog = options.getByRole('dialog', { name: 'Replace “Options test arc”?' });
    expect(await dialog.textContent()).toContain('2 recorded items');
    await dialog.getByRole('button', { name: 'Replace pack' }).click();
    await options.getByText(/^Replaced “Options test arc”/).waitFor();
    const card = options.getByRole('article', { name: 'Options test arc' });
    expect(await card.textContent()).toContain('Recorded: 1 completed milestone and 1 checked objective.');
    // Saved: the form starts over and keeps no draft.
    await expect.poll(async () => Object.hasOwn(await readAll(options), 'packDraft')).toBe(false);
    const stored = await readAll(options);
    const saved = stored['pack:e2e-options-arc'] as typeof livePack;
    expect(saved.tracks[0]!.milestones.map((m) => [m.id, m.name, m.start, m.end])).toEqual([
      ['signal', 'Signal in the Nebula, corrected', livePack.tracks[0]!.milestones[0]!.start, livePack.tracks[0]!.milestones[0]!.end],
      ['tomorrow', 'Tomorrow’s Milestone', livePack.tracks[0]!.milestones[1]!.start, livePack.tracks[0]!.milestones[1]!.end],
    ]);
  });
});
