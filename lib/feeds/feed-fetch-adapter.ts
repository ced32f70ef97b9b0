// The network: one GET of a feed, conditional, without cookies, within a time limit and a byte cap read
// while the answer streams in. Whatever goes wrong comes back as a reason in words, never as a throw.
import { conditionalHeaders, validatorsOf, type FeedValidators } from './conditional-request';
import type { FetchOutcome } from './check-outcome';
import { checkFeedUrl } from './feed-url';

export const FETCH_TIMEOUT_MS = 15_000;

export interface FetchLimits {
  maxBytes: number;
  timeoutMs?: number;
}

const JSON_TYPES = /^(application\/([\w.+-]*\+)?json|text\/json|text\/plain)$/;

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

/**
 * Fetches `url`, asking only for a newer version than `validators` describe.
 *
 * Redirects: `redirect: 'follow'` and then the final address (`response.url`) is checked with the same
 * rule as a typed address, before any of the body is read. `redirect: 'manual'` cannot serve here:
 * extension pages get an opaque answer without the Location header, so an https-to-https move (common
 * on static hosts) could not be followed at all. No cookies are sent on any hop (`credentials: 'omit'`).
 */
export async function fetchFeed(url: string, validators: FeedValidators, limits: FetchLimits): Promise<FetchOutcome> {
  const address = checkFeedUrl(url);
  if (!address.ok) return { kind: 'failed', reason: `the address is refused: ${address.reason}` };
  const timeoutMs = limits.timeoutMs ?? FETCH_TIMEOUT_MS;
  const host = new URL(address.url).host;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const tooSlow = (): FetchOutcome => ({ kind: 'failed', reason: `${host} did not answer within ${Math.ceil(timeoutMs / 1000)} s` });
  try {
    let response: Response;
    try {
      response = await fetch(address.url, {
        method: 'GET',
        headers: { Accept: 'application/json', ...conditionalHeaders(validators) },
        credentials: 'omit',
        redirect: 'follow',
        // The browser's cache stays out: our own If-None-Match must reach the server and its 304 reach us.
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch {
      return timedOut ? tooSlow() : { kind: 'failed', reason: `could not reach ${host} (offline, or the address is wrong)` };
    }
    if (response.redirected && response.url) {
      const hop = checkFeedUrl(response.url);
      if (!hop.ok) {
        void response.body?.cancel();
        return { kind: 'failed', reason: `the server sent the request on to an address that is refused (${hop.reason})` };
      }
    }
    if (response.status === 304) return { kind: 'not-modified' };
    if (response.status !== 200) {
      void response.body?.cancel();
      const words = response.statusText ? ` (${response.statusText})` : '';
      return { kind: 'failed', reason: `${host} answered ${response.status}${words} instead of the file` };
    }
    const type = (response.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== '' && !JSON_TYPES.test(type)) {
      void response.body?.cancel();
      return { kind: 'failed', reason: `the answer is not JSON but ${type} (is it the address of the file itself?)` };
    }
    const declared = Number(response.headers.get('Content-Length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      void response.body?.cancel();
      return { kind: 'failed', reason: `the file is larger than ${sizeLabel(limits.maxBytes)}` };
    }
    const body = await readCapped(response, limits.maxBytes);
    if (body === undefined) return { kind: 'failed', reason: `the file is larger than ${sizeLabel(limits.maxBytes)}` };
    return { kind: 'document', text: body, validators: validatorsOf((name) => response.headers.get(name)) };
  } catch {
    return timedOut ? tooSlow() : { kind: 'failed', reason: `the answer from ${host} broke off` };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or undefined as soon as it passes `maxBytes` (the rest is never downloaded). */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
