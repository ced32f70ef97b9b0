// The one place that asks for, checks and gives back optional permissions: only what is used, only
// while it is used.
import { browser } from 'wxt/browser';

export type Permissions = Parameters<typeof browser.permissions.request>[0];

export const NOTIFICATIONS: Permissions = { permissions: ['notifications'] };

/**
 * Asks for an optional permission. Call it first thing in a click or change handler, with no await
 * before it: browsers only show the prompt in direct answer to a user action.
 */
export function askFor(permissions: Permissions): Promise<boolean> {
  try {
    return browser.permissions.request(permissions).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

/** Gives a permission back once nothing uses it. */
export async function giveBack(permissions: Permissions): Promise<void> {
  try {
    await browser.permissions.remove(permissions);
  } catch {
    // Already gone, or the browser keeps it: nothing uses it while its setting is off either way.
  }
}

export async function holds(permissions: Permissions): Promise<boolean> {
  try {
    return await browser.permissions.contains(permissions);
  } catch {
    return false;
  }
}

/** Host access to one feed's site, e.g. `https://packs.example.org/*`. */
export const hostAccess = (hostPattern: string): Permissions => ({ origins: [hostPattern] });
