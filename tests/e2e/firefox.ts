// Launches the built Firefox extension (.output/firefox-mv3) in Debian's Firefox ESR through
// puppeteer-core over WebDriver BiDi. No browser is downloaded: the browser is /usr/bin/firefox-esr
// (apt-get install firefox-esr). Puppeteer's own profile prefs already keep Firefox off the network
// (updates, telemetry, remote settings, safe browsing), so start-up takes about two seconds here.
//
// Firefox quirks this file works around:
// - moz-extension:// pages only open when Firefox runs with -remote-allow-system-access.
// - Firefox sends no load event to BiDi for extension pages, so an awaited goto() never resolves:
//   openExtensionPage() starts the navigation without awaiting it and polls the page instead.
// - An extension gets a random UUID per profile; the pref extensions.webextensions.uuids fixes it,
//   so moz-extension://<EXTENSION_UUID>/ is known before the install.
// - installExtension() installs a temporary add-on, which Firefox does not allow in private windows.
//   Permission for that is what the user grants in about:addons; here it is written into the fresh
//   profile before start (extension-preferences.json, which Firefox migrates into its permission store).
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DB_NAME, STORE_NAME } from '../../lib/storage/store-adapter';
import { pollUntil } from '../helpers/poll';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
/** The test build (STFC_E2E_BUILD=1): host access to 127.0.0.1 from install, for the feed tests' server. */
export const FIREFOX_E2E_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/e2e-firefox-mv3');
export const EXTENSION_UUID = '6f1d8c3a-2b4e-4c5d-9e7f-0a1b2c3d4e5f';

export type FirefoxExtensionPage = 'popup.html' | 'sidepanel.html' | 'options.html';

const PAGE_READY_TIMEOUT_MS = 15_000;
/** For waitForSelector and friends on the pages opened here; puppeteer's 30 s default outlasts the test's own timeout. */
const WAIT_TIMEOUT_MS = 10_000;

export interface LaunchedFirefoxExtension {
  browser: Browser;
  geckoId: string;
  /** `moz-extension://<uuid>/` */
  baseUrl: string;
  /** Opens an extension page in a new tab of the normal window and waits until it is ready. */
  open(page: FirefoxExtensionPage): Promise<Page>;
  /** Opens an extension page in a new private window and waits until it is ready. */
  openInPrivateWindow(page: FirefoxExtensionPage): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** Extra Firefox prefs, e.g. `browser.privatebrowsing.autostart` for "never remember history". */
  prefs?: Record<string, string | number | boolean>;
  /** Let the extension run in private windows, as the user can in about:addons. */
  allowInPrivateWindows?: boolean;
  /** The built extension to install; FIREFOX_EXTENSION_DIR unless given. */
  dir?: string;
}

function builtGeckoId(dir: string): string {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No built extension at ${dir}: run npm run build first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  return id;
}

