// Which addresses a feed may have: https, or plain http on this computer (loopback) for testing and for
// packs hosted at home. Pure: the fetch is lib/feeds/feed-fetch-adapter.ts.

export type FeedUrl = { ok: true; url: string; origin: string; hostPattern: string } | { ok: false; reason: string };

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'];
export const MAX_URL_LENGTH = 2000;

/**
 * Checks a feed address typed or pasted by the Commander, or found in a catalogue (relative to `base`).
 * The accepted address has no fragment; `hostPattern` is the host permission that covers it.
 */
export function checkFeedUrl(text: string, base?: string): FeedUrl {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'no address given' };
  if (trimmed.length > MAX_URL_LENGTH) return { ok: false, reason: `longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return { ok: false, reason: 'not a web address (it should start with https://)' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'addresses with a user name or password are refused: a feed must be public' };
  }
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !loopback) {
    const reason =
      url.protocol === 'http:'
        ? 'plain http is refused (anyone on the way could change the pack): use the https address'
        : `${url.protocol.replace(/:$/, '')} addresses are refused: only https`;
    return { ok: false, reason };
  }
  url.hash = '';
  // A match pattern covers every port of its host, so one grant serves 127.0.0.1:8080 and :8081 alike.
  return { ok: true, url: url.href, origin: url.origin, hostPattern: `${url.protocol}//${url.hostname}/*` };
}

/** The host permission a stored feed address needs (feeds are checked when added, so this never fails for them). */
export function hostPatternOf(url: string): string {
  const checked = checkFeedUrl(url);
  if (!checked.ok) throw new Error(`not a feed address: ${url}`);
  return checked.hostPattern;
}
