// Launches the built Chrome extension (.output/chrome-mv3) in Debian's Chromium through playwright-core.
// Playwright's own browser download is not used: the browser is /usr/bin/chromium (apt-get install chromium).
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
/** The test build (STFC_E2E_BUILD=1): host access to 127.0.0.1 from install, for the feed tests' server. */
export const E2E_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/e2e-chrome-mv3');

export type ExtensionPage = 'popup.html' | 'sidepanel.html' | 'options.html';

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  userDataDir: string;
  close(): Promise<void>;
}

export async function launchExtension(
  opts: { userDataDir?: string; dir?: string; /** More Chromium switches. */ args?: string[]; ignoreHTTPSErrors?: boolean } = {},
): Promise<LaunchedExtension> {
  const dir = opts.dir ?? EXTENSION_DIR;
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No built extension at ${dir}: run npm run build first`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: run apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  const ownDir = opts.userDataDir === undefined;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'stfc-e2e-')));

  let context: BrowserContext | undefined;
  try {
    // headless: true makes playwright pass --headless, which is Chromium's new headless mode
    // (the old one was split out into chrome-headless-shell), and that one loads extensions.
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...chromiumArgs(dir), ...(opts.args ?? [])],
      ...(opts.ignoreHTTPSErrors ? { ignoreHTTPSErrors: true } : {}),
    });
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 30_000,
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    const ctx = context;
    return {
      context: ctx,
      extensionId,
      serviceWorker,
      userDataDir,
      async close() {
        await ctx.close();
        if (ownDir) await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await context?.close().catch(() => {});
    if (ownDir) await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
}

export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  page: ExtensionPage,
): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(`chrome-extension://${extensionId}/${page}`);
  return tab;
}

/** Debian Chromium as root on a closed network, with the unpacked extension at `dir` loaded. */
export function chromiumArgs(dir: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
  ];
}