export async function launchFirefoxExtension(opts: FirefoxLaunchOptions = {}): Promise<LaunchedFirefoxExtension> {
  const dir = opts.dir ?? FIREFOX_EXTENSION_DIR;
  const geckoId = builtGeckoId(dir);
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`No Firefox at ${FIREFOX_PATH}: run apt-get install -y firefox-esr (or set FIREFOX_PATH)`);
  }
  const profileDir = await mkdtemp(join(tmpdir(), 'stfc-e2e-firefox-'));
  if (opts.allowInPrivateWindows) {
    await writeFile(
      join(profileDir, 'extension-preferences.json'),
      JSON.stringify({ [geckoId]: { permissions: ['internal:privateBrowsingAllowed'], origins: [] } }),
    );
  }

  // Not named `browser`: that is the WebExtension API inside the evaluate() callbacks below.
  let firefox: Browser | undefined;
  try {
    firefox = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      userDataDir: profileDir,
      args: ['-remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
        ...opts.prefs,
      },
    });
    const installedId = await firefox.installExtension(dir);
    if (installedId !== geckoId) throw new Error(`Firefox installed ${installedId}, expected ${geckoId}`);

    const ff = firefox;
    const baseUrl = `moz-extension://${EXTENSION_UUID}/`;
    return {
      browser: ff,
      geckoId,
      baseUrl,
      async open(path) {
        const page = await ff.newPage();
        page.setDefaultTimeout(WAIT_TIMEOUT_MS);
        await openExtensionPage(page, baseUrl + path);
        return page;
      },
      async openInPrivateWindow(path) {
        const url = baseUrl + path;
        // Puppeteer cannot open a private window in Firefox (createBrowserContext() makes a container, which
        // is not private and gives extension pages an IndexedDB of their own); the extension can, when allowed.
        const opener = await ff.newPage();
        await openExtensionPage(opener, baseUrl + 'popup.html');
        const before = new Set(await ff.pages());
        await opener.evaluate((target) => browser.windows.create({ incognito: true, url: target }).then(() => undefined), url);
        await opener.close();
        const page = await pollFor(async () => {
          for (const candidate of await ff.pages()) {
            if (before.has(candidate)) continue;
            if ((await pageState(candidate))?.href === url) return candidate;
          }
          return undefined;
        }, `a private window with ${url}`);
        page.setDefaultTimeout(WAIT_TIMEOUT_MS);
        await openExtensionPage(page, url, { navigate: false });
        return page;
      },
      async close() {
        await ff.close();
        await rm(profileDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await firefox?.close().catch(() => {});
    await rm(profileDir, { recursive: true, force: true });
    throw err;
  }
}

async function pageState(page: Page): Promise<{ href: string; readyState: string } | undefined> {
  try {
    return await page.evaluate(() => ({ href: location.href, readyState: document.readyState }));
  } catch {
    // The page is between documents (about:blank → the extension page): its context is gone for a moment.
    return undefined;
  }
}

/** Polls `probe` until it finds something (not undefined); throws naming `what` after PAGE_READY_TIMEOUT_MS. */
function pollFor<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  return pollUntil(
    async () => {
      const found = await probe();
      if (found === undefined) throw new Error(`Timed out after ${PAGE_READY_TIMEOUT_MS} ms waiting for ${what}`);
      return found;
    },
    { timeout: PAGE_READY_TIMEOUT_MS, interval: 50 },
  );
}

/**
 * Navigates `page` to an extension URL and waits until that document has loaded (its module scripts
 * have run). The goto is not awaited: Firefox never reports a load event for moz-extension pages.
 */
export async function openExtensionPage(page: Page, url: string, opts: { navigate?: boolean } = {}): Promise<void> {
  if (opts.navigate !== false) {
    // Rejects later with "Frame detached" or a navigation timeout; neither means anything here.
    page.goto(url).catch(() => {});
  }
  await pollFor(async () => {
    const state = await pageState(page);
    return state?.href === url && state.readyState === 'complete' ? true : undefined;
  }, `${url} to load`);
}

/**
 * Runs `fn` inside an extension page, where `browser.*` is the WebExtension API, and returns its
 * (serializable) result. `fn` is serialized: it sees only its arguments, not this file's variables.
 */
export async function evaluateInExtension<Args extends unknown[], Result>(
  page: Page,
  fn: (...args: Args) => Result | Promise<Result>,
  ...args: Args
): Promise<Result> {
  const href = await page.evaluate(() => location.href);
  if (!href.startsWith('moz-extension://')) throw new Error(`${href} is not an extension page`);
  return (await page.evaluate(fn as (...a: unknown[]) => Result | Promise<Result>, ...args)) as Result;
}

/**
 * Writes raw entries into the extension's IndexedDB (the idb-keyval layout: one object store, the value
 * stored at its key; with `replace`, in place of everything stored) from inside an extension page, then announces the change as lib/storage/messaging-adapter.ts
 * does, so the background and open views re-read. Resolves once the background has answered.
 */
