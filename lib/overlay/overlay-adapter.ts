// The options page's switch for the card on the official STFC pages: the permission asked for and given
// back, and the content script registered at run time (never in the manifest, so nothing is injected
// anywhere until the Commander turns it on).
import { browser } from 'wxt/browser';
import { askFor, giveBack, holds, type Permissions } from '../permissions/permission-adapter';
import { OFFICIAL_PAGES_MATCH } from './official-pages';

/** What the overlay needs, all optional: registering a script, and the official pages' one host. */
export const OVERLAY_ACCESS: Permissions = { permissions: ['scripting'], origins: [OFFICIAL_PAGES_MATCH] };

const SCRIPT_ID = 'official-pages-overlay';
/** Where WXT builds entrypoints/overlay.content/. */
const SCRIPT_FILE = 'content-scripts/overlay.js';

/** Asks for OVERLAY_ACCESS; call it first thing in the click, with no await before it (the prompt needs the user's gesture). */
export const askForOverlayAccess = (): Promise<boolean> => askFor(OVERLAY_ACCESS);

/**
 * Whether the card is on: its script registered and the access held. Read from the browser, so it cannot
 * disagree with a stored flag; access withdrawn in the browser's own settings reads as off.
 */
export async function overlayOn(): Promise<boolean> {
  if (!(await holds(OVERLAY_ACCESS))) return false;
  try {
    return (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
  } catch {
    return false;
  }
}

async function unregister(): Promise<void> {
  try {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  } catch {
    // Not registered (or the permission is gone, and with it every registration).
  }
}

/** Registers the card's script for the official pages, replacing a registration left from before. */
export async function registerOverlay(): Promise<void> {
  await unregister();
  await browser.scripting.registerContentScripts([
    { id: SCRIPT_ID, matches: [OFFICIAL_PAGES_MATCH], js: [SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}

/** Unregisters the script, then gives the access back (a build that holds it from install keeps it: nothing injects either way). */
export async function unregisterOverlay(): Promise<void> {
  await unregister();
  await giveBack(OVERLAY_ACCESS);
}
