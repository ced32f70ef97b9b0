// The official STFC web pages (account portal and web store, with its daily Web Gifts): the one site the
// overlay card is ever shown on, and the only place a content script's request is accepted from.

export const OFFICIAL_PAGES_ORIGIN = 'https://home.startrekfleetcommand.com';

/** The match pattern the overlay is registered for, and the host permission it asks for. */
export const OFFICIAL_PAGES_MATCH = `${OFFICIAL_PAGES_ORIGIN}/*`;

/**
 * Whether `url` is one of the official pages: https, that host, any path. The slash after the host keeps out
 * look-alikes (`…startrekfleetcommand.com.example/`, `…startrekfleetcommand.com@example/`); a port is not accepted.
 */
export const isOfficialPage = (url: string): boolean => url.startsWith(`${OFFICIAL_PAGES_ORIGIN}/`);
