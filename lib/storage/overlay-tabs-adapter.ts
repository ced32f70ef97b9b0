// The background's view of the overlay cards on the official STFC pages: which tabs may hold one (a
// content script hears no runtime message, so changes are sent to its tab), and who the extension is.
import { browser } from 'wxt/browser';
import { OFFICIAL_PAGES_MATCH } from '../overlay/official-pages';

/** The extension's own id and the address its pages start with (`chrome-extension://<id>/`). */
export interface OwnExtension {
  id: string;
  pages: string;
}

export const ownExtension = (): OwnExtension => ({ id: browser.runtime.id, pages: browser.runtime.getURL('/') });

/**
 * The tabs on the official pages. Their URLs are visible only with the host permission, which the overlay
 * holds while it is on: without it the query matches nothing, and there is no card to tell.
 */
export const officialPageTabs = (): Promise<Array<{ id?: number | undefined }>> =>
  browser.tabs.query({ url: OFFICIAL_PAGES_MATCH }).catch(() => []);