export async function writeExtensionStore(page: Page, entries: Record<string, unknown>, { replace = false } = {}): Promise<void> {
  await evaluateInExtension(
    page,
    async (dbName: string, storeName: string, values: Record<string, unknown>, clearFirst: boolean) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const request = indexedDB.open(dbName);
        request.onupgradeneeded = () => request.result.createObjectStore(storeName);
        request.onsuccess = () => res(request.result);
        request.onerror = () => rej(request.error);
      });
      await new Promise<void>((res, rej) => {
        const tx = db.transaction(storeName, 'readwrite');
        if (clearFirst) tx.objectStore(storeName).clear();
        for (const [key, value] of Object.entries(values)) tx.objectStore(storeName).put(value, key);
        // Packs written by hand: no context may keep the ones it read before (lib/storage/stored-data.ts, packsRevision).
        if (Object.keys(values).some((key) => key.startsWith('pack:'))) tx.objectStore(storeName).delete('packsRevision');
        tx.oncomplete = () => res();
        tx.onabort = tx.onerror = () => rej(tx.error);
      });
      db.close();
    },
    DB_NAME,
    STORE_NAME,
    entries,
    replace,
  );
  // The @webext-core/messaging wire format of lib/storage/messaging-adapter.ts's storeChanged message. Retried while
  // the background has not registered its listener yet ("Receiving end does not exist").
  const message = { id: 1, type: 'storeChanged', data: { what: 'everything' }, timestamp: Date.now() };
  await pollUntil(() => evaluateInExtension(page, (m: typeof message) => browser.runtime.sendMessage(m).then(() => undefined), message), {
    timeout: 5_000,
    interval: 100,
  });
}

/** Reads one raw value from the extension's IndexedDB, from inside an extension page. */
export async function readExtensionStore(page: Page, key: string): Promise<unknown> {
  return evaluateInExtension(
    page,
    async (dbName: string, storeName: string, k: string) => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const request = indexedDB.open(dbName);
        request.onsuccess = () => res(request.result);
        request.onerror = () => rej(request.error);
      });
      const value = await new Promise<unknown>((res, rej) => {
        const request = db.transaction(storeName).objectStore(storeName).get(k);
        request.onsuccess = () => res(request.result);
        request.onerror = () => rej(request.error);
      });
      db.close();
      return value;
    },
    DB_NAME,
    STORE_NAME,
    key,
  );
}

/**
 * Runs `fn` in an extension page inside a trusted click, for the APIs Firefox only allows in a user
 * gesture (sidebarAction.open/close): a throwaway button calls it, and the click comes through BiDi input.
 */
export async function inUserGesture(page: Page, fn: () => unknown): Promise<void> {
  // A handle to the function itself (evaluateHandle(fn) would call it, outside any gesture).
  const call = await page.evaluateHandle(`(${fn.toString()})`);
  const button = await page.evaluateHandle((f: unknown) => {
    const el = document.createElement('button');
    el.textContent = 'e2e user gesture';
    el.style.cssText = 'position:fixed;inset:0 auto auto 0;z-index:2147483647';
    el.addEventListener('click', () => {
      el.dataset.result = 'pending';
      // Called synchronously: Firefox counts only the handler's own call stack as the user's gesture.
      new Promise((resolve) => resolve((f as () => unknown)()))
        .then(
          () => (el.dataset.result = 'ok'),
          (error: unknown) => (el.dataset.result = String(error)),
        );
    });
    document.body.append(el);
    return el;
  }, call);
  try {
    await button.click();
    const result = await page.waitForFunction((el: HTMLElement) => (el.dataset.result !== 'pending' ? el.dataset.result : undefined), {}, button);
    const outcome = await result.jsonValue();
    if (outcome !== 'ok') throw new Error(`in a user gesture: ${outcome}`);
  } finally {
    await button.evaluate((el) => el.remove());
  }
}
